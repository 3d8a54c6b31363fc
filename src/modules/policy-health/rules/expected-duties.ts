import type { DutyRule } from "./types.js";

const ONLINE_SAFETY = /online[\s-]*safety|e-?safety|internet safety|digital safety|diogelwch ar-lein/i;
const DATA_PROTECTION = /data protection|\bGDPR\b|diogelu data/i;

/**
 * Duties a type of policy is expected to cover (its type read from its title). England's
 * designated safeguarding lead is Wales's designated safeguarding person.
 */
export const EXPECTED_DUTIES: readonly DutyRule[] = [
  {
    key: "online-safety-filtering-monitoring",
    set: "expected_duties",
    kind: "duty",
    countries: ["england", "wales"],
    policyTitle: ONLINE_SAFETY,
    mentions: [
      [/\bfilter/i, /\bhidlo/i],
      [/\bmonitor/i, /\bmonitro/i],
    ],
    title: { en: "Filtering and monitoring are not covered", cy: "Nid yw hidlo a monitro wedi'u cynnwys" },
    why: {
      en: "Schools are expected to filter and monitor what is reached on their devices and networks, to review it at least once a year, and to say in their online-safety policy who is responsible. This policy does not cover filtering and monitoring.",
      cy: "Disgwylir i ysgolion hidlo a monitro'r hyn a gyrhaeddir ar eu dyfeisiau a'u rhwydweithiau, ei adolygu o leiaf unwaith y flwyddyn, a dweud yn eu polisi diogelwch ar-lein pwy sy'n gyfrifol. Nid yw'r polisi hwn yn sôn am hidlo a monitro.",
    },
    replacement: {
      en: "The school filters and monitors internet use on its devices and networks. A named senior leader is responsible for filtering and monitoring, which is reviewed at least once a year with those who lead safeguarding and the network manager.",
      cy: "Mae'r ysgol yn hidlo ac yn monitro'r defnydd o'r rhyngrwyd ar ei dyfeisiau a'i rhwydweithiau. Mae uwch arweinydd a enwir yn gyfrifol am hidlo a monitro, a chaiff hyn ei adolygu o leiaf unwaith y flwyddyn gyda'r rhai sy'n arwain ar ddiogelu a rheolwr y rhwydwaith.",
    },
  },
  {
    key: "online-safety-dsl",
    set: "expected_duties",
    kind: "duty",
    countries: ["england"],
    policyTitle: ONLINE_SAFETY,
    mentions: [[/designated safeguarding lead/i, /\bDSL\b/]],
    title: {
      en: "The designated safeguarding lead is not named",
      cy: "Nid yw'r arweinydd diogelu dynodedig wedi'i enwi",
    },
    why: {
      en: "Keeping children safe in education makes the designated safeguarding lead responsible for online safety. The policy should say who the DSL is, or where their name is shown, so anyone with a concern knows whom to tell.",
      cy: "Mae Cadw plant yn ddiogel mewn addysg yn rhoi cyfrifoldeb am ddiogelwch ar-lein i'r arweinydd diogelu dynodedig. Dylai'r polisi ddweud pwy yw'r arweinydd diogelu dynodedig, neu ble mae ei enw i'w weld, fel bod pawb sy'n pryderu yn gwybod wrth bwy i ddweud.",
    },
    replacement: {
      en: "Any concern about a child's safety online is reported at once to the designated safeguarding lead (DSL), [name], or when they are away to a deputy DSL.",
      cy: "Rhoddir gwybod am unrhyw bryder am ddiogelwch plentyn ar-lein ar unwaith i'r arweinydd diogelu dynodedig, [enw], neu pan fydd i ffwrdd i ddirprwy.",
    },
  },
  {
    key: "online-safety-dsp",
    set: "expected_duties",
    kind: "duty",
    countries: ["wales"],
    policyTitle: ONLINE_SAFETY,
    mentions: [
      [
        /designated safeguarding person/i,
        /designated senior person/i,
        /\bDSP\b/,
        /person diogelu dynodedig/i,
        /uwch berson dynodedig/i,
      ],
    ],
    title: {
      en: "The designated safeguarding person is not named",
      cy: "Nid yw'r person diogelu dynodedig wedi'i enwi",
    },
    why: {
      en: "Keeping learners safe expects every school in Wales to have a designated safeguarding person. The online-safety policy should say who they are, so anyone with a concern knows whom to tell.",
      cy: "Mae Cadw dysgwyr yn ddiogel yn disgwyl i bob ysgol yng Nghymru gael person diogelu dynodedig. Dylai'r polisi diogelwch ar-lein ddweud pwy ydyw, fel bod pawb sy'n pryderu yn gwybod wrth bwy i ddweud.",
    },
    replacement: {
      en: "Any concern about a learner's safety online is reported at once to the designated safeguarding person, [name], or when they are away to their deputy.",
      cy: "Rhoddir gwybod am unrhyw bryder am ddiogelwch dysgwr ar-lein ar unwaith i'r person diogelu dynodedig, [enw], neu pan fydd i ffwrdd i'w ddirprwy.",
    },
  },
  {
    key: "data-protection-officer",
    set: "expected_duties",
    kind: "duty",
    countries: ["england", "wales"],
    policyTitle: DATA_PROTECTION,
    mentions: [[/data protection officer/i, /\bDPO\b/, /swyddog diogelu data/i]],
    title: {
      en: "The data protection officer is not named",
      cy: "Nid yw'r swyddog diogelu data wedi'i enwi",
    },
    why: {
      en: "A school is a public authority and must appoint a data protection officer. The policy should say who the DPO is and how to reach them.",
      cy: "Mae ysgol yn awdurdod cyhoeddus ac mae'n rhaid iddi benodi swyddog diogelu data. Dylai'r polisi ddweud pwy yw'r swyddog diogelu data a sut i gysylltu ag ef.",
    },
    replacement: {
      en: "Our data protection officer (DPO) is [name], who can be reached at [email address].",
      cy: "Ein swyddog diogelu data yw [enw], a gellir cysylltu ag ef drwy [cyfeiriad e-bost].",
    },
  },
  {
    key: "data-breach-72-hours",
    set: "expected_duties",
    kind: "duty",
    countries: ["england", "wales"],
    policyTitle: DATA_PROTECTION,
    mentions: [[/\b72\s*hours\b/i, /Information Commissioner/i, /\bICO\b/, /Comisiynydd Gwybodaeth/i]],
    title: {
      en: "Reporting a data breach is not covered",
      cy: "Nid yw rhoi gwybod am dor-diogelwch data wedi'i gynnwys",
    },
    why: {
      en: "A personal data breach that puts people's rights at risk must be reported to the Information Commissioner's Office within 72 hours of the school becoming aware of it. The policy should say so, and who reports it.",
      cy: "Rhaid rhoi gwybod i Swyddfa'r Comisiynydd Gwybodaeth am dor-diogelwch data personol sy'n peryglu hawliau pobl o fewn 72 awr i'r ysgol ddod yn ymwybodol ohono. Dylai'r polisi ddweud hynny, a phwy sy'n rhoi gwybod.",
    },
    replacement: {
      en: "Anyone who finds that personal data has been lost or wrongly shared tells the data protection officer at once. Where people's rights are at risk, the school reports the breach to the Information Commissioner's Office within 72 hours of becoming aware of it.",
      cy: "Mae unrhyw un sy'n canfod bod data personol wedi'i golli neu wedi'i rannu'n anghywir yn dweud wrth y swyddog diogelu data ar unwaith. Pan fo hawliau pobl mewn perygl, mae'r ysgol yn rhoi gwybod i Swyddfa'r Comisiynydd Gwybodaeth am y tor-diogelwch o fewn 72 awr i ddod yn ymwybodol ohono.",
    },
  },
];
