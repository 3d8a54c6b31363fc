/**
 * Statements that become duties (issue 18, part 5). Some things a signer agrees to are not only
 * promises but steps they will one day have to take in Accord: "I will not install software without
 * the permission of the network manager" is a permission request waiting to be made; "I will report
 * any concern to the DSL" is the concern form; "I will return all school equipment when I leave" is
 * the leaver checklist. Reading them here lets the signer see the way to do it beside the statement,
 * lets the policy's editor offer a request type with the approver the statement names, and lets the
 * leaver checklist quote what the leaver agreed.
 *
 * Pure (no database, no server imports) so the web app reads statements with the same rules. The
 * rules are data: a list of words for each approver and each topic, tried in order.
 */
import type { Role } from "../access/roles.js";

export type Duty =
  | {
      kind: "ask_permission";
      /** The school role the statement names as approver, when it names one Accord knows. */
      approverRole: Role;
      /** The default request type whose topic the statement is about (requests/types.ts keys), if any. */
      requestTypeKey: string | null;
    }
  | { kind: "report_concern" }
  | { kind: "return_equipment" };

/**
 * Who may give permission, in the words policies use. Tried in order, so the more particular
 * wording ("deputy DSL") comes before the general ("DSL"). Parents' consent is not a school role:
 * "without parental consent" is a promise, not a request a member of staff makes.
 */
const APPROVERS: { role: Role; words: RegExp }[] = [
  { role: "deputy_dsl", words: /\bdeputy (?:DSL|designated safeguarding (?:lead|person|officer))\b/i },
  { role: "dsl", words: /\b(?:DSL|designated safeguarding (?:lead|person|officer)|safeguarding lead)\b/i },
  { role: "dpo", words: /\b(?:DPO|data protection (?:officer|lead))\b/i },
  { role: "line_manager", words: /\bline[- ]manager\b/i },
  // "IT" only in capitals: "make it support" is not the IT team.
  {
    role: "network_manager",
    words:
      /\b(?:[Nn]etwork [Mm]anager|IT (?:[Mm]anager|[Tt]echnician|[Ss]upport|[Dd]epartment|[Tt]eam)|[Tt]echnician)\b/,
  },
  { role: "computing_lead", words: /\bcomputing (?:lead|leader|co-?ordinator|subject leader)\b/i },
  {
    role: "online_safety_lead",
    words: /\b(?:online|e-?)[- ]?safety (?:lead|leader|co-?ordinator|officer)\b/i,
  },
  { role: "chair_of_governors", words: /\bchair of (?:the )?governors\b/i },
  {
    role: "slt",
    words: /\b(?:SLT|senior leader(?:ship)?(?: team)?|member of the senior|deputy head(?:teacher)?)\b/i,
  },
  {
    role: "headteacher",
    words:
      /\b(?:head ?teacher|head of school|principal|executive head|the head(?! of (?:department|year|faculty|house)))\b/i,
  },
];

/**
 * The topics of the request types a school starts with (requests/types.ts DEFAULT_TYPES), each
 * with the words a statement about it uses. First match wins: photos on a personal device before
 * posting photos, posting photos before a general online service.
 */
const TOPICS: { key: string; words: RegExp[] }[] = [
  {
    key: "photos_personal_device",
    words: [/\b(?:photo(?:graph)?s?|images?|pictures?|videos?|film)\b/i, /\b(?:own|personal|private)\b/i],
  },
  {
    key: "event_photos",
    words: [/\b(?:post|publish|upload|share)/i, /\b(?:photo(?:graph)?s?|images?|pictures?|videos?)\b/i],
  },
  { key: "phone_contact_time", words: [/\b(?:mobile|personal|own) (?:phone|device)s?\b/i] },
  { key: "remote_access", words: [/\bremote(?:ly)? (?:access|log ?in|connect)/i] },
  { key: "install", words: [/\b(?:install|download)/i] },
  {
    key: "data_off_site",
    words: [
      /\b(?:USB|memory stick|pen drive|removable|off[- ]site|out of school|home)\b/i,
      /\b(?:data|information|records?|files?)\b/i,
    ],
  },
  {
    key: "social_media_account",
    words: [/\bsocial (?:media|network)/i, /\b(?:account|page|profile|channel)s?\b/i],
  },
  {
    key: "video_conferencing",
    words: [/\b(?:video[- ]?(?:call|conferenc\w*)|live[- ]?stream\w*|online meetings?)\b/i],
  },
  { key: "controversial_material", words: [/\b(?:controversial|extremis\w*|sensitive)\b/i] },
  { key: "work_group", words: [/\b(?:group chat|messaging group|WhatsApp|group)\b/i] },
  {
    key: "online_service",
    words: [/\b(?:online service|website|app|apps|sign(?:ing)? up|register|cloud)\b/i],
  },
];

