/**
 * The kinds of thing a person can sign. Each is owned by another module, which describes it to
 * signing (signing/subjects.ts); signing itself knows none of them. Consent forms, device-loan
 * agreements and review sign-offs join this list as their modules arrive.
 */
export const SUBJECT_TYPES = ["agreement"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
