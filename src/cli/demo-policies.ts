import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions } from "fastify";
import { type Database, queryRows } from "../db/client.js";
import type { Config } from "../kernel/config.js";
import { addDays, todayInLondon } from "../kernel/dates.js";
import { actorFor, openSession } from "../modules/auth/service.js";
import { buildApp } from "../server/app.js";

/**
 * The demo school's policies and agreements, made the way a school makes them: through the real
 * API (the same rules, audit events and evidence as in use), by the headteacher and the chair of
 * governors signing in. All the wording is invented for the demo.
 */

const STAFF_AUP = `# Staff acceptable use policy

Nantbrook's computers, tablets, email and network are there to help staff teach and keep pupils
safe. This policy says how staff use them, in school and away from it.

## Accounts and passwords

- Keep your password to yourself and change it if you think someone else knows it.
- Lock your screen whenever you leave a device.

## Pupils' information

- Keep pupils' information on school systems only.
- Report a lost device or a message sent to the wrong person to the office the same day.

## Online conduct

Staff communicate with pupils and parents only through school accounts, and keep personal
social media private.
`;

const PUPIL_PLEDGE = `# Our online safety pledge

We use the school's tablets and computers to learn. To keep everyone safe and happy online we
made these promises together in class.
`;

const HOME_SCHOOL = `# Home–school digital agreement

This agreement explains how Nantbrook uses digital technology with your child and how you can
help at home. It also asks how we may use photographs of your child.

## At school

Pupils use tablets and laptops with an adult nearby. Internet access is filtered and monitored.

## At home

Talk with your child about what they do online, and tell us if something worries you.
`;

const SOCIAL_MEDIA = `# Social media policy

How the school's own accounts are run, and what staff may and may not post about school life.

## School accounts

Only named staff post on the school's accounts, and only photographs of pupils whose parents
have said yes.
`;

/** The people the demo signs in as, besides the headteacher (DEMO_LOGIN in demo.ts). */
export const DEMO_APPROVER = { email: "chair@demo.accord.test", password: "demo-school-password-2026" };

type Call = { status: number; body: unknown };

