import type { SentenceRule } from "./types.js";

/** Software, services and devices that have gone: a rule written around them protects nobody now. */
export const OBSOLETE_TECHNOLOGY: readonly SentenceRule[] = [
  {
    key: "unsupported-software",
    set: "obsolete_technology",
    kind: "sentence",
    countries: ["england", "wales"],
    patterns: [
      /\bInternet Explorer\b/i,
      /\bWindows\s+(?:XP|Vista|7|8(?:\.1)?)\b/i,
      /\b(?:Adobe\s+)?Flash\s+Player\b/i,
      /\bAdobe Flash\b/i,
    ],
    title: { en: "Software that is no longer supported", cy: "Meddalwedd nad yw'n cael ei chefnogi mwyach" },
    why: {
      en: "This names software its maker no longer keeps safe with security updates. Rules written around it no longer describe what staff and pupils use, and running it would itself be a risk.",
      cy: "Mae hyn yn enwi meddalwedd nad yw ei gwneuthurwr yn ei chadw'n ddiogel â diweddariadau diogelwch mwyach. Nid yw rheolau a ysgrifennwyd o'i chwmpas yn disgrifio'r hyn y mae staff a disgyblion yn ei ddefnyddio bellach, a byddai ei rhedeg yn risg ynddo'i hun.",
    },
    replacement: {
      en: "School devices run only software that still receives security updates, and the network manager keeps it up to date.",
      cy: "Dim ond meddalwedd sy'n dal i gael diweddariadau diogelwch y mae dyfeisiau'r ysgol yn ei rhedeg, ac mae rheolwr y rhwydwaith yn ei chadw'n gyfredol.",
    },
  },
  {
    key: "closed-services",
    set: "obsolete_technology",
    kind: "sentence",
    countries: ["england", "wales"],
    patterns: [
      /\b(?:MSN|Windows Live)\s+Messenger\b/i,
      /\bBebo\b/,
      /\bGoogle\s*\+|\bGoogle Plus\b/i,
      /\bBlackBerry Messenger\b|\bBBM\b/,
      /\bMy[Ss]pace\b/,
      /\bVine\b(?=[^.]{0,40}\b(?:app|video|social|site|account)s?\b)|\b(?:app|site|service)s?\b[^.]{0,40}\bVine\b/,
      /\bYik Yak\b/i,
      /\bFriends Reunited\b/i,
      /\bSkype\b/,
    ],
    title: { en: "An online service that has closed", cy: "Gwasanaeth ar-lein sydd wedi cau" },
    why: {
      en: "This names an online service that has closed. Pupils and staff use other services now, so the rule protects against nothing. Name the kinds of service instead, so the policy does not date.",
      cy: "Mae hyn yn enwi gwasanaeth ar-lein sydd wedi cau. Mae disgyblion a staff yn defnyddio gwasanaethau eraill erbyn hyn, felly nid yw'r rheol yn diogelu rhag dim. Enwch y mathau o wasanaeth yn lle hynny, fel nad yw'r polisi'n dyddio.",
    },
    replacement: {
      en: "This applies to every messaging, social media, video and gaming service, whichever app or website is used.",
      cy: "Mae hyn yn berthnasol i bob gwasanaeth negeseua, cyfryngau cymdeithasol, fideo a gemau, pa bynnag ap neu wefan a ddefnyddir.",
    },
  },
  {
    key: "obsolete-devices",
    set: "obsolete_technology",
    kind: "sentence",
    countries: ["england", "wales"],
    patterns: [
      /\bfloppy\s+dis[ck]s?\b/i,
      /\bzip\s+dis[ck]s?\b/i,
      /\bPDAs?\b/,
      /\bpagers?\b/i,
      /\bCD-ROMs?\b/i,
    ],
    title: {
      en: "Storage or devices schools no longer use",
      cy: "Storfa neu ddyfeisiau nad yw ysgolion yn eu defnyddio mwyach",
    },
    why: {
      en: "This names storage or devices schools no longer use. Today's risks are cloud storage, USB sticks and phones: write the rule for those.",
      cy: "Mae hyn yn enwi storfa neu ddyfeisiau nad yw ysgolion yn eu defnyddio mwyach. Storfa yn y cwmwl, cofau bach USB a ffonau yw risgiau heddiw: ysgrifennwch y rheol ar eu cyfer nhw.",
    },
    replacement: {
      en: "Personal data is kept only on school systems and encrypted school devices, never on personal cloud storage or unencrypted USB sticks.",
      cy: "Dim ond ar systemau'r ysgol ac ar ddyfeisiau'r ysgol sydd wedi'u hamgryptio y cedwir data personol, byth ar storfa bersonol yn y cwmwl nac ar gofau bach USB heb eu hamgryptio.",
    },
  },
];
