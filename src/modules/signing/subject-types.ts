import { type Message, msg } from "../../kernel/i18n/index.js";

/**
 * The kinds of thing a person can sign. Each is owned by another module, which describes it to
 * signing (signing/subjects.ts); signing itself knows none of them. Consent forms, device-loan
 * agreements and review sign-offs join this list as their modules arrive.
 */
export const SUBJECT_TYPES = ["agreement"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The subject in the reader's words, for messages such as "That agreement does not exist." */
export const SUBJECT_NOUNS: Record<SubjectType, Message> = { agreement: msg`agreement` };
