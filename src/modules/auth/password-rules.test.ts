import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say } from "../../kernel/i18n/index.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { HAS_OWN_NAME, HAS_SCHOOL_NAME, passwordProblem, TOO_COMMON } from "./passwords.js";

describe("the passwords Accord refuses, and why", () => {
  const school = {
    schoolName: "Oakfield Primary School",
    names: ["Ada", null, "Okafor"],
    email: "ada.okafor@oakfield.test",
  };

  it("refuses a common word dressed up with capitals, digits, years, symbols or look-alike letters", () => {
    for (const p of [
      "Password123!",
      "Welcome2026!",
      "P@ssw0rd2026",
      "Summer2026!!!",
      "qwertyuiop12",
      "!!Football2025",
    ])
      expect(passwordProblem(p, school), p).toBe(TOO_COMMON);
  });

  it("refuses the school's own name in any case, with or without spaces, digits or symbols", () => {
    for (const p of ["Oakfield2026!!", "OAKFIELDPRIMARYSCHOOL1", "oakfield primary 2026", "0akf1eld#2026"])
      expect(passwordProblem(p, school), p).toBe(HAS_SCHOOL_NAME);
    expect(passwordProblem("Schoolname2026", { schoolName: "Schoolname" })).toBe(HAS_SCHOOL_NAME);
  });

  it("refuses the person's own names and email name", () => {
    for (const p of ["AdaOkafor2026!", "Okafor123456", "ada.okafor1!!", "1234ada5678!"])
      expect(passwordProblem(p, school), p).toBe(HAS_OWN_NAME);
  });

  it("accepts a phrase of ordinary words, even one that mentions school", () => {
    for (const p of [
      "kettle-meadow-lantern-42",
      "our school garden is lovely",
      "correct horse battery staple",
    ])
      expect(passwordProblem(p, school), p).toBeNull();
  });

  it("never repeats the password in its answer", () => {
    for (const p of ["Password123!", "Oakfield2026!!", "AdaOkafor2026!"])
      expect(say("en-GB", passwordProblem(p, school) ?? "")).not.toContain(p);
  });
});

describe("setting a password, wherever it is set", () => {
  let t: TestApp;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  async function invitedStaff(givenName: string, familyName: string, email: string) {
    const id = (await admin.post("/api/v1/people", { givenName, familyName, kinds: ["staff"], email })).json()
      .id;
    expect((await admin.post(`/api/v1/people/${id}/invite`)).statusCode).toBe(201);
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    const body: string = outbox.messages.find((m: { to: string }) => m.to === email).body;
    return /\/invite\/([\w-]+)/.exec(body)![1];
  }

  it("refuses the school's name at first-run setup, naming the field and the reason", async () => {
    const fresh = await startTestApp();
    try {
      const res = await fresh.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: {
          school: { name: "Nantbrook Community Primary" },
          admin: { name: "Rhian Jones", email: "head@nantbrook.test", password: "Nantbrook2026!" },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: "password", message: say("en-GB", HAS_SCHOOL_NAME) }]);
      expect(res.body).not.toContain("Nantbrook2026!");
    } finally {
      await fresh.close();
    }
  });

  it("refuses a person's own name when they accept their invitation", async () => {
    const token = await invitedStaff("Gethin", "Morgan", "g.morgan@oakfield.test");
    const visitor = new Browser(t.app);
    const res = await visitor.post(`/api/v1/invitations/${token}/accept`, { password: "Gethin2026!!!" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "password", message: say("en-GB", HAS_OWN_NAME) }]);
    const common = await visitor.post(`/api/v1/invitations/${token}/accept`, { password: "P@ssw0rd2026" });
    expect(common.json().errors).toEqual([{ field: "password", message: say("en-GB", TOO_COMMON) }]);
    expect(
      (await visitor.post(`/api/v1/invitations/${token}/accept`, { password: "velvet-harbour-puzzle-7" }))
        .statusCode,
    ).toBe(204);
  });

  it("refuses the school's name when a password is changed", async () => {
    const token = await invitedStaff("Nia", "Evans", "nia@oakfield.test");
    await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, {
      password: "velvet-harbour-puzzle-7",
    });
    const nia = await new Browser(t.app).signIn("nia@oakfield.test", "velvet-harbour-puzzle-7");
    const res = await nia.post("/api/v1/auth/password", {
      currentPassword: "velvet-harbour-puzzle-7",
      newPassword: "Oakfield Primary 2026",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "newPassword", message: say("en-GB", HAS_SCHOOL_NAME) }]);
  });

  it("locks the account after five wrong current passwords when changing it (429), even with the right one", async () => {
    const token = await invitedStaff("Owain", "Price", "owain@oakfield.test");
    await new Browser(t.app).post(`/api/v1/invitations/${token}/accept`, {
      password: "velvet-harbour-puzzle-7",
    });
    const owain = await new Browser(t.app).signIn("owain@oakfield.test", "velvet-harbour-puzzle-7");
    for (let i = 0; i < 5; i++) {
      const wrong = await owain.post("/api/v1/auth/password", {
        currentPassword: `guess-number-${i}-of-many`,
        newPassword: "amber-willow-compass-3",
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].field).toBe("currentPassword");
    }
    const locked = await owain.post("/api/v1/auth/password", {
      currentPassword: "velvet-harbour-puzzle-7",
      newPassword: "amber-willow-compass-3",
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/Too many wrong passwords/);
    // The same lock holds at the sign-in form: guessing through an open session does not get round it.
    const signIn = await new Browser(t.app).post("/api/v1/auth/login", {
      email: "owain@oakfield.test",
      password: "velvet-harbour-puzzle-7",
    });
    expect(signIn.statusCode).toBe(429);
  });
});
