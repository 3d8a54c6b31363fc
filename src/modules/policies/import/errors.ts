import { type Message, say } from "../../../kernel/i18n/index.js";
/**
 * A file that cannot be turned into a policy draft. The message is written for the person who
 * uploaded it: what is wrong and what to do instead.
 */
export class UnreadablePolicyError extends Error {
  constructor(readonly problem: Message) {
    super(say("en-GB", problem));
    this.name = "UnreadablePolicyError";
  }
}
