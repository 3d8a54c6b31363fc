import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { csvField } from "../../kernel/csv.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { fullName } from "../../kernel/names.js";
import type { Actor } from "../access/roles.js";
import { canReadVisitor } from "../access/visitors.js";
import { optionInWords } from "../signing/schema.js";
import type { VisitorEntryView } from "./schema.js";

type Row = {
  school_id: string;
  id: string;
  full_name: string;
  organisation: string | null;
  visiting: string | null;
  signed_at: Date | string;
  choices: Record<string, string>;
  verification_ref: string;
  agreement_id: string;
  title: string;
  version_number: string;
  agreement_choices: { key: string; label: string }[];
  kiosk_id: string | null;
  kiosk_opened_at: Date | string | null;
  kiosk_name: string | null;
  opener_given: string | null;
  opener_family: string | null;
  withdrawn_at: Date | string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();
const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** "2026-12-02 09:41" in London time: sorts as text in a spreadsheet. */
const csvMoment = (v: string) => `${todayInLondon(new Date(v))} ${londonTime.format(new Date(v))}`;

/**
 * The visitors' register: everyone who signed a visitors' agreement at a reception kiosk, newest
 * first, between two London dates (inclusive). A read-only report over signing's tables, as the
 * compliance view is. Signatures made before kiosks were recorded on them are matched to the
 * kiosk that was open for that agreement at that moment.
 */
export async function visitorRegister(
  db: Db,
  actor: Actor,
  range: { from?: string; to?: string },
): Promise<VisitorEntryView[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT s.school_id, s.id, s.full_name, s.organisation, s.visiting, s.signed_at, s.choices,
          s.verification_ref, a.id AS agreement_id, a.title, a.version_number, a.choices AS agreement_choices,
          k.id AS kiosk_id, k.opened_at AS kiosk_opened_at, k.device_name AS kiosk_name, o.given_name AS opener_given, o.family_name AS opener_family,
          (SELECT min(w.signed_at) FROM signatures w WHERE w.corrects_id = s.id AND w.kind = 'withdrawn') AS withdrawn_at
        FROM signatures s
        JOIN agreements a ON a.id = s.subject_id AND a.school_id = s.school_id
        LEFT JOIN kiosks k ON k.school_id = s.school_id AND k.id = coalesce(s.kiosk_id, (
          SELECT k2.id FROM kiosks k2
          WHERE k2.school_id = s.school_id AND k2.subject_id = s.subject_id
            AND k2.opened_at <= s.signed_at AND s.signed_at <= coalesce(k2.closed_at, k2.expires_at)
          ORDER BY k2.opened_at DESC LIMIT 1))
        LEFT JOIN people o ON o.id = k.opened_by
        WHERE s.school_id = ${actor.schoolId} AND s.subject_type = 'agreement'
          AND s.auth_method = 'kiosk' AND s.kind = 'signed'
          ${range.from ? sql`AND s.signed_at >= (${range.from}::date AT TIME ZONE 'Europe/London')` : sql``}
          ${range.to ? sql`AND s.signed_at < (${addDays(range.to, 1)}::date AT TIME ZONE 'Europe/London')` : sql``}
        ORDER BY s.signed_at DESC`,
  );
  return rows
    .filter((r) => canReadVisitor(actor, { schoolId: r.school_id }))
    .map((r) => ({
      signatureId: r.id,
      fullName: r.full_name,
      organisation: r.organisation,
      visiting: r.visiting,
      signedAt: iso(r.signed_at),
      agreementId: r.agreement_id,
      agreementTitle: r.title,
      versionNumber: r.version_number,
      kiosk:
        r.kiosk_id && r.kiosk_opened_at
          ? {
              id: r.kiosk_id,
              name: r.kiosk_name,
              openedAt: iso(r.kiosk_opened_at),
              openedBy: r.opener_given
                ? fullName({ givenName: r.opener_given, familyName: r.opener_family ?? "" })
                : null,
            }
          : null,
      answers: (r.agreement_choices ?? []).map((c) => ({
        key: c.key,
        label: c.label,
        answer: r.choices?.[c.key] ?? "",
      })),
      withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
      verificationReference: r.verification_ref,
    }));
}

/**
 * How a kiosk is named in the register: by the device's name ("Reception iPad") when it was given
 * one, and when and by whom it was opened, which tells two openings of one device apart.
 */
export const kioskInWords = (k: VisitorEntryView["kiosk"]) =>
  k
    ? `${k.name ? `${k.name} opened` : "Kiosk opened"} ${csvMoment(k.openedAt)}${k.openedBy ? ` by ${k.openedBy}` : ""}`
    : "";

/** The register as CSV: one row per visitor, each question a column in the words chosen. */
export function visitorRegisterCsv(visitors: VisitorEntryView[]) {
  // Every question any listed agreement asked, once, by its wording.
  const questions = [...new Set(visitors.flatMap((v) => v.answers.map((a) => a.label)))];
  const header = [
    "Signed at",
    "Name",
    "Organisation",
    "Visiting",
    "Agreement",
    "Version",
    "Kiosk",
    ...questions,
    "Withdrawn",
    "Reference",
  ];
  const lines = [header.map(csvField).join(",")];
  for (const v of visitors) {
    const answer = (q: string) => {
      const a = v.answers.find((x) => x.label === q);
      return a?.answer ? optionInWords(a.answer) : "";
    };
    lines.push(
      [
        csvMoment(v.signedAt),
        v.fullName,
        v.organisation,
        v.visiting,
        v.agreementTitle,
        v.versionNumber,
        kioskInWords(v.kiosk),
        ...questions.map(answer),
        v.withdrawnAt ? csvMoment(v.withdrawnAt) : "",
        v.verificationReference,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
