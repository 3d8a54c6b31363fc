/**
 * A file that cannot be turned into a policy draft. The message is written for the person who
 * uploaded it: what is wrong and what to do instead.
 */
export class UnreadablePolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadablePolicyError";
  }
}
