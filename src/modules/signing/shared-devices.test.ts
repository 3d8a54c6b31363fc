import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { endOfLondonDay, endOfTerm, todayInLondon } from "../../kernel/dates.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { INVALID_LINK } from "./schema.js";

/** Shared devices a school can really use: class devices opened by a short code, kiosks named and kept for a term. */
describe("shared devices", () => {
  let t: TestApp;
  let head: Browser;
  let visitorsAgreement: string;
  let pupilsAgreement: string;
  // Each device its own caller: the per-address limit is the test's concern only where it says so.
  let nextIp = 1;
  const device = () => {
    const ip = `10.0.0.${nextIp++}`;
    const b = new Browser(t.app);
    return {
      get: (url: string, headers: Record<string, string> = {}) =>
        t.app.inject({ method: "GET", url, remoteAddress: ip, headers }),
      post: (url: string, payload: unknown, headers: Record<string, string> = {}) =>
        t.app.inject({ method: "POST", url, payload: payload as object, remoteAddress: ip, headers }),
      browser: b,
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Visitors and pupils", audiences: ["visitor", "pupil"] })
    ).json();
    const v = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${v}`, {
      content: "# Our rules\n\nWe look after each other online.",
      statements: ["I will be kind online."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${v}/publish`);
    visitorsAgreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: v,
        title: "Visitor agreement",
        audience: "visitors",
        declaration: "I will follow the rules while I am here.",
      })
    ).json().id;
    pupilsAgreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: v,
        title: "Pupil pledge",
        audience: "pupils",
        declaration: "I promise to follow these rules.",
      })
    ).json().id;
    await head.post("/api/v1/people", {
      givenName: "Cai",
      familyName: "Rowe",
      kinds: ["pupil"],
      regGroup: "Rowan",
    });
  });
  afterAll(() => t.close());

  describe("a class session's short code", () => {
    const openSession = async () =>
      (await head.post("/api/v1/class-sessions", { agreementId: pupilsAgreement, regGroup: "Rowan" })).json();

    it("opens the class's device when typed at /class, however it is typed, and shows the policy", async () => {
      const session = await openSession();
      expect(session.shortCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      const ipad = device();
      const typed = session.shortCode.toLowerCase().replace("-", " ");
      const opened = await ipad.post("/api/v1/class/open", { code: typed });
      expect(opened.statusCode).toBe(200);
      const { token } = opened.json();
      // The device's key is its own, not the teacher's link.
      expect(token).not.toBe(session.token);
      const view = (await ipad.get(`/api/v1/class/${token}`)).json();
      expect(view).toMatchObject({ regGroup: "Rowan", agreement: { title: "Pupil pledge" } });
      expect(view.agreement.policyTextHtml).toContain("We look after each other online.");
      // A second device typing the same code gets in too: a class may use several iPads.
      expect((await device().post("/api/v1/class/open", { code: session.shortCode })).statusCode).toBe(200);
      // The pupil signs on the device opened by code.
      const signed = await ipad.post(`/api/v1/class/${token}/signatures`, {
        pupilId: view.pupils[0].id,
        fullName: "Cai",
        textSha256: view.agreement.textSha256,
      });
      expect(signed.statusCode).toBe(201);
    });

    it("stops working when the session ends or expires, for the code and the devices it opened", async () => {
      const ended = await openSession();
      const ipad = device();
      const { token } = (await ipad.post("/api/v1/class/open", { code: ended.shortCode })).json();
      await head.post(`/api/v1/class-sessions/${ended.id}/end`);
      expect((await device().post("/api/v1/class/open", { code: ended.shortCode })).statusCode).toBe(400);
      expect((await ipad.get(`/api/v1/class/${token}`)).statusCode).toBe(410);

      const forgotten = await openSession();
      await t.database.db.execute(
        sql`UPDATE class_sessions SET expires_at = now() - interval '1 minute' WHERE id = ${forgotten.id}`,
      );
      const late = await device().post("/api/v1/class/open", { code: forgotten.shortCode });
      expect(late.statusCode).toBe(400);
      expect(late.json().errors[0]).toMatchObject({ field: "code" });
    });

    it("allows ten tries a minute from one address, so codes cannot be found by trying", async () => {
      const session = await openSession();
      const guesser = device();
      const answers: number[] = [];
      for (let i = 0; i < 11; i++)
        answers.push((await guesser.post("/api/v1/class/open", { code: "ZZZZ-ZZZ2" })).statusCode);
      expect(answers.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(answers[10]).toBe(429);
      // Even the right code waits out the minute from that address; another device is unaffected.
      expect((await guesser.post("/api/v1/class/open", { code: session.shortCode })).statusCode).toBe(429);
      expect((await device().post("/api/v1/class/open", { code: session.shortCode })).statusCode).toBe(200);
    });

    it("keeps only the code's hash", async () => {
      const session = await openSession();
      const rows = await queryRows<{ short_code_hash: string }>(
        t.database.db,
        sql`SELECT short_code_hash FROM class_sessions WHERE id = ${session.id}`,
      );
      expect(rows[0].short_code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(session.shortCode);
    });
  });

  describe("a kiosk on a named device", () => {
    it("stays open until the day chosen, up to the end of term, and is listed by its name", async () => {
      const today = todayInLondon();
      const term = endOfTerm(today);
      const res = await head.post("/api/v1/kiosks", {
        agreementId: visitorsAgreement,
        deviceName: "Reception iPad",
        until: term,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ deviceName: "Reception iPad" });
      expect(new Date(res.json().expiresAt).getTime()).toBe(endOfLondonDay(term).getTime());
      const listed = (await head.get("/api/v1/kiosks"))
        .json()
        .kiosks.find((k: { id: string }) => k.id === res.json().id);
      expect(listed).toMatchObject({ deviceName: "Reception iPad", closedAt: null });

      const tooLong = await head.post("/api/v1/kiosks", {
        agreementId: visitorsAgreement,
        deviceName: "Reception iPad",
        until: `${Number(term.slice(0, 4)) + 1}${term.slice(4)}`,
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().errors[0]).toMatchObject({ field: "until" });
      const unnamed = await head.post("/api/v1/kiosks", {
        agreementId: visitorsAgreement,
        deviceName: " ",
        until: today,
      });
      expect(unnamed.statusCode).toBe(400);
    });

    it("still takes visitors weeks later, and stops the moment an admin revokes it", async () => {
      const opened = (
        await head.post("/api/v1/kiosks", {
          agreementId: visitorsAgreement,
          deviceName: "Front desk tablet",
          until: endOfTerm(todayInLondon()),
        })
      ).json();
      const tablet = device();
      const { token, agreement } = (await tablet.post("/api/v1/kiosk/start", { code: opened.code })).json();
      // What a kiosk opened for 12 hours could not do: a visitor signs after the first day.
      await t.database.db.execute(
        sql`UPDATE kiosks SET opened_at = opened_at - interval '20 days' WHERE id = ${opened.id}`,
      );
      const visitor = (name: string) =>
        tablet.post(
          "/api/v1/kiosk/signatures",
          { fullName: name, organisation: "County IT", visiting: "Office", textSha256: agreement.textSha256 },
          { "x-kiosk-token": token },
        );
      expect((await visitor("Rhodri Visitor")).statusCode).toBe(201);
      expect((await head.post(`/api/v1/kiosks/${opened.id}/close`)).statusCode).toBe(204);
      expect((await visitor("Sian Visitor")).statusCode).toBe(410);
      const [event] = await queryRows<{ summary: { device: string } }>(
        t.database.db,
        sql`SELECT summary FROM audit_events WHERE action = 'kiosk.closed' AND entity_id = ${opened.id}`,
      );
      expect(event.summary.device).toBe("Front desk tablet");
    });
  });

  describe("a link that never was one", () => {
    it("is answered 'not valid, ask the school', never as a field to correct", async () => {
      for (const url of [
        "/api/v1/sign/abc",
        "/api/v1/sign/sl_not-a-real-token-at-all-0000",
        "/api/v1/class/x",
      ]) {
        const res = await device().get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().detail, url).toBe(INVALID_LINK);
      }
      const post = await device().post("/api/v1/sign/abc", {
        fullName: "A Parent",
        textSha256: "0".repeat(64),
      });
      expect(post.statusCode).toBe(404);
      expect(post.json().detail).toBe(INVALID_LINK);
    });
  });
});
