/**
 * The statements of a given duty a person agreed to, with the agreement and when they signed: the
 * leaver checklist quotes "I will return all school equipment when I leave" from the agreement the
 * leaver signed, so whoever works the checklist can point to it (policies/duties.ts reads them).
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { type Duty, dutiesIn } from "../policies/duties.js";

export type AgreedStatement = { agreementId: string; agreement: string; signedAt: string; statement: string };

export async function statementsAgreed(
  db: DbOrTx,
  schoolId: string,
  personId: string,
  duty: Duty["kind"],
): Promise<AgreedStatement[]> {
  // Their own signatures (not for a child), still standing: the latest per agreement, not withdrawn.
  const rows = await queryRows<{ id: string; title: string; statements: string[]; signed_at: Date | string }>(
    db,
    sql`SELECT DISTINCT ON (a.id) a.id, a.title, a.statements, s.signed_at
        FROM signatures s JOIN agreements a ON a.id = s.subject_id AND a.school_id = s.school_id
        WHERE s.school_id = ${schoolId} AND s.person_id = ${personId} AND s.subject_type = 'agreement'
          AND s.kind = 'signed' AND s.on_behalf_of_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM signatures w WHERE w.corrects_id = s.id AND w.kind = 'withdrawn')
        ORDER BY a.id, s.signed_at DESC`,
  );
  return rows
    .flatMap((r) =>
      r.statements
        .filter((statement) => dutiesIn(statement).some((d) => d.kind === duty))
        .map((statement) => ({
          agreementId: r.id,
          agreement: r.title,
          signedAt: new Date(r.signed_at).toISOString(),
          statement,
        })),
    )
    .sort((a, b) => b.signedAt.localeCompare(a.signedAt));
}
