import type { RecordRule } from "./types.js";

/** What the policy's record says about its upkeep: when it was due for review, its history. */
export const RECORD_KEEPING: readonly RecordRule[] = [
  {
    key: "review-date-passed",
    set: "record_keeping",
    kind: "record",
    countries: ["england", "wales"],
    title: { en: "The review date has passed", cy: "Mae'r dyddiad adolygu wedi mynd heibio" },
    why: {
      en: "This policy was due for review on {{due}}. A policy past its review date may no longer match the law, the guidance or what the school does. Review it, or record a review with no changes.",
      cy: "Roedd y polisi hwn i fod i gael ei adolygu ar {{due}}. Efallai nad yw polisi sydd wedi mynd heibio i'w ddyddiad adolygu yn cyd-fynd â'r gyfraith, y canllawiau na'r hyn y mae'r ysgol yn ei wneud mwyach. Adolygwch ef, neu cofnodwch adolygiad heb newidiadau.",
    },
  },
  {
    key: "no-version-history",
    set: "record_keeping",
    kind: "record",
    countries: ["england", "wales"],
    title: { en: "No version history", cy: "Dim hanes fersiynau" },
    why: {
      en: "Neither the imported document nor Accord holds an earlier version of this policy, so nobody can show when it last changed, what changed or who agreed it. Governors and inspectors expect a version history: add the document's past versions, or let Accord keep the history from now on.",
      cy: "Nid yw'r ddogfen a fewnforiwyd nac Accord yn cadw fersiwn cynharach o'r polisi hwn, felly ni all neb ddangos pryd y newidiodd ddiwethaf, beth a newidiodd na phwy a'i cytunodd. Mae llywodraethwyr ac arolygwyr yn disgwyl hanes fersiynau: ychwanegwch fersiynau blaenorol y ddogfen, neu gadewch i Accord gadw'r hanes o hyn ymlaen.",
    },
  },
];
