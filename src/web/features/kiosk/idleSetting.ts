const DEFAULT_SECONDS = 120;
const MIN_SECONDS = 2;
const MAX_SECONDS = 120;

/**
 * How long the kiosk waits without a touch or key press before wiping the visitor's details
 * and returning to the welcome screen: 2 minutes. `?idle=N` (seconds, clamped to 2–120) exists
 * only so tests and demonstrations need not wait that long; it can never make the wait longer.
 */
export function kioskIdleMs(search: string): number {
  const raw = Number(new URLSearchParams(search).get("idle"));
  const seconds = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_SECONDS;
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds)) * 1000;
}