/** A caller of the in-process app: a session cookie, as a browser would send it. */
function caller(app: FastifyInstance, publicUrl: string, cookie: string | null) {
  return async (method: InjectOptions["method"], url: string, payload?: unknown): Promise<Call> => {
    const res = await app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      headers: { origin: publicUrl, ...(cookie ? { cookie: `accord_session=${cookie}` } : {}) },
    });
    if (res.statusCode >= 400)
      throw new Error(`Demo: ${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

/** A session for a person of the demo school (as after sign-in), so the demo can act as them. */
async function sessionOf(database: Database, personId: string) {
  return database.db.transaction(async (tx) => {
    const actor = (await actorFor(tx, personId, null, "session"))!;
    return openSession(tx, actor, personId, { ip: null, userAgent: "accord demo" });
  });
}

/**
 * Deterministic choice of who has signed: every `step`th person of a list, so each demo school
 * is the same.
 */
const every = <T>(xs: T[], step: number) => xs.filter((_, i) => i % step !== step - 1);

/**
 * Runs `fn` over the items a few at a time, as people signing at once would: signing's group commit
 * (decision 007) then writes them together, and the demo fills in a fraction of the time it took
 * one by one. Order within a batch does not matter to anything the demo makes.
 */
async function inBatches<T>(items: T[], fn: (item: T, index: number) => Promise<void>, size = 8) {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map((item, i) => fn(item, start + i)));
}

export async function fillDemoPolicies(
  database: Database,
  config: Config,
  ids: { headId: string; chairId: string },
) {
  // Plain http cookies: the demo acts in-process, whatever the installation's public address.
  const local = { ...config, publicUrl: config.publicUrl.replace(/^https:/, "http:") };
  const app = await buildApp(database, local);
  await app.ready();
  try {
    const head = caller(app, local.publicUrl, await sessionOf(database, ids.headId));
    const chair = caller(app, local.publicUrl, await sessionOf(database, ids.chairId));
    const today = todayInLondon();
    const counts = { policies: 0, agreements: 0, signatures: 0, consentAnswers: 0 };

    /** A policy with version 1.0 submitted, approved by the head and the chair, and published. */
    const publish = async (title: string, audiences: string[], content: string, statements: string[]) => {
      const policy = (
        await head("POST", "/api/v1/policies", {
          title,
          audiences,
          category: "Online safety",
          reviewFrequency: "annual",
          ownerPersonId: ids.headId,
        })
      ).body as { id: string; versions: { id: string }[] };
      const v = `/api/v1/policies/${policy.id}/versions/${policy.versions[0].id}`;
      await head("PATCH", v, { content, statements, summary: "First issue in Accord" });
      await head("POST", `${v}/submit`);
      await head("POST", `${v}/approve`);
      await chair("POST", `${v}/approve`);
      await head("POST", `${v}/publish`);
      counts.policies++;
      return { id: policy.id, versionId: policy.versions[0].id };
    };
    const agreement = async (body: Record<string, unknown>) => {
      const made = (await head("POST", "/api/v1/agreements", body)).body as {
        id: string;
        textSha256: string;
      };
      counts.agreements++;
      return made;
    };

    // Staff: most have signed; the rest are still to do it.
    const aup = await publish("Staff acceptable use policy", ["staff"], STAFF_AUP, [
      "I will keep my passwords private and lock my screen when I leave a device.",
      "I will keep pupils' information on school systems only.",
      "I will report a lost device or misdirected message the same day.",
      "I will contact pupils and parents only through school accounts.",
    ]);
    const staffAgreement = await agreement({
      policyVersionId: aup.versionId,
      title: "Staff acceptable use agreement",
      audience: "staff",
      declaration: "I have read the staff acceptable use policy and will follow it.",
      choices: [
        {
          key: "staff_photo",
          label: "My photograph may appear on the school website's staff page.",
          options: ["agree", "disagree"],
        },
      ],
    });
    await head("POST", `/api/v1/agreements/${staffAgreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(today, 14),
    });
    const staff = await queryRows<{ id: string; name: string; job_title: string | null }>(
      database.db,
      sql`SELECT id, concat_ws(' ', given_name, family_name) AS name, job_title FROM people
          WHERE 'staff' = ANY(kinds) AND id <> ${ids.headId} ORDER BY staff_code`,
    );
    await inBatches(every(staff, 3), async (person, i) => {
      const as = caller(app, local.publicUrl, await sessionOf(database, person.id));
      await as("POST", `/api/v1/agreements/${staffAgreement.id}/signatures`, {
        fullName: person.name,
        jobTitle: person.job_title ?? "Staff",
        choices: { staff_photo: i % 4 === 0 ? "disagree" : "agree" },
        textSha256: staffAgreement.textSha256,
      });
      counts.signatures++;
    });

    // Parents: links sent to every carer; about half the families have answered.
    const homeSchool = await publish("Home–school digital agreement", ["parent"], HOME_SCHOOL, [
      "I will talk with my child about staying safe online.",
      "I will tell the school if something my child sees online worries me.",
    ]);
    const parents = await agreement({
      policyVersionId: homeSchool.versionId,
      title: "Home–school digital agreement",
      audience: "parents",
      declaration: "I have read the home–school digital agreement with my child.",
      parentMode: "per_child",
      choices: [
        {
          key: "website_photo",
          label: "Photographs of my child may appear on the school website.",
          options: ["agree", "disagree"],
        },
      ],
    });
    await head("POST", `/api/v1/agreements/${parents.id}/assignments`, {
      kinds: ["parent"],
      dueDate: addDays(today, 21),
    });
    await head("POST", `/api/v1/agreements/${parents.id}/parent-links`);
    const links = await queryRows<{ body_text: string }>(
      database.db,
      sql`SELECT body_text FROM mail_outbox WHERE subject LIKE 'Please read and sign%' ORDER BY created_at, id`,
    );
    const answered = new Set<string>();
    await inBatches(links, async ({ body_text }, i) => {
      const token = body_text.match(/\/sign\/([A-Za-z0-9_-]+)/)?.[1];
      if (!token || i % 2 === 1) return;
      const link = (await head("GET", `/api/v1/sign/${token}`)).body as {
        state: string;
        parentName: string | null;
        childName: string | null;
        agreement: { textSha256: string };
      };
      // One answer per child: a second carer's link for a child already covered is left alone
      // (checked and marked in one step, so two carers in the same batch cannot both answer).
      if (link.state !== "open" || answered.has(link.childName ?? "")) return;
      answered.add(link.childName ?? "");
      await head("POST", `/api/v1/sign/${token}`, {
        fullName: link.parentName ?? "Parent",
        choices: { website_photo: i % 6 === 0 ? "disagree" : "agree" },
        textSha256: link.agreement.textSha256,
      });
      counts.signatures++;
    });

    // Photo consent: every family asked; about two in three have answered, most saying yes to
    // the school's own uses and fewer to the press and social media. The DSL has restricted one
    // child's images (the reason is hers to read).
    await head("POST", "/api/v1/consent/requests", { dueDate: addDays(today, 21) });
    const consentLinks = await queryRows<{ body_text: string }>(
      database.db,
      sql`SELECT body_text FROM mail_outbox WHERE subject LIKE 'Photos and videos at school%' ORDER BY created_at, id`,
    );
    const publicCaller = caller(app, local.publicUrl, null);
    await inBatches(consentLinks, async ({ body_text }, i) => {
      const token = body_text.match(/\/consent\/answer\/([A-Za-z0-9_-]+)/)?.[1];
      if (!token || i % 3 === 2) return;
      const form = (await publicCaller("GET", `/api/v1/consent/links/${token}`)).body as {
        children: { id: string; purposes: { key: string; basis: string; wordingSha256: string }[] }[];
      };
      const answers = form.children.flatMap((child) =>
        child.purposes
          .filter((p) => p.basis === "consent")
          .map((p) => ({
            pupilId: child.id,
            purposeKey: p.key,
            answer:
              (["social_media", "local_press"].includes(p.key) && i % 4 === 0) || i % 11 === 0 ? "no" : "yes",
            wordingSha256: p.wordingSha256,
          })),
      );
      if (answers.length > 0) await publicCaller("POST", `/api/v1/consent/links/${token}`, { answers });
      counts.consentAnswers += answers.length;
    });
    const [dsl] = await queryRows<{ id: string }>(
      database.db,
      sql`SELECT person_id AS id FROM role_assignments WHERE role = 'dsl' LIMIT 1`,
    );
    const [restrictedChild] = await queryRows<{ id: string }>(
      database.db,
      sql`SELECT id FROM people WHERE 'pupil' = ANY(kinds) ORDER BY reg_group, family_name OFFSET 7 LIMIT 1`,
    );
    if (dsl && restrictedChild)
      await caller(app, local.publicUrl, await sessionOf(database, dsl.id))(
        "PUT",
        `/api/v1/consent/pupils/${restrictedChild.id}/restriction`,
        { reason: "Adopted: the court order says no images may be shared (invented for the demo)." },
      );

    // Pupils: two classes have signed the pledge in class, on a shared device.
    const pledge = await publish("Pupil online safety pledge", ["pupil"], PUPIL_PLEDGE, [
      "I will ask a grown-up before I go online.",
      "I will be kind to others online.",
      "I will tell a grown-up if something online makes me feel worried.",
    ]);
    const pupils = await agreement({
      policyVersionId: pledge.versionId,
      title: "Online safety pledge",
      audience: "pupils",
      declaration: "I will keep these promises.",
    });
    await head("POST", `/api/v1/agreements/${pupils.id}/assignments`, {
      kinds: ["pupil"],
      dueDate: addDays(today, 28),
    });
    for (const regGroup of ["Maple", "Oak"]) {
      const opened = (await head("POST", "/api/v1/class-sessions", { agreementId: pupils.id, regGroup }))
        .body as { id: string; token: string };
      const device = (await head("GET", `/api/v1/class/${opened.token}`)).body as {
        agreement: { textSha256: string };
        pupils: { id: string; displayName: string }[];
      };
      for (const pupil of every(device.pupils, 5)) {
        await caller(app, local.publicUrl, null)("POST", `/api/v1/class/${opened.token}/signatures`, {
          pupilId: pupil.id,
          fullName: pupil.displayName,
          textSha256: device.agreement.textSha256,
        });
        counts.signatures++;
      }
      await head("POST", `/api/v1/class-sessions/${opened.id}/end`);
    }

    // A version waiting for the chair of governors: the headteacher has approved it.
    const social = await publish("Social media policy", ["staff"], SOCIAL_MEDIA, [
      "I will keep my personal social media accounts private.",
    ]);
    const next = (await head("POST", `/api/v1/policies/${social.id}/versions`, { bump: "minor" })).body as {
      id: string;
    };
    const v = `/api/v1/policies/${social.id}/versions/${next.id}`;
    await head("PATCH", v, {
      content: `${SOCIAL_MEDIA}\n## Livestreams\n\nEvents are streamed only from the school's own accounts.\n`,
      summary: "Adds livestreamed events",
    });
    await head("POST", `${v}/submit`);
    await head("POST", `${v}/approve`);
    // And a review falling due in a fortnight, so the headteacher's home shows one.
    await head("PATCH", `/api/v1/policies/${aup.id}`, { nextReviewDue: addDays(today, 14) });
    return counts;
  } finally {
    await app.close();
  }
}
