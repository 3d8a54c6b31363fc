import type { SentenceRule } from "./types.js";

/**
 * Law and guidance a policy names that has been replaced. Keeping children safe in education is
 * republished most Septembers, so an edition is old once a newer academic year has begun.
 */
export const SUPERSEDED_LAW: readonly SentenceRule[] = [
  {
    key: "data-protection-act-1998",
    set: "superseded_law",
    kind: "sentence",
    countries: ["england", "wales"],
    patterns: [/\bData Protection Act,?\s+1998\b/i, /\bDPA,?\s+(?:19)?98\b/, /\bDeddf Diogelu Data 1998\b/i],
    title: {
      en: "Superseded law: the Data Protection Act 1998",
      cy: "Deddf a ddisodlwyd: Deddf Diogelu Data 1998",
    },
    why: {
      en: "The Data Protection Act 1998 was repealed in May 2018. Personal data is now protected by the UK GDPR and the Data Protection Act 2018, which give people more rights and set a 72-hour deadline for reporting serious breaches to the Information Commissioner's Office.",
      cy: "Diddymwyd Deddf Diogelu Data 1998 ym mis Mai 2018. Bellach, caiff data personol ei ddiogelu gan GDPR y DU a Deddf Diogelu Data 2018, sy'n rhoi mwy o hawliau i bobl ac yn gosod terfyn o 72 awr i roi gwybod i Swyddfa'r Comisiynydd Gwybodaeth am dor-diogelwch difrifol.",
    },
    replacement: {
      en: "We handle personal data in line with the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.",
      cy: "Rydym yn trin data personol yn unol â Rheoliad Cyffredinol y DU ar Ddiogelu Data (GDPR y DU) a Deddf Diogelu Data 2018.",
    },
  },
  {
    key: "kcsie-old-edition",
    set: "superseded_law",
    kind: "sentence",
    countries: ["england"],
    patterns: [
      /\bKeeping children safe in education\W{0,4}(?:\(?\s*(?:September|Sept\.?)\s+)?((?:19|20)\d\d)\b/i,
      /\bKCSIE\W{0,4}(?:\(?\s*(?:September|Sept\.?)\s+)?((?:19|20)\d\d)\b/i,
    ],
    editionsBefore: "this_academic_year",
    title: {
      en: "An old edition of Keeping children safe in education",
      cy: "Hen argraffiad o Cadw plant yn ddiogel mewn addysg",
    },
    why: {
      en: "Keeping children safe in education is republished most years and comes into force each September. A policy that names an older edition may miss duties schools must now follow, such as those on filtering and monitoring.",
      cy: "Caiff Cadw plant yn ddiogel mewn addysg ei ailgyhoeddi bron bob blwyddyn, ac mae'n dod i rym bob mis Medi. Gall polisi sy'n enwi argraffiad hŷn golli dyletswyddau y mae'n rhaid i ysgolion eu dilyn bellach, fel y rhai ar hidlo a monitro.",
    },
    replacement: {
      en: "We follow the current edition of Keeping children safe in education, and check this policy against each new edition when it is published.",
      cy: "Rydym yn dilyn yr argraffiad cyfredol o Cadw plant yn ddiogel mewn addysg, ac yn gwirio'r polisi hwn yn erbyn pob argraffiad newydd pan gaiff ei gyhoeddi.",
    },
  },
  {
    key: "kcsie-in-wales",
    set: "superseded_law",
    kind: "sentence",
    countries: ["wales"],
    patterns: [/\bKeeping children safe in education\b/i, /\bKCSIE\b/],
    title: {
      en: "Guidance for England in a school in Wales",
      cy: "Canllawiau ar gyfer Lloegr mewn ysgol yng Nghymru",
    },
    why: {
      en: "Keeping children safe in education is statutory guidance for schools in England. Schools in Wales follow the Welsh Government's Keeping learners safe and the Wales Safeguarding Procedures.",
      cy: "Canllawiau statudol i ysgolion yn Lloegr yw Cadw plant yn ddiogel mewn addysg. Mae ysgolion yng Nghymru yn dilyn Cadw dysgwyr yn ddiogel, gan Lywodraeth Cymru, a Gweithdrefnau Diogelu Cymru.",
    },
    replacement: {
      en: "We follow the Welsh Government's guidance Keeping learners safe and the Wales Safeguarding Procedures.",
      cy: "Rydym yn dilyn canllawiau Llywodraeth Cymru, Cadw dysgwyr yn ddiogel, a Gweithdrefnau Diogelu Cymru.",
    },
  },
];
