import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoMoment, MailDelivery } from "../../kernel/responses.js";

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
/** What a signer without an account sees for a link that never was one (mistyped, cut short). */
/** Shared with the web app, so a plain string; the service says it as a message (device-codes.ts). */
export const INVALID_LINK = "This link is not valid. Ask the school for a new one.";

/**
 * A link's token as it arrived in the address: any text, so that a link cut short or mistyped is
 * answered "this link is not valid" by the service (404), not as a form field to correct.
 */
export const TokenParams = z.object({ token: z.string().max(200, INVALID_LINK) });
export const ReferenceParams = z.object({ reference: z.string().min(10).max(40) });

/**
 * Chosen by a shared device (kiosk, class) when the signer presses sign: the same key sent again,
 * from the device's offline queue or after an answer lost on the way, records one signature and
 * gets the first answer back (decision 039).
 */
const IdempotencyKey = z.uuid({ error: "The signature's key must be a UUID." }).optional();

export const VisitorInput = SignatureInput.omit({ jobTitle: true }).extend({
  idempotencyKey: IdempotencyKey,
  organisation: z.string().trim().min(1, "Type your organisation, or 'None'.").max(200),
  visiting: z.string().trim().min(1, "Type who you are visiting.").max(200),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address.")])
    .optional()
    .transform((v) => v || undefined),
  /** The language the visitor chose on the kiosk for this visit: their emailed receipt is in it. */
  language: z.enum(["en-GB", "cy"]).optional(),
});
export const ClassSignatureInput = SignatureInput.omit({ jobTitle: true, signatureImage: true }).extend({
  pupilId: z.uuid(),
  idempotencyKey: IdempotencyKey,
});

/** Opening a kiosk: the visitor agreement, the device's name, and the last day it stays open. */
export const OpenKioskInput = z.object({
  agreementId: z.uuid(),
  deviceName: z.string().trim().min(1, "Name the device, e.g. Reception iPad.").max(60).default("Kiosk"),
  /** The last day (Europe/London) it stays open; today when left out. At most the end of term. */
  until: isoDate.optional(),
  /**
   * How many minutes the tablet may keep taking signatures it cannot send while the network is
   * down (0: it stops at the first one it could not send). 30 when left out.
   */
  offlineMinutes: z.number().int().min(0).max(480).default(30),
});

/** The shared classroom device types the session's short code at /class. */
export const ClassCodeInput = z.object({ code: z.string().trim().min(4, "Type the code.").max(20) });

// --- Responses

/** The kinds of signature record: a signature, a decline, or a later record withdrawing one. */
export const SIGNATURE_KINDS = ["signed", "declined", "withdrawn"] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/** How the signer was known: their account, a parent's link, the kiosk or a class session. */
export const AUTH_METHODS = [
  "password",
  "sso",
  "api_token",
  "parent_link",
  "kiosk",
  "class_session",
  /** A printed form the carer signed, recorded by a member of staff (paper-forms.ts). */
  "paper",
] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** A SHA-256 in hex: the hash of the exact text shown to the signer. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One question a signer answers (photo consent: "agree" or "disagree"). */
export const ChoiceView = z.object({ key: z.string(), label: z.string(), options: z.array(z.string()) });
export type ChoiceView = z.infer<typeof ChoiceView>;

/**
 * The words a signer read beside each option Accord suggests (the signing form shows "I agree",
 * not "agree"): receipts and the compliance CSV print these. An option a school typed itself is
 * shown as typed. The web app has the same words, in Welsh too (agreements.options).
 */
const OPTION_WORDS: Record<string, string> = {
  agree: "I agree",
  disagree: "I do not agree",
  yes: "Yes",
  no: "No",
};
export const optionInWords = (option: string) => OPTION_WORDS[option] ?? option;

/**
 * A subject as a signer's screen receives it, presented by the module that owns it (an
 * agreement: agreements/schema.ts `AgreementView`). Signing needs these fields to show the form
 * and check the answer; the owner's own fields (an agreement's audience, policy and parent mode)
 * pass through untouched.
 */
export const SubjectView = z
  .looseObject({
    id: Id,
    title: z.string(),
    statements: z.array(z.string()),
    declaration: z.string(),
    choices: z.array(ChoiceView),
    requireJobTitle: z.boolean(),
    /** The hash of the exact text shown; the signer sends it back unchanged. */
    textSha256: Sha256,
  })
  .meta({ description: "The subject to sign, as its owner presents it (for an agreement: AgreementView)" });
export type SubjectView = z.infer<typeof SubjectView>;

