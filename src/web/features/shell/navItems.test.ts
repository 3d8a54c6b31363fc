import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/client.js";
import { newSecret } from "../../../kernel/secrets.js";
import { ROLES } from "../../../modules/access/roles.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../../testing/app.js";
import type { Me } from "../session/sessionApi";
import { type NavItem, navItemsFor } from "./navItems";

/** What each menu item's page asks the API for first: the menu must never lead to a refusal. */
const PAGE_CALL: Record<string, string> = {
  home: "/api/v1/home",
  dashboard: "/api/v1/reports/dashboard",
  governorsReport: "/api/v1/reports/governors.pdf",
  // The report form asks nothing on opening; its pupil search is shown only to those who may search.
  reportConcern: "/api/v1/incidents?status=open",
  incidents: "/api/v1/incidents",
  incidentAlerts: "/api/v1/incidents/alerts",
  breaches: "/api/v1/incidents/breaches",
  policies: "/api/v1/policies",
  agreements: "/api/v1/me/agreements",
  manageAgreements: "/api/v1/agreements",
  kiosks: "/api/v1/kiosks",
  classSessions: "/api/v1/class-sessions/options",
  photoCheck: "/api/v1/consent/purposes",
  consent: "/api/v1/consent/pupils",
  compliance: "/api/v1/compliance/agreements",
  people: "/api/v1/people",
  devices: "/api/v1/devices",
  myDevices: "/api/v1/me/devices",
  filtering: "/api/v1/filtering-reviews/status",
  audit: "/api/v1/audit",
  tokens: "/api/v1/api-tokens",
  outbox: "/api/v1/mail/outbox",
  schoolSettings: "/api/v1/school/settings",
  policyApprovals: "/api/v1/policies/settings/approvers",
  askPermission: "/api/v1/requests/types",
  myRequests: "/api/v1/requests",
  decideRequests: "/api/v1/requests",
  permitted: "/api/v1/requests/register",
  onlineServices: "/api/v1/requests/services",
  socialAccounts: "/api/v1/requests/social-accounts",
  requestTypes: "/api/v1/requests/types?all=true",
  myTraining: "/api/v1/me/training",
  trainingMatrix: "/api/v1/compliance/training",
  recordTraining: "/api/v1/training/staff",
  trainingCourses: "/api/v1/training/courses?all=true",
  // The page asks nothing on opening; what it offers is the download.
  inspectionPack: "/api/v1/reports/inspection.zip",
  // The page lists past exports from the audit log; the download is a link.
  subjectAccess: "/api/v1/audit?action=privacy.subject_access_exported",
  // The rules for those who set them; the queue only for those who may work it (retention.review).
  retention: "/api/v1/retention/rules",
};

const leaves = (items: NavItem[]): NavItem[] => items.flatMap((i) => (i.children ? leaves(i.children) : [i]));

/** Every kind of person who may hold an account, with no role and with each designated role. */
const PEOPLE = [
  ...["staff", "supply", "student_teacher", "volunteer", "governor"].map((kind) => ({ kind, role: null })),
  ...ROLES.map((role) => ({ kind: role === "chair_of_governors" ? "governor" : "staff", role })),
];

describe("the menu shows only what the person may use", () => {
  let t: TestApp;
  let schoolId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  async function signedIn(kind: string, role: string | null) {
    const [person] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO people (school_id, given_name, family_name, kinds)
          VALUES (${schoolId}, 'Menu', ${`${kind} ${role ?? "no role"}`}, ARRAY[${kind}]) RETURNING id`,
    );
    if (role)
      await t.database.db.execute(
        sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${schoolId}, ${person.id}, ${role})`,
      );
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${person.id})`,
    );
    const browser = new Browser(t.app);
    browser.cookie = `accord_session=${secret}`;
    return browser;
  }

  it("leads every kind of person and every role only to pages the server lets them use", async () => {
    const seen = new Set<string>();
    for (const { kind, role } of PEOPLE) {
      const browser = await signedIn(kind, role);
      const me = (await browser.get("/api/v1/me")).json() as Me;
      for (const item of leaves(navItemsFor(me))) {
        seen.add(item.key);
        const call = PAGE_CALL[item.key];
        expect(call, `menu item ${item.key} has a page call in this test`).toBeDefined();
        const res = await browser.get(call);
        expect(res.statusCode, `${kind} ${role ?? "(no role)"} → ${item.key}`).toBe(200);
      }
    }
    // Between them, the people above see every item: none is left untested.
    expect([...seen].sort()).toEqual(Object.keys(PAGE_CALL).sort());
    // Sixteen people × every page they may open: a few hundred requests, which a busy machine can
    // stretch past the default 30 s.
  }, 180_000);

  it("shows class signing to people who teach, and not to governors or volunteers", async () => {
    const keys = async (kind: string, role: string | null) => {
      const me = (await (await signedIn(kind, role)).get("/api/v1/me")).json() as Me;
      return leaves(navItemsFor(me)).map((i) => i.key);
    };
    expect(await keys("staff", null)).toContain("classSessions");
    expect(await keys("student_teacher", null)).toContain("classSessions");
    expect(await keys("governor", null)).not.toContain("classSessions");
    expect(await keys("governor", "chair_of_governors")).not.toContain("classSessions");
    expect(await keys("volunteer", null)).not.toContain("classSessions");
    // And what the menu hides, the server refuses.
    const governor = await signedIn("governor", null);
    expect((await governor.get("/api/v1/class-sessions/options")).statusCode).toBe(403);
  });

  it('shows "Can I use this photo?" to every member of staff, and not to governors or volunteers', async () => {
    const keys = async (kind: string, role: string | null) => {
      const me = (await (await signedIn(kind, role)).get("/api/v1/me")).json() as Me;
      return leaves(navItemsFor(me)).map((i) => i.key);
    };
    for (const kind of ["staff", "supply", "student_teacher"])
      expect(await keys(kind, null)).toContain("photoCheck");
    expect(await keys("governor", null)).not.toContain("photoCheck");
    expect(await keys("volunteer", null)).not.toContain("photoCheck");
  });
});
