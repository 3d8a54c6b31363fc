import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../testing/app.js";

/**
 * A reader whose screen is in Welsh gets the server's words in Welsh: the web app sends the
 * language it shows as Accept-Language (web/api.ts), and the error handler writes in it.
 */
describe("problems in the reader's language", () => {
  let t: TestApp;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("writes a validation problem and its field errors in Welsh for a Welsh screen", async () => {
    const welsh = await admin.request(
      "POST",
      "/api/v1/people",
      { givenName: "", kinds: [] },
      { "accept-language": "cy" },
    );
    const english = await admin.request(
      "POST",
      "/api/v1/people",
      { givenName: "", kinds: [] },
      { "accept-language": "en-GB" },
    );
    expect(welsh.statusCode).toBe(400);
    expect(welsh.json().title).toBe("Cais annilys");
    expect(welsh.json().detail).toMatch(/^Cywirwch y meysydd hyn: /);
    expect(english.json().detail).toMatch(/^Please correct these fields: /);
    // The same fields, each with a Welsh message where the English had one.
    const fields = (r: typeof welsh) =>
      r
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
    expect(fields(welsh)).toEqual(fields(english));
    for (const [i, e] of welsh.json().errors.entries())
      expect(e.message, e.field).not.toBe(english.json().errors[i].message);
  });

  it("writes a service's own problem in Welsh, with the record named in Welsh", async () => {
    const res = await admin.request("GET", "/api/v1/people/00000000-0000-4000-8000-000000000000", undefined, {
      "accept-language": "cy-GB,cy;q=0.9,en;q=0.5",
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ title: "Heb ei ganfod", detail: "Nid yw'r person yn bodoli." });
  });

  it("answers in English when the screen is English or says nothing", async () => {
    const res = await admin.request("GET", "/api/v1/people/00000000-0000-4000-8000-000000000000");
    expect(res.json()).toMatchObject({ title: "Not found", detail: "That person does not exist." });
  });
});
