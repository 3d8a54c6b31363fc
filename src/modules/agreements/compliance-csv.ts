import { csvField } from "../../kernel/csv.js";
import { todayInLondon } from "../../kernel/dates.js";
import { optionInWords } from "../signing/schema.js";
import type { ComplianceCellView, ComplianceStatus, ComplianceView } from "./schema.js";

const LABEL: Record<ComplianceStatus, string> = {
  signed: "Signed",
  signed_older: "Signed an older version",
  covered: "Covered",
  pending: "Pending",
  overdue: "Overdue",
  declined: "Declined",
  not_required: "Not required",
};

/** A cell in words: a parent covered by someone else's signature is never written "Signed". */
function statusInWords(c: ComplianceCellView) {
  if (c.status === "covered")
    return `Covered by ${c.coveredBy}'s signature v${c.versionNumber} ${todayInLondon(new Date(c.signedAt!))}`;
  return c.signedAt
    ? `${LABEL[c.status]} v${c.versionNumber} ${todayInLondon(new Date(c.signedAt))}`
    : LABEL[c.status];
}

/**
 * CSV for an inspector: one row per person; per agreement, a column for the status and date, then
 * one column per question the signer answered, in the words they chose.
 */
export function complianceCsv(m: ComplianceView) {
  const header = ["Name", "Kinds", "Department", "Class"];
  for (const a of m.agreements) {
    header.push(`${a.title} (v${a.versionNumber})`);
    for (const c of a.choices) header.push(`${a.title}: ${c.label}`);
  }
  const lines = [header.map(csvField).join(",")];
  for (const p of m.people) {
    const cells: string[] = [];
    for (const a of m.agreements) {
      const c = p.cells[a.id] ?? { status: "not_required" };
      cells.push(statusInWords(c));
      for (const choice of a.choices) {
        const answer = c.answers?.[choice.key];
        cells.push(answer ? optionInWords(answer) : "");
      }
    }
    lines.push([p.name, p.kinds.join(" "), p.department, p.regGroup, ...cells].map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
