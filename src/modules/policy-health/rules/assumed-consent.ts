import type { SentenceRule } from "./types.js";

/**
 * Consent assumed from silence. The Information Commissioner's view is that consent is a clear
 * positive act: a form not returned, a box not ticked or "unless you tell us" is never consent.
 */
export const ASSUMED_CONSENT: readonly SentenceRule[] = [
  {
    key: "consent-from-silence",
    set: "assumed_consent",
    kind: "sentence",
    countries: ["england", "wales"],
    patterns: [
      // "If the form is not returned, permission will be assumed."
      /\b(?:if|where|should)\b[^.;]{0,80}\b(?:not|n't|never|fail to|fails to)\b[^.;]{0,40}\b(?:return|send|hear|respond|reply)[^.;]{0,80}\b(?:assum|deem|presum|tak(?:e|en)(?: it| this| that)? (?:as|to)|treat)/i,
      // "Consent will be assumed", "permission is deemed to have been given".
      /\b(?:consent|permission|agreement)\b[^.;]{0,40}\b(?:will|shall|is|are|be)\s+(?:be\s+)?(?:assumed|deemed|presumed|taken as (?:given|read|granted))/i,
      // "We will assume you are happy for…", "we assume consent".
      /\b(?:assume|presume)\b[^.;]{0,30}\b(?:consent|permission|you(?:'re| are) happy|you agree|you consent|agreement)/i,
      // "Unless you tell us otherwise, photographs may be used."
      /\bunless (?:we hear|you tell us|you let us know|you inform us|you contact us|we are told|you write to us)\b/i,
      // "No reply will be taken as agreement."
      /\b(?:no|a lack of|without a)\s+(?:reply|response|answer|objection)\b[^.;]{0,40}\b(?:taken|treated|regarded|deemed)\b[^.;]{0,20}\b(?:as|to be)\b[^.;]{0,20}\b(?:consent|permission|agreement|yes)/i,
    ],
    title: { en: "Consent assumed from silence", cy: "Tybio caniatâd o dawelwch" },
    why: {
      en: "Consent must be a clear yes. The Information Commissioner's Office is plain that silence, a form not returned or a box left unticked is never consent. Ask for an answer, and treat no answer as no until one is given.",
      cy: "Rhaid i ganiatâd fod yn ie clir. Mae Swyddfa'r Comisiynydd Gwybodaeth yn glir nad yw tawelwch, ffurflen heb ei dychwelyd na blwch heb ei dicio byth yn ganiatâd. Gofynnwch am ateb, a thrinwch ddim ateb fel na nes i ateb ddod.",
    },
    replacement: {
      en: "We will only do this once a parent or carer has said yes. Until we have your answer we treat it as no, and you can change your answer at any time.",
      cy: "Dim ond ar ôl i riant neu ofalwr ddweud ie y byddwn yn gwneud hyn. Nes i ni gael eich ateb, rydym yn ei drin fel na, a gallwch newid eich ateb ar unrhyw adeg.",
    },
  },
];