/** A signature record: a signature, a decline or a withdrawal (`presentSignature`). */
export const SignatureView = z.object({
  id: Id,
  /** The subject signed; an agreement's signature names it `agreementId`. */
  agreementId: Id,
  kind: z.enum(SIGNATURE_KINDS),
  /** The signer's name as typed; on a withdrawal, who withdrew it. */
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  /** The child a parent or carer signed for. */
  onBehalfOfId: Id.nullable(),
  choices: z.record(z.string(), z.string()),
  /** Why it was declined or withdrawn. */
  reason: z.string().nullable(),
  textSha256: Sha256,
  authMethod: z.enum(AUTH_METHODS),
  signedAt: IsoMoment,
  verificationReference: z.string(),
  /** The earlier signature this record withdraws or corrects; evidence is never changed in place. */
  correctsId: Id.nullable(),
});
export type SignatureView = z.infer<typeof SignatureView>;

/** One entry of a person's signing history, with its subject's title and whether it still stands. */
export const SignatureRecordView = SignatureView.extend({
  agreementTitle: z.string(),
  versionNumber: z.string(),
  /** False once the subject was replaced by a newer version: nothing to correct then. */
  agreementInForce: z.boolean(),
  /** Set on a signature that a later record withdrew. */
  withdrawnAt: IsoMoment.nullable(),
  /** Set on a signature that a later correction replaced. */
  correctedAt: IsoMoment.nullable(),
});
export type SignatureRecordView = z.infer<typeof SignatureRecordView>;

export const SignatureHistoryView = z.object({ signatures: z.array(SignatureRecordView) });
export type SignatureHistoryView = z.infer<typeof SignatureHistoryView>;

/** What a correction form needs: the signature in force and the text in force now. */
export const CorrectionView = z.object({ signature: SignatureView, agreement: SubjectView });
export type CorrectionView = z.infer<typeof CorrectionView>;

/** `GET /receipts/{reference}`: a genuine receipt (and whether it still stands), or not. */
export const VerificationView = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    schoolName: z.string(),
    agreementTitle: z.string(),
    versionNumber: z.string(),
    signerName: z.string(),
    signedAt: IsoMoment,
    textSha256: Sha256,
    /** The receipt is genuine, but a later record withdrew or corrected the signature. */
    withdrawnAt: IsoMoment.nullable(),
    correctedAt: IsoMoment.nullable(),
  }),
  z.object({
    valid: z.literal(false),
    /** "record_mismatch": the signature no longer matches what was recorded (edited afterwards). */
    reason: z.enum(["record_mismatch"]).optional(),
  }),
]);
export type VerificationView = z.infer<typeof VerificationView>;

/** What a signer without an account gets back (kiosk, class session): the reference, nothing else. */
export const SignedReceiptView = z.object({ signedAt: IsoMoment, verificationReference: z.string() });
export type SignedReceiptView = z.infer<typeof SignedReceiptView>;

// Parent links

const NamedChild = z.object({ id: Id, name: z.string() });

export const ParentLinksSentView = z.object({
  /** Links emailed (or, on a dry run, that would be): to carers with parental responsibility only. */
  sent: z.number().int(),
  /** Carers with parental responsibility who were asked but have no email address: a printed form instead. */
  carersWithoutEmail: z.array(z.object({ id: Id, name: z.string(), children: z.array(NamedChild) })),
  /** Children still to be covered whom no link can reach, and why. */
  unreachableChildren: z.array(
    NamedChild.extend({
      regGroup: z.string().nullable(),
      reason: z.enum(["no_responsible_carer", "no_email", "not_asked"]),
    }),
  ),
  /** People asked who hold parental responsibility for no child at the school: sent nothing. */
  withoutResponsibility: z.number().int(),
  /** "outbox" when no mail server is set up: the links wait in the outbox, not yet emailed. */
  delivery: MailDelivery,
});
export type ParentLinksSentView = z.infer<typeof ParentLinksSentView>;

const LinkPeople = {
  schoolName: z.string(),
  parentName: z.string().nullable(),
  /** The child the link is for; null for a family link. */
  childName: z.string().nullable(),
};

/** `GET /sign/{token}`: the form while the link is open, or what was given once it is used. */
export const SigningLinkView = z.discriminatedUnion("state", [
  z.object({ ...LinkPeople, state: z.literal("open"), agreement: SubjectView }),
  // A used link: that it was answered and when, with no names and no answers (decision 027).
  z.object({
    schoolName: z.string(),
    state: z.enum(["signed", "declined"]),
    agreementTitle: z.string(),
    answeredAt: IsoMoment,
  }),
]);
export type SigningLinkView = z.infer<typeof SigningLinkView>;

// Kiosks

export const OpenedKioskView = z.object({
  id: Id,
  /** Typed on the tablet once; shown only now. */
  code: z.string(),
  deviceName: z.string(),
  expiresAt: IsoMoment,
});
export type OpenedKioskView = z.infer<typeof OpenedKioskView>;

