/**
 * Values a careless or hostile client sends: what the fuzz test mixes into every field. Each is a
 * case that once broke something somewhere (not necessarily here).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "Gwen\u0000Morgan",
  "\ud800",
  "\udfff",
  "half an emoji \ud83d",
  "\u202egnp.exe", // right-to-left override: a name that reads backwards
  "\u200b\u200d\ufeff",
  "Ŵ ŷ ẁ — Siân",
  "🙂".repeat(50),
  "x".repeat(10_001),
  "0000-01-01",
  "9999-12-31",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-02-30",
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  "$" + "{7*7}",
  "{{constructor.constructor('return 1')()}}",
  "../../../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "a\r\nSet-Cookie: injected=1",
  "<script>window.__xss=1</script>",
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** A value nested `depth` levels deep: arrays inside objects inside arrays. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
