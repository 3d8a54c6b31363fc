/**
 * Alerts from the school's monitoring product (its CSV export: device, user, time, the phrase or
 * site captured, severity). The columns are mapped once and remembered; each alert becomes a
 * triage item to dismiss with a reason or turn into an incident. The same alert imported twice is
 * recognised by a fingerprint of device, user, time and capture.
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { incidentSettings, monitoringAlerts } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { reportIncident } from "./reporting.js";
import type { Category } from "./schema.js";

type Mapping = { device?: string; user?: string; time: string; capture: string; severity?: string };

/** Headings monitoring products use for each field, tried when the school has mapped nothing yet. */
const GUESSES: Record<keyof Mapping, string[]> = {
  device: ["device", "computer", "machine", "hostname", "device name"],
  user: ["user", "username", "user name", "login", "account"],
  time: ["time", "date", "timestamp", "date/time", "datetime", "captured at", "event time"],
  capture: ["capture", "phrase", "keyword", "captured phrase", "site", "url", "violation", "text"],
  severity: ["severity", "level", "risk", "priority", "grade"],
};

function guess(headings: string[]): Mapping | null {
  const find = (names: string[]) => headings.find((h) => names.includes(h.trim().toLowerCase()));
  const time = find(GUESSES.time);
  const capture = find(GUESSES.capture);
  if (!time || !capture) return null;
  return {
    time,
    capture,
    device: find(GUESSES.device),
    user: find(GUESSES.user),
    severity: find(GUESSES.severity),
  };
}

/** Dates as monitoring exports write them: ISO, or UK day-first "02/12/2026 14:05". */
function parseWhen(text: string): Date | null {
  const t = text.trim();
  const uk = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/);
  if (uk) {
    const [, d, m, y, hh, mm, ss] = uk;
    // Written in London time; read as such by finding the offset that day.
    const guessUtc = Date.UTC(+y, +m - 1, +d, +hh, +mm, +(ss ?? 0));
    const offset = new Date(guessUtc)
      .toLocaleString("en-GB", { timeZone: "Europe/London", timeZoneName: "short" })
      .includes("BST")
      ? 3_600_000
      : 0;
    return new Date(guessUtc - offset);
  }
  const iso = new Date(t);
  return Number.isNaN(iso.getTime()) || iso.getUTCFullYear() < 1900 ? null : iso;
}

export async function importAlerts(db: Db, actor: Actor, input: { csv: string; mapping?: Mapping }) {
  let records: Record<string, string>[];
  try {
    records = parse(input.csv.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch {
    throw badRequest(msg`That file could not be read as CSV.`, [
      { field: "csv", message: msg`That file could not be read as CSV.` },
    ]);
  }
  if (records.length === 0)
    throw badRequest(msg`The file has no alerts.`, [{ field: "csv", message: msg`The file has no alerts.` }]);
  const headings = Object.keys(records[0]);
  const [settings] = await db
    .select()
    .from(incidentSettings)
    .where(eq(incidentSettings.schoolId, actor.schoolId));
  const saved = settings?.alertMapping as Mapping | null | undefined;
  const usable = (m: Mapping | null | undefined) =>
    m && headings.includes(m.time) && headings.includes(m.capture) ? m : null;
  const mapping = usable(input.mapping) ?? usable(saved) ?? guess(headings);
  if (!mapping)
    throw badRequest(msg`Say which columns hold the time and the captured phrase or site.`, [
      { field: "mapping", message: msg`Map the columns: this file has ${headings.join(", ")}.` },
    ]);
  const rows = records.map((r, i) => {
    const at = parseWhen(r[mapping.time] ?? "");
    if (!at)
      throw badRequest(msg`Row ${i + 2}: "${r[mapping.time]}" is not a date and time.`, [
        { field: "csv", message: msg`Row ${i + 2} has no readable time.` },
      ]);
    const device = mapping.device ? r[mapping.device] || null : null;
    const userText = mapping.user ? r[mapping.user] || null : null;
    const capture = r[mapping.capture] ?? "";
    const fingerprint = createHash("sha256")
      .update(JSON.stringify([device, userText, at.toISOString(), capture]))
      .digest("hex");
    return {
      schoolId: actor.schoolId,
      fingerprint,
      device,
      userText,
      at,
      capture,
      severity: mapping.severity ? r[mapping.severity] || null : null,
    };
  });
  return db.transaction(async (tx: Tx) => {
    const inserted = await tx
      .insert(monitoringAlerts)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: monitoringAlerts.id });
    await tx
      .insert(incidentSettings)
      .values({ schoolId: actor.schoolId, alertMapping: mapping })
      .onConflictDoUpdate({ target: incidentSettings.schoolId, set: { alertMapping: mapping } });
    await recordEvent(tx, actor, {
      action: "incident.alerts_imported",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { imported: inserted.length, duplicates: rows.length - inserted.length },
    });
    return {
      imported: inserted.length,
      duplicates: rows.length - inserted.length,
      mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>,
    };
  });
}

export async function listAlerts(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(monitoringAlerts)
    .where(eq(monitoringAlerts.schoolId, actor.schoolId))
    .orderBy(sql`${monitoringAlerts.status} = 'new' DESC`, desc(monitoringAlerts.at))
    .limit(500);
  return rows.map((a) => ({
    id: a.id,
    device: a.device,
    user: a.userText,
    at: a.at.toISOString(),
    capture: a.capture,
    severity: a.severity,
    status: a.status,
    reason: a.reason,
    incidentId: a.incidentId,
  }));
}

async function newAlert(db: Db, actor: Actor, id: string) {
  const [alert] = await db
    .select()
    .from(monitoringAlerts)
    .where(and(eq(monitoringAlerts.schoolId, actor.schoolId), eq(monitoringAlerts.id, id)));
  if (!alert) throw notFound(msg`alert`);
  if (alert.status !== "new") throw conflict(msg`That alert has already been dealt with.`);
  return alert;
}

export async function dismissAlert(db: Db, actor: Actor, id: string, reason: string) {
  const alert = await newAlert(db, actor, id);
  await db.transaction(async (tx: Tx) => {
    await tx
      .update(monitoringAlerts)
      .set({ status: "dismissed", reason, decidedBy: actor.personId })
      .where(eq(monitoringAlerts.id, alert.id));
    await recordEvent(tx, actor, {
      action: "incident.alert_dismissed",
      entityType: "school",
      entityId: actor.schoolId,
    });
  });
  return { dismissed: true };
}

export async function alertToIncident(
  db: Db,
  actor: Actor,
  id: string,
  input: { category: Category; summary?: string; involvedPersonIds?: string[] },
  publicUrl: string,
) {
  const alert = await newAlert(db, actor, id);
  const summary =
    input.summary ??
    `Monitoring alert: "${alert.capture}"${alert.userText ? ` by ${alert.userText}` : ""}${alert.device ? ` on ${alert.device}` : ""}${alert.severity ? ` (severity ${alert.severity})` : ""}.`;
  const made = await reportIncident(
    db,
    actor,
    {
      category: input.category,
      occurredAt: alert.at.toISOString(),
      summary,
      involvedPersonIds: input.involvedPersonIds,
    },
    publicUrl,
    { alertId: alert.id },
  );
  await db
    .update(monitoringAlerts)
    .set({ status: "incident", incidentId: made.id, decidedBy: actor.personId })
    .where(eq(monitoringAlerts.id, alert.id));
  return made;
}
