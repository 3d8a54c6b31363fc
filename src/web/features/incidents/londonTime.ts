// Times people type are London times, whatever the device's own zone (a school trip abroad, a
// laptop set to UTC): a datetime-local value is read as Europe/London and sent as an instant.
import { timeZone } from "../../ui/dates";

const pad = (n: number) => String(n).padStart(2, "0");

function londonParts(date: Date) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute") };
}

/** An instant as a datetime-local value in London time, e.g. "2026-11-30T14:05". */
export function toLondonInput(date: Date): string {
  const p = londonParts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** A datetime-local value read as London time, as an ISO instant; null when it is not a time. */
export function fromLondonInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wanted = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // London is UTC or UTC+1: try the guess, then correct it by what London's clock shows then.
  let instant = wanted;
  for (let i = 0; i < 2; i++) {
    const p = londonParts(new Date(instant));
    const shown = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min);
    instant += wanted - shown;
  }
  return new Date(instant).toISOString();
}

/** Whole hours and minutes from now until `deadline` (negative once it has passed). */
export function timeLeft(
  deadline: string,
  now = Date.now(),
): { overdue: boolean; hours: number; minutes: number } {
  const ms = new Date(deadline).getTime() - now;
  const abs = Math.abs(ms);
  return {
    overdue: ms < 0,
    hours: Math.floor(abs / 3_600_000),
    minutes: Math.floor((abs % 3_600_000) / 60_000),
  };
}
