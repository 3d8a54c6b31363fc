import { createCanvas, loadImage } from "@napi-rs/canvas";
import { sql } from "drizzle-orm";
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { remindOverdue } from "./loans.js";

type Mail = { to: string; subject: string; body: string };

describe("the device register", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const who: Record<string, { browser: Browser; id: string }> = {};
  const ids: Record<string, string> = {};

  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const audit = async (action: string) =>
    queryRows<{ summary: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE school_id = ${schoolId} AND action = ${action} ORDER BY id`,
    );
  const add = async (body: Record<string, unknown>) => {
    const res = await who.Nerys.browser.post("/api/v1/devices", body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    for (const [name, roles] of [
      ["Nerys", ["network_manager"]],
      ["Tegan", []],
      ["Sam", []],
      ["Dora", ["dpo"]],
      ["Delyth", ["dsl"]],
    ] as [string, string[]][])
      who[name] = await signedInPerson(t, head, schoolId, { givenName: name, roles } as never);
    for (const given of ["Gwen", "Tomos"])
      await head.post("/api/v1/people", {
        givenName: given,
        familyName: "Pupil",
        kinds: ["pupil"],
        regGroup: "6B",
      });
    ids.laptop = await add({
      assetTag: "LT-001",
      type: "laptop",
      makeModel: "Dell Latitude 3440",
      encrypted: true,
      pinSet: true,
    });
    ids.ipad1 = await add({ assetTag: "IP-101", type: "tablet", makeModel: "iPad 10th gen" });
    ids.ipad2 = await add({ assetTag: "IP-102", type: "tablet", makeModel: "iPad 10th gen" });
    ids.camera = await add({ assetTag: "CAM-01", type: "camera", makeModel: "Canon PowerShot" });
  });
  afterAll(() => t.close());

  it("keeps each asset tag once, with clear errors, and lets only the register's managers add", async () => {
    const clash = await who.Nerys.browser.post("/api/v1/devices", { assetTag: "LT-001", type: "laptop" });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain("LT-001");
    const bad = await who.Nerys.browser.post("/api/v1/devices", { assetTag: "", type: "toaster" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["assetTag", "type"]);
    expect(
      (await who.Tegan.browser.post("/api/v1/devices", { assetTag: "X-1", type: "laptop" })).statusCode,
    ).toBe(403);
    expect((await who.Tegan.browser.get("/api/v1/devices")).statusCode).toBe(403);
  });

  it("checks several devices out to a class at once as a loan, lists them filtered and paged, and checks them in", async () => {
    const res = await who.Nerys.browser.post("/api/v1/devices/checkout", {
      deviceIds: [ids.ipad1, ids.ipad2],
      class: "6B",
      dueDate: addDays(todayInLondon(), 2),
    });
    expect(res.json()).toEqual({ checkedOut: 2 });
    const onLoan = (await who.Nerys.browser.get("/api/v1/devices?status=on_loan")).json();
    expect(onLoan.total).toBe(2);
    expect(
      onLoan.devices.map((d: { holder: { class: string; kind: string } }) => [d.holder.class, d.holder.kind]),
    ).toEqual([
      ["6B", "loan"],
      ["6B", "loan"],
    ]);
    const paged = (await who.Nerys.browser.get("/api/v1/devices?pageSize=3&page=2")).json();
    expect(paged.total).toBe(4);
    expect(paged.devices).toHaveLength(1);
    expect((await who.Nerys.browser.get("/api/v1/devices?q=latitude")).json().devices[0].assetTag).toBe(
      "LT-001",
    );
    // Out already: a second check-out is refused and nothing changes.
    const again = await who.Nerys.browser.post("/api/v1/devices/checkout", {
      deviceIds: [ids.ipad1, ids.camera],
      personId: who.Tegan.id,
    });
    expect(again.statusCode).toBe(409);
    expect((await who.Nerys.browser.get(`/api/v1/devices/${ids.camera}`)).json().status).toBe("in_store");
    for (const id of [ids.ipad1, ids.ipad2])
      expect((await who.Nerys.browser.post(`/api/v1/devices/${id}/return`)).json().status).toBe("in_store");
  });

  it("chases an overdue loan once a day", async () => {
    await who.Nerys.browser.post(`/api/v1/devices/${ids.camera}/allocate`, {
      personId: who.Tegan.id,
      dueDate: todayInLondon(),
    });
    const tomorrow = addDays(todayInLondon(), 1);
    expect(await remindOverdue(t.database.db, schoolId, tomorrow)).toBe(1);
    expect(await remindOverdue(t.database.db, schoolId, tomorrow)).toBe(0);
    expect(await remindOverdue(t.database.db, schoolId, addDays(tomorrow, 1))).toBe(1);
    const chased = (await outbox()).filter((m) => m.subject === "Overdue: please return CAM-01");
    expect(chased.map((m) => m.to)).toEqual(["tegan@staffroom.test", "tegan@staffroom.test"]);
    await who.Nerys.browser.post(`/api/v1/devices/${ids.camera}/return`);
  });

  it("chases an overdue loan in Welsh for someone who reads Welsh", async () => {
    await t.database.db.execute(sql`UPDATE people SET language = 'cy' WHERE id = ${who.Tegan.id}`);
    await who.Nerys.browser.post(`/api/v1/devices/${ids.camera}/allocate`, {
      personId: who.Tegan.id,
      dueDate: todayInLondon(),
    });
    const before = (await outbox()).length;
    expect(await remindOverdue(t.database.db, schoolId, addDays(todayInLondon(), 1))).toBe(1);
    const chased = (await outbox()).slice(0, (await outbox()).length - before);
    expect(chased.map((m) => [m.to, m.subject])).toEqual([
      ["tegan@staffroom.test", "Yn hwyr: dychwelwch CAM-01, os gwelwch yn dda"],
    ]);
    expect(chased[0].body).toContain("Dychwelwch hi i swyddfa'r ysgol neu i reolwr y rhwydwaith");
    await who.Nerys.browser.post(`/api/v1/devices/${ids.camera}/return`);
    await t.database.db.execute(sql`UPDATE people SET language = NULL WHERE id = ${who.Tegan.id}`);
  });

  it("shows a member of staff the devices they hold, and lets them report one lost: an incident routed as incidents say", async () => {
    await who.Nerys.browser.post(`/api/v1/devices/${ids.laptop}/allocate`, { personId: who.Tegan.id });
    const mine = (await who.Tegan.browser.get("/api/v1/me/devices")).json().devices;
    expect(mine.map((d: { assetTag: string }) => d.assetTag)).toEqual(["LT-001"]);
    // Someone else's device is not theirs to see or report.
    expect((await who.Sam.browser.get(`/api/v1/devices/${ids.laptop}`)).statusCode).toBe(404);

    const res = await who.Tegan.browser.post(`/api/v1/devices/${ids.laptop}/report`, {
      status: "stolen",
      heldPersonalData: true,
      note: "Taken from my car at the services on the M4.",
    });
    expect(res.statusCode).toBe(200);
    const incident = (await who.Dora.browser.get(`/api/v1/incidents/${res.json().incidentId}`)).json();
    // Encrypted: a lost or stolen device for the DPO and the network manager, not a breach.
    expect(incident.category).toBe("lost_or_stolen_device");
    expect(incident.routedTo).toEqual(["dpo", "network_manager"]);
    expect(incident.summary).toContain("LT-001");
    const device = (await who.Nerys.browser.get(`/api/v1/devices/${ids.laptop}`)).json();
    expect(device.status).toBe("stolen");
    expect(device.history[0]).toMatchObject({ kind: "reported_stolen", incidentId: incident.id });
  });

  it("treats an unencrypted device that held personal data as a data breach for the DPO, with the 72-hour clock", async () => {
    await who.Nerys.browser.post(`/api/v1/devices/${ids.camera}/allocate`, { personId: who.Tegan.id });
    const res = await who.Tegan.browser.post(`/api/v1/devices/${ids.camera}/report`, {
      status: "lost",
      heldPersonalData: true,
      note: "Left on the coach after the trip; it had photos of the class.",
    });
    const incident = (await who.Dora.browser.get(`/api/v1/incidents/${res.json().incidentId}`)).json();
    expect(incident.category).toBe("data_breach");
    expect(incident.routedTo).toEqual(["dpo"]);
    expect(incident.icoDeadline).toBeTruthy();
  });

  it("records disposal with the wipe method, date and who, and keeps the history unchangeable", async () => {
    expect(
      (
        await who.Nerys.browser.post(`/api/v1/devices/${ids.ipad2}/dispose`, {
          wipeMethod: "",
          disposedOn: todayInLondon(),
        })
      ).statusCode,
    ).toBe(400);
    const res = await who.Nerys.browser.post(`/api/v1/devices/${ids.ipad2}/dispose`, {
      wipeMethod: "Erased with Apple Configurator, certificate from WEEE recycler",
      disposedOn: todayInLondon(),
    });
    expect(res.json().status).toBe("disposed");
    const detail = (await who.Nerys.browser.get(`/api/v1/devices/${ids.ipad2}`)).json();
    expect(detail.history[0]).toMatchObject({ kind: "disposed", byName: "Nerys Staffroom" });
    expect(detail.history[0].note).toContain("Apple Configurator");
    await expect(t.database.db.execute(sql`UPDATE device_events SET note = 'x'`)).rejects.toThrow();
  });

  it("imports devices from a CSV with a preview, and changes nothing when a row is bad", async () => {
    const csv = (rows: string[]) =>
      ["Asset Tag,Type,Serial Number,Model,Encrypted,Location", ...rows].join("\n");
    const post = (body: string, dryRun: boolean) =>
      who.Nerys.browser.request("POST", `/api/v1/devices/import?dryRun=${dryRun}`, body, {
        "content-type": "text/csv",
      });
    const bad = (await post(csv(["IP-201,iPad,SN1,iPad 9,Yes,Trolley A", ",laptop,,,,"]), false)).json();
    expect(bad.errors).toEqual([{ row: 3, message: "No asset tag." }]);
    expect(bad.applied).toBe(false);
    expect((await who.Nerys.browser.get("/api/v1/devices?q=IP-201")).json().total).toBe(0);

    const good = csv(["IP-201,iPad,SN1,iPad 9,Yes,Trolley A", "LT-001,Laptop,,,,Office"]);
    const preview = (await post(good, true)).json();
    expect(preview).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 1 });
    expect(preview.preview.create[0].name).toBe("IP-201 (tablet)");
    expect(preview.preview.update[0].changes.location).toEqual({ from: null, to: "Office" });
    const applied = (await post(good, false)).json();
    expect(applied.applied).toBe(true);
    const ipad = (await who.Nerys.browser.get("/api/v1/devices?q=IP-201")).json().devices[0];
    expect(ipad).toMatchObject({ type: "tablet", encrypted: true, location: "Trolley A" });
  });

  it("prints asset labels, 21 to a sheet, each with its tag", async () => {
    const res = await who.Nerys.browser.get("/api/v1/devices/labels.pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    for (const tag of ["LT-001", "IP-101", "CAM-01", "IP-201"]) expect(text).toContain(tag);
    expect(text).not.toContain("IP-102"); // disposed of: no label
  });

  it("prints the labels' own words in Welsh for a Welsh screen", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    const text = async (language: string) => {
      const res = await who.Nerys.browser.request(
        "GET",
        `/api/v1/devices/labels.pdf?ids=${none}`,
        undefined,
        {
          "accept-language": language,
        },
      );
      expect(res.statusCode).toBe(200);
      const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
      const result = (await parser.getText()).text;
      await parser.destroy();
      return result;
    };
    expect(await text("en-GB")).toContain("No devices to label.");
    const welsh = await text("cy");
    expect(welsh).toContain("Dim dyfeisiau i'w labelu.");
    expect(welsh).not.toContain("No devices to label.");
  });

  it("prints a QR code on each label that a phone reads as the device's own page", async () => {
    const res = await who.Nerys.browser.get(`/api/v1/devices/labels.pdf?ids=${ids.laptop},${ids.camera}`);
    expect(res.statusCode).toBe(200);
    // Render the sheet as a phone's camera would see it, then read each label's square alone.
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const shot = await parser.getScreenshot({ scale: 3, imageBuffer: true, imageDataUrl: false });
    await parser.destroy();
    const image = await loadImage(Buffer.from(shot.pages[0].data));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const mm = image.width / 210; // A4 is 210 mm wide
    const read = (slot: number) => {
      // The label grid of labels.ts: 3 across, 63.5 × 38.1 mm, 66 mm apart, from 7.2 mm and 15.1 mm.
      const x = Math.round((7.2 + (slot % 3) * 66) * mm);
      const y = Math.round((15.1 + Math.floor(slot / 3) * 38.1) * mm);
      const w = Math.round(38.1 * mm);
      const h = Math.round(38.1 * mm);
      const { data } = ctx.getImageData(x, y, w, h);
      return jsQR(new Uint8ClampedArray(data), w, h)?.data ?? null;
    };
    const payloads = [read(0), read(1)].sort();
    expect(payloads).toEqual(
      [ids.laptop, ids.camera].map((id) => `${t.config.publicUrl}/devices/${id}`).sort(),
    );
    expect(read(2)).toBeNull(); // two labels asked for, two printed
  });

  it("opens a leaver's checklist: devices, the school's logons, social media admin rights and permissions", async () => {
    await who.Nerys.browser.post(`/api/v1/devices/${ids.ipad1}/allocate`, { personId: who.Sam.id });
    // Sam runs the school's Instagram account with Tegan, and may use a phone on trips.
    const account = (
      await head.post("/api/v1/requests/social-accounts", {
        platform: "Instagram",
        handle: "@oakfield",
        administratorIds: [who.Sam.id, who.Tegan.id],
      })
    ).json();
    const asked = (
      await who.Sam.browser.post("/api/v1/requests", {
        typeKey: "phone_contact_time",
        details: { reason: "To ring the coach company from the trip.", when: "School trips this year" },
      })
    ).json();
    expect(
      (await head.post(`/api/v1/requests/${asked.id}/decision`, { decision: "approve" })).statusCode,
    ).toBe(200);
    // Sam signed an agreement promising to give equipment back: the checklist quotes it.
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Staff devices", audiences: ["staff"] })
    ).json();
    const versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: "# Staff devices",
      statements: ["I will keep my laptop locked.", "I will return all school equipment when I leave."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    const agreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: versionId,
        title: "Staff device agreement",
        audience: "staff",
        declaration: "I agree to follow this agreement.",
      })
    ).json();
    const signed = await who.Sam.browser.post(`/api/v1/agreements/${agreement.id}/signatures`, {
      fullName: "Sam Staffroom",
      jobTitle: "Teacher",
      textSha256: agreement.textSha256,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    // The school lists its own system besides the three every school starts with.
    const added = await who.Nerys.browser.post("/api/v1/leaver-systems", { name: "Finance system" });
    expect(added.statusCode, added.body).toBe(201);
    const own = added.json().systems.find((x: { name: string }) => x.name === "Finance system").key;
    const twice = await who.Nerys.browser.post("/api/v1/leaver-systems", { name: "finance SYSTEM" });
    expect(twice.statusCode).toBe(400);

    const marked = await head.post(`/api/v1/people/${who.Sam.id}/leaver`, {
      leaveDate: addDays(todayInLondon(), 10),
    });
    expect(marked.statusCode, marked.body).toBeLessThan(300);
    const list = async () =>
      (await who.Nerys.browser.get(`/api/v1/people/${who.Sam.id}/leaver-checklist`)).json();
    const first = await list();
    expect(first.items.map((i: { key: string; done: boolean }) => [i.key, i.done])).toEqual([
      [`device:${ids.ipad1}`, false],
      ["logon:email", false],
      ["logon:network", false],
      ["logon:mis", false],
      [`logon:${own}`, false],
      [`social:${account.id}`, false],
      [`permission:${asked.id}`, false],
    ]);
    expect(first.agreed).toEqual([
      expect.objectContaining({
        agreementId: agreement.id,
        agreement: "Staff device agreement",
        statement: "I will return all school equipment when I leave.",
      }),
    ]);
    // Each item carries its parts, so the web app can word it in Welsh.
    expect(first.items[0]).toMatchObject({ assetTag: "IP-101", deviceType: "tablet", tickable: false });
    expect(first.items[4]).toMatchObject({ systemName: "Finance system", tickable: true });
    expect(first.items[5]).toMatchObject({ platform: "Instagram", handle: "@oakfield", otherAdmins: 1 });
    expect(first.items[6]).toMatchObject({
      requestType: "Personal phone use during contact time",
      tickable: true,
    });
    const home = (await head.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({
        key: "leaverChecklist",
        href: `/people/${who.Sam.id}/leaver`,
        params: expect.objectContaining({ count: 7, devices: 1 }),
      }),
    );

    // Devices and admin rights tick themselves from the records; they cannot be ticked by hand.
    const byHand = await who.Nerys.browser.post(
      `/api/v1/people/${who.Sam.id}/leaver-checklist/social:${account.id}`,
    );
    expect(byHand.statusCode).toBe(400);
    await who.Nerys.browser.post(`/api/v1/devices/${ids.ipad1}/return`);
    await head.patch(`/api/v1/requests/social-accounts/${account.id}`, { administratorIds: [who.Tegan.id] });
    const tick = (key: string, method: "POST" | "DELETE" = "POST") =>
      who.Nerys.browser.request(method, `/api/v1/people/${who.Sam.id}/leaver-checklist/${key}`);
    for (const key of ["logon:email", "logon:network", "logon:mis", `logon:${own}`, `permission:${asked.id}`])
      expect((await tick(key)).statusCode).toBe(200);
    expect((await tick("logon:email")).statusCode).toBe(409);
    // A tick made by mistake is taken back, and the checklist is open again.
    expect((await tick("logon:mis", "DELETE")).statusCode).toBe(200);
    const after = await list();
    expect(after.items.filter((i: { done: boolean }) => !i.done).map((i: { key: string }) => i.key)).toEqual([
      "logon:mis",
    ]);
    // Account passed on: it is no longer on the list of accounts they administer.
    expect(after.items.some((i: { kind: string }) => i.kind === "social_admin")).toBe(false);
    const undone = await audit("person.leaver_item_undone");
    expect(undone.map((e) => e.summary)).toEqual([{ item: "Disable: MIS (management information system)" }]);
    expect((await tick("logon:mis")).statusCode).toBe(200);
    expect(
      ((await head.get("/api/v1/home")).json().attention as { key: string }[]).some(
        (a) => a.key === "leaverChecklist",
      ),
    ).toBe(false);
    // A system taken off the list leaves future checklists; nobody else may change the list.
    expect((await who.Nerys.browser.delete(`/api/v1/leaver-systems/${own}`)).statusCode).toBe(200);
    expect((await list()).items.some((i: { key: string }) => i.key === `logon:${own}`)).toBe(false);
    expect((await who.Tegan.browser.post("/api/v1/leaver-systems", { name: "X" })).statusCode).toBe(403);
    expect((await who.Tegan.browser.get(`/api/v1/people/${who.Sam.id}/leaver-checklist`)).statusCode).toBe(
      403,
    );
  });

  it("drops the permissions of someone who has left from the register", async () => {
    const before = (await head.get("/api/v1/requests/register")).json();
    expect(before.permissions.some((p: { person: { id: string } }) => p.person.id === who.Sam.id)).toBe(true);
    await t.database.db.execute(
      sql`UPDATE people SET leave_date = ${todayInLondon()}::date WHERE id = ${who.Sam.id}`,
    );
    const after = (await head.get("/api/v1/requests/register")).json();
    expect(after.permissions.some((p: { person: { id: string } }) => p.person.id === who.Sam.id)).toBe(false);
  });

  it("opens the checklist when the people import marks a leaver", async () => {
    await head.request(
      "POST",
      "/api/v1/people/import?kind=staff&dryRun=false",
      "Staff Code,Forename,Surname,Email\nABC,Alun,Jones,alun@staffroom.test\n",
      { "content-type": "text/csv" },
    );
    const alun = (await head.get("/api/v1/people?status=all&limit=500"))
      .json()
      .people.find((p: { givenName: string }) => p.givenName === "Alun");
    // (Head does it: the staff file above, listing Alun alone, marked the other staff as leaving.)
    const given = await head.post(`/api/v1/devices/${ids.ipad1}/allocate`, { personId: alun.id });
    expect(given.statusCode, given.body).toBe(200);
    // A staff file without Alun marks him as leaving.
    await head.request(
      "POST",
      "/api/v1/people/import?kind=staff&dryRun=false",
      "Staff Code,Forename,Surname,Email\nXYZ,Other,Person,o@staffroom.test\n",
      {
        "content-type": "text/csv",
      },
    );
    // (Everyone on the staff list but absent from this file is marked as leaving: the importer stays.)
    const [row] = await queryRows<{ leave_date: string | null }>(
      t.database.db,
      sql`SELECT leave_date::text FROM people WHERE id = ${alun.id}`,
    );
    expect(row.leave_date).not.toBeNull();
    const list = (await head.get(`/api/v1/people/${alun.id}/leaver-checklist`)).json();
    expect(list.items[0]).toMatchObject({ kind: "device_return", done: false });
  });
});
