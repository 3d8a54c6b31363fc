import { z } from "zod";

/** What a signer sends: their name, their answers, and the hash of the text their screen showed. */
export const SignatureInput = z.object({
  fullName: z.string().trim().min(2, "Type your full name.").max(200),
  jobTitle: z.string().trim().max(200).optional(),
  choices: z.record(z.string(), z.string()).default({}),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, "textSha256 must be a SHA-256 in hex."),
  /** A drawn signature as a PNG data URL; optional, never the only way to sign. */
  signatureImage: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "A drawn signature must be a PNG image.")
    .max(300_000)
    .optional(),
});

export const DeclineInput = z.object({
  reason: z.string().trim().min(3, "Say briefly why you are declining.").max(2000),
});

export const WithdrawInput = z.object({
  reason: z.string().trim().min(3, "Say briefly why the signature is withdrawn.").max(2000),
});

export const SubjectParams = z.object({ id: z.uuid("That is not a valid id.") });
export const TokenParams = z.object({ token: z.string().min(20).max(100) });
export const ReferenceParams = z.object({ reference: z.string().min(10).max(40) });

export const VisitorInput = SignatureInput.omit({ jobTitle: true }).extend({
  organisation: z.string().trim().min(1, "Type your organisation, or 'None'.").max(200),
  visiting: z.string().trim().min(1, "Type who you are visiting.").max(200),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address.")])
    .optional()
    .transform((v) => v || undefined),
});
export const ClassSignatureInput = SignatureInput.omit({ jobTitle: true, signatureImage: true }).extend({
  pupilId: z.uuid(),
});
