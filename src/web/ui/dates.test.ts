import { describe, expect, it } from "vitest";
import { formatDateIn } from "./dates";

describe("dates in the chosen language", () => {
  it("are British in English", () => {
    expect(formatDateIn("en-GB", "long", "2026-09-03")).toBe("3 September 2026");
  });

  it("are Welsh in Welsh, whatever the browser's own locale data", () => {
    expect(formatDateIn("cy", "long", "2026-09-03")).toBe("3 Medi 2026");
    expect(formatDateIn("cy", "short", "2027-02-14")).toBe("14 Chwef 2027");
    expect(formatDateIn("cy", "dateTime", "2026-12-01T09:05:00Z")).toBe("1 Rhag 2026, 09:05");
  });

  it("are in London time, summer time included", () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London.
    expect(formatDateIn("cy", "dateTime", "2026-07-01T23:30:00Z")).toBe("2 Gorff 2026, 00:30");
    expect(formatDateIn("cy", "long", new Date("2026-07-01T23:30:00Z"))).toBe("2 Gorffennaf 2026");
  });

  it.skipIf(Intl.DateTimeFormat.supportedLocalesOf(["cy"]).length === 0)(
    "match the Welsh of a full set of locale data (Node's) for every month (skipped: this Node has no Welsh data)",
    () => {
      for (let month = 0; month < 12; month++) {
        const date = new Date(Date.UTC(2026, month, 15, 10, 30));
        for (const [style, options] of [
          ["long", { day: "numeric", month: "long", year: "numeric" }],
          ["short", { day: "numeric", month: "short", year: "numeric" }],
          [
            "dateTime",
            { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
          ],
        ] as const) {
          const native = new Intl.DateTimeFormat("cy", { timeZone: "Europe/London", ...options }).format(
            date,
          );
          expect(formatDateIn("cy", style, date)).toBe(native);
        }
      }
    },
  );
});
