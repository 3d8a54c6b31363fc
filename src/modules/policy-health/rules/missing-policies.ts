import type { ReferenceRule } from "./types.js";

/**
 * "Read in conjunction with the Anti-bullying Policy": a reference a reader can only follow when
 * the school's library holds that policy. Held, Accord links it; not held, it is a finding.
 */
export const MISSING_POLICIES: readonly ReferenceRule[] = [
  {
    key: "policy-not-in-library",
    set: "missing_policies",
    kind: "reference",
    countries: ["england", "wales"],
    leadIns: [
      /\bin conjunction with\b/i,
      /\bread (?:it )?(?:alongside|together with|with)\b/i,
      /\bsee (?:also )?(?:the|our)\b/i,
      /\bas set out in (?:the|our)\b/i,
      /\bin (?:line|accordance) with (?:the|our)\b/i,
      /\bfollow(?:s|ing)? (?:the|our)\b/i,
    ],
    // A capitalised name (small joining words allowed inside it) ending in Policy or the like.
    name: /\b[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|on|in|&|-|–)){0,8}?\s+(?:Policy|Procedures?|Code of Conduct)\b/g,
    title: { en: "Refers to a policy not in the library", cy: "Yn cyfeirio at bolisi nad yw yn y llyfrgell" },
    why: {
      en: "This policy asks readers to read it with another policy that is not in Accord's library, so staff and governors cannot follow the reference. Import or add that policy, or take the reference out if the policy no longer exists.",
      cy: "Mae'r polisi hwn yn gofyn i ddarllenwyr ei ddarllen gyda pholisi arall nad yw yn llyfrgell Accord, felly ni all staff a llywodraethwyr ddilyn y cyfeiriad. Mewnforiwch neu ychwanegwch y polisi hwnnw, neu tynnwch y cyfeiriad allan os nad yw'r polisi'n bodoli mwyach.",
    },
  },
];