/** The statement asks for someone's say-so before acting (not merely mentions consent). */
const ASKS_PERMISSION =
  /\b(?:permission|approval|authori[sz]ation|consent|agreement|say-so)\b(?:(?!\.).){0,60}?\b(?:of|from|by|with)\b|\b(?:agreed|approved|authori[sz]ed|sanctioned|cleared|signed off)\s+(?:in advance\s+|beforehand\s+|first\s+)?(?:with|by)\b|\b(?:ask(?:ing)?|check(?:ing)?|seek(?:ing)?|get(?:ting)?|obtain(?:ing)?)\b(?:(?!\.).){0,30}?\b(?:permission|approval|agreement)\b/i;

/** Reporting: a concern, incident, misuse or something seen, to someone or somewhere. */
const CONCERN_WORDS =
  "concerns?|incidents?|misuse|breach\\w*|worr\\w*|upset\\w*|inappropriate|unsuitable|bullying|abuse|safeguarding|anything|something";
const REPORT_WORDS = "report(?:ed|ing)?|tell|inform|alert|pass on|raise";
const REPORTS = new RegExp(
  `\\b(?:${REPORT_WORDS})\\b(?:(?!\\.).){0,80}?\\b(?:${CONCERN_WORDS})\\b|\\b(?:${CONCERN_WORDS})\\b(?:(?!\\.).){0,80}?\\b(?:${REPORT_WORDS})\\b`,
  "i",
);

/** Handing back what the school lent, when leaving or when asked. */
const RETURNS =
  /\b(?:return|hand (?:back|in)|give back)\b(?:(?!\.).){0,60}?\b(?:equipment|devices?|laptops?|ipads?|tablets?|phones?|hardware|property|keys?|cards?|badges?)\b/i;

/** Words that make a sentence about a statement rather than a rule (it names signing itself). */
const ABOUT_SIGNING = /\b(?:asked to sign|signing this|sign this)\b/i;

/** The duties one statement carries, in the order the signer would meet them. */
export function dutiesIn(statement: string): Duty[] {
  const text = statement.replace(/\s+/g, " ");
  if (ABOUT_SIGNING.test(text)) return [];
  const duties: Duty[] = [];
  const permission = ASKS_PERMISSION.exec(text);
  if (permission) {
    // The approver is named after the words that ask ("…without the permission of the head").
    const after = text.slice(permission.index);
    const approver = APPROVERS.find((a) => a.words.test(after));
    if (approver) {
      const topic = TOPICS.find((t) => t.words.every((w) => w.test(text)));
      duties.push({
        kind: "ask_permission",
        approverRole: approver.role,
        requestTypeKey: topic?.key ?? null,
      });
    }
  }
  if (REPORTS.test(text)) duties.push({ kind: "report_concern" });
  if (RETURNS.test(text)) duties.push({ kind: "return_equipment" });
  return duties;
}

/** Each statement's duties, by position; statements with none are left out. */
export function dutiesOfStatements(statements: readonly string[]): { index: number; duties: Duty[] }[] {
  return statements
    .map((statement, index) => ({ index, duties: dutiesIn(statement) }))
    .filter((s) => s.duties.length > 0);
}