export const KioskSummaryView = z.object({
  id: Id,
  agreementTitle: z.string(),
  /** What reception calls the device; null for kiosks opened before devices were named. */
  deviceName: z.string().nullable(),
  openedAt: IsoMoment,
  expiresAt: IsoMoment,
  closedAt: IsoMoment.nullable(),
  /** Visitors who signed while it was open. */
  signatures: z.number().int(),
});
export type KioskSummaryView = z.infer<typeof KioskSummaryView>;

export const KioskListView = z.object({ kiosks: z.array(KioskSummaryView) });
export type KioskListView = z.infer<typeof KioskListView>;

/** What the tablet shows: the school's name and the subject visitors sign. */
export const KioskView = z.object({
  schoolName: z.string(),
  agreement: SubjectView,
  /** How long the tablet may hold signatures it cannot send before it refuses new visitors. */
  offlineMinutes: z.number().int(),
});
export type KioskView = z.infer<typeof KioskView>;

/** `POST /kiosk/start`: the tablet's token (sent as `x-kiosk-token` from then on) and what it shows. */
export const KioskStartedView = KioskView.extend({ token: z.string() });
export type KioskStartedView = z.infer<typeof KioskStartedView>;

// Class sessions

export const ClassSessionOptionsView = z.object({
  regGroups: z.array(z.string()),
  /** The subjects in force addressed to pupils. */
  agreements: z.array(SubjectView),
});
export type ClassSessionOptionsView = z.infer<typeof ClassSessionOptionsView>;

/** What the teacher gets on opening a session; the token is the shared device's key. */
export const OpenedClassSessionView = z.object({
  id: Id,
  token: z.string(),
  /** Typed at /class on the shared device instead of the link; works while the session is open. */
  shortCode: z.string(),
  regGroup: z.string(),
  agreementTitle: z.string(),
  expiresAt: IsoMoment,
});

/** `POST /class/open`: the shared device's key, exchanged for the short code. */
export const ClassCodeOpenedView = z.object({ token: z.string() });
export type ClassCodeOpenedView = z.infer<typeof ClassCodeOpenedView>;
export type OpenedClassSessionView = z.infer<typeof OpenedClassSessionView>;

/** The teacher's view of a session: who has signed, named as on the class device ("Cai P."). */
export const ClassSessionView = z.object({
  id: Id,
  regGroup: z.string(),
  agreementTitle: z.string(),
  ended: z.boolean(),
  pupils: z.array(z.object({ id: Id, name: z.string(), signed: z.boolean() })),
});
export type ClassSessionView = z.infer<typeof ClassSessionView>;

/** The shared device's view: first names and an initial, and who has signed; nothing else. */
export const ClassDeviceView = z.object({
  schoolName: z.string(),
  regGroup: z.string(),
  agreement: SubjectView,
  pupils: z.array(z.object({ id: Id, displayName: z.string(), signed: z.boolean() })),
});
export type ClassDeviceView = z.infer<typeof ClassDeviceView>;

// Printed forms (paper-forms.ts)

/** What the office types from a carer's printed form. */
export const PaperFormInput = z.object({
  childId: z.uuid("Choose the child the form is for."),
  carerId: z.uuid().optional(),
  carerName: z.string().trim().min(2, "Type the name the carer wrote on the form.").max(200),
  choices: z.record(z.string(), z.string()).default({}),
  signedOn: isoDate,
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, "textSha256 must be a SHA-256 in hex."),
});

/** `GET …/paper-forms.pdf`: one child's form, a class's, or (neither) every child a link cannot reach. */
export const PaperFormsQuery = z.object({
  childId: z.uuid().optional(),
  regGroup: z.string().trim().min(1).max(40).optional(),
});

/** The children a printed form may be recorded for: still to be covered, with their carers. */
export const PaperFormOptionsView = z.object({
  children: z.array(
    z.object({
      id: Id,
      name: z.string(),
      regGroup: z.string().nullable(),
      /** No link can reach this child (no carer with parental responsibility and an email address). */
      needsPaper: z.boolean(),
      carers: z.array(z.object({ id: Id, name: z.string(), relationship: z.string().nullable() })),
    }),
  ),
  regGroups: z.array(z.string()),
});
export type PaperFormOptionsView = z.infer<typeof PaperFormOptionsView>;

/** A recorded printed form: the signature it became, the date on the form and who recorded it. */
export const PaperFormRecordedView = SignatureView.extend({ signedOn: z.string(), recordedBy: z.string() });
export type PaperFormRecordedView = z.infer<typeof PaperFormRecordedView>;
