import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import { setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import * as agreementRules from "./agreements.js";
import { canSignAgreement, isAddressedTo } from "./agreements.js";
import * as classSessionRules from "./class-sessions.js";
import { canRunClassSession, canUseClassSession } from "./class-sessions.js";
import * as filteringRules from "./filtering.js";
import {
  canMarkFilteringActionDone,
  canReadFilteringReviews,
  canRecordFilteringReview,
  mayReadFilteringReviews,
  mayRecordFilteringReviews,
  NO_STANDING,
  standingOf,
} from "./filtering.js";
import * as homeRules from "./home.js";
import { canSeeSchoolAtAGlance } from "./home.js";
import * as mailRules from "./mail.js";
import { canReadOutbox } from "./mail.js";
import { ACTIONS, type Action, can, KIND_RULES, MATRIX, STANDING_RULES } from "./matrix.js";
import { needsProvenSecondStep } from "./mfa.js";
import * as peopleRules from "./people.js";
import { canHoldAccount, canManagePeople } from "./people.js";
import * as policyRules from "./policies.js";
import { approverRolesOf, canManagePolicy, canSeeOverdueReview, policyAccess } from "./policies.js";
import * as policyHealthRules from "./policy-health.js";
import { canDismissFinding, canReadPolicyHealth } from "./policy-health.js";
import * as requestRules from "./requests.js";
import {
  canAnswerRequest,
  canDecideRequest,
  canKeepRegisters,
  canReadRegisters,
  canReadRequest,
  isApproverOf,
  mayEverDecide,
  requestAccess,
} from "./requests.js";
import {
  type Actor,
  ADMIN_ROLES,
  AUDIENCE_KIND,
  KINDS,
  type Kind,
  ROLES,
  type Role,
  TOKEN_SCOPES,
} from "./roles.js";
import * as signatureRules from "./signatures.js";
import {
  canCorrectSignature,
  canReadSignature,
  canRecordPaperForm,
  canSign,
  canWithdrawSignature,
} from "./signatures.js";
import { mayGrantRoles, neverForTokens, scopesAllow } from "./tokens.js";
import * as trainingRules from "./training.js";
import {
  canReadCertificate,
  canReadTrainingOf,
  canRecordTrainingFor,
  canWithdrawCompletion,
  trainingMatrixScope,
} from "./training.js";
import * as visitorRules from "./visitors.js";
import { canReadVisitor } from "./visitors.js";

/**
 * Walks every registered API route for every role, anonymous included. A route added without an
 * action cannot register at all; a route whose answer disagrees with the matrix fails here.
 */
describe("authorization: every route × every role", () => {
  let t: TestApp;
  let schoolId: string;
  let adminId: string;
  const identities: { label: string; roles: string[]; cookie: string | null }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, adminId } = await setUpSchool(t.app));
    identities.push({ label: "anonymous", roles: [], cookie: null });
    const holders: [string, string[]][] = [
      ["member of staff with no role", []],
      ...ROLES.map((r) => [r, [r]] as [string, string[]]),
    ];
    for (const [label, roles] of holders) {
      // Sessions are made directly: this test is about the gate, not about signing in.
      const person = await queryRows<{ id: string }>(
        t.database.db,
        sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${schoolId}, 'Role', ${label}, ARRAY['staff']) RETURNING id`,
      );
      const personId = person[0].id;
      for (const role of roles)
        await t.database.db.execute(
          sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${schoolId}, ${personId}, ${role})`,
        );
      const { secret, hash } = newSecret();
      await t.database.db.execute(
        sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${personId})`,
      );
      identities.push({ label, roles, cookie: `accord_session=${secret}` });
    }
  });
  afterAll(() => t.close());

  it("registers API routes, each with an action the matrix knows", () => {
    expect(t.app.accordRoutes.length).toBeGreaterThan(15);
    for (const r of t.app.accordRoutes) expect(ACTIONS).toContain(r.action);
  });

  it("answers every route as the matrix says for every role", async () => {
    const uuid = "00000000-0000-4000-8000-000000000000";
    const mismatches: string[] = [];
    // Signing out ends the session the walk uses, so it goes last.
    const routes = [...t.app.accordRoutes].sort(
      (a, b) => Number(a.action === "auth.logout") - Number(b.action === "auth.logout"),
    );
    for (const route of routes) {
      const url = route.url.replace(/:id|:versionId|:token/g, (p) =>
        p === ":token" ? "x".repeat(43) : uuid,
      );
      for (const who of identities) {
        const res = await t.app.inject({
          method: route.method as "GET",
          url,
          headers: { origin: "http://localhost:3000", ...(who.cookie ? { cookie: who.cookie } : {}) },
          payload: route.method === "GET" || route.method === "DELETE" ? undefined : {},
        });
        // Everyone in the walk is a member of staff (the kind rules see that).
        const actor = who.cookie ? { roles: who.roles as never, kinds: ["staff"] as never } : null;
        // Nobody here is named by the school (its filtering leader or governor): role alone decides.
        const standing = STANDING_RULES[route.action as Action];
        // Of the kind rules, the plugin applies the governors' report's (plugin.ts says why).
        const kindRule = route.action === "reports.governors" ? KIND_RULES[route.action] : undefined;
        // The walk's sessions are password-only: an action that needs a second step proven in the
        // session (access/mfa.ts) is refused even to the roles the matrix names.
        const allowed =
          can(actor, route.action as Action) &&
          (!actor || !standing || standing(actor, NO_STANDING)) &&
          (!actor || !kindRule || kindRule(actor)) &&
          !needsProvenSecondStep(actor, route.action as Action);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const expected = allowed ? "admitted" : who.cookie ? "403" : "401";
        const got = refused ? String(res.statusCode) : "admitted";
        if (expected !== got)
          mismatches.push(
            `${route.method} ${route.url} as ${who.label}: expected ${expected}, got ${res.statusCode}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000); // ~70 routes × 13 identities through the full request pipeline

  it("answers every route for an API token of each scope as access/tokens.ts says", async () => {
    // The headteacher and school admin made at setup makes one token per scope: what a token may
    // do is at most what they may, narrowed by its scope, and never what no token may do.
    const adminRoles: Role[] = ["headteacher", "school_admin"];
    const uuid = "00000000-0000-4000-8000-000000000000";
    const mismatches: string[] = [];
    for (const scope of TOKEN_SCOPES) {
      const { secret, hash } = newSecret("acc_");
      await t.database.db.execute(
        sql`INSERT INTO api_tokens (school_id, name, token_hash, created_by, scopes, expires_at)
          VALUES (${schoolId}, ${scope}, ${hash}, ${adminId}, ARRAY[${scope}]::text[], now() + interval '1 day')`,
      );
      for (const route of t.app.accordRoutes) {
        const url = route.url.replace(/:id|:versionId|:token/g, (p) =>
          p === ":token" ? "x".repeat(43) : uuid,
        );
        const res = await t.app.inject({
          method: route.method as "GET",
          url,
          headers: { authorization: `Bearer ${secret}` },
          payload: route.method === "GET" || route.method === "DELETE" ? undefined : {},
        });
        const action = route.action as Action;
        const allowed =
          !neverForTokens(action) &&
          scopesAllow([scope], action, route.method) &&
          can({ roles: adminRoles }, action) &&
          (STANDING_RULES[action]?.({ roles: adminRoles }, NO_STANDING) ?? true);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (allowed === refused)
          mismatches.push(`${route.method} ${route.url} with a ${scope} token: got ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    // What no token may do, whatever its scope.
    for (const action of ["apiTokens.manage", "roles.assign", "auth.changePassword"] as const)
      expect(neverForTokens(action)).toBe(true);
  }, 180_000);

  it("refuses to register a route that declares no action", async () => {
    const { buildApp } = await import("../../testing/app.js");
    const app = await buildApp(t.database, t.config);
    expect(() => app.get("/api/v1/unguarded", async () => "oops")).toThrow(/declares no access action/);
    await app.close();
  });

  it("gives only designated roles the powers the matrix names", () => {
    expect(can(null, "people.read")).toBe(false);
    expect(can({ roles: [] }, "people.read")).toBe(false);
    expect(can({ roles: [] }, "me.read")).toBe(true);
    expect(can({ roles: ["dsl"] }, "people.read")).toBe(true);
    expect(can({ roles: ["dsl"] }, "people.manage")).toBe(false);
    expect(can({ roles: ["school_admin"] }, "people.manage")).toBe(true);
    expect(MATRIX.public).toBe("public");
  });
});

/**
 * Every record rule, for every identity, on a record of their own, someone else's in their school
 * and one in another school. The expectations are written out here (not derived from the rules),
 * so changing who may do what to a record changes this table too.
 */
describe("authorization: every record rule × every role × own, other and other-school records", () => {
  const SCHOOL = "school-a";
  const ME = "person-me";
  const SOMEONE = "person-else";
  const OTHER_SCHOOL = "school-b";

  type Label = "staff" | "governor" | "volunteer" | Role;
  function actorWith(kinds: Kind[], roles: Role[]): Actor {
    return { schoolId: SCHOOL, personId: ME, name: "Me", roles, kinds, ip: null, via: "session" };
  }
  const identities: { label: Label; actor: Actor }[] = [
    { label: "staff", actor: actorWith(["staff"], []) },
    { label: "governor", actor: actorWith(["governor"], []) },
    { label: "volunteer", actor: actorWith(["volunteer"], []) },
    ...ROLES.map((r) => ({ label: r, actor: actorWith(["staff"], [r]) })),
  ];

  /** Who gets an outcome: everyone, nobody, or the identities named. */
  type Who = "everyone" | "nobody" | readonly Label[];
  const ADMINS: Label[] = ["headteacher", "school_admin"];
  const STAFF_KINDS: Label[] = ["staff", ...ROLES]; // every role holder here is of kind staff

  /**
   * A rule's outcomes on each record. A boolean rule answers "allowed" or "refused" and its
   * expectation is who is allowed. A rule with more outcomes lists who gets each, first match
   * first; whoever is not listed gets `otherwise`.
   */
  type Case = {
    rule: string;
    records: Record<string, unknown>;
    answer: (actor: Actor, record: any) => string | boolean;
    expect: Record<string, Who | Record<string, Who>>;
    otherwise?: string;
  };

  const signature = {
    own: { schoolId: SCHOOL, personId: ME },
    other: { schoolId: SCHOOL, personId: SOMEONE },
    // The actor's own person id in another school: the tenant check alone must refuse it.
    otherSchool: { schoolId: OTHER_SCHOOL, personId: ME },
    visitor: { schoolId: SCHOOL, personId: null },
  };
  const policy = (
    schoolId: string,
    owner: string | null,
    governor: string | null,
    audiences: string[],
    hasPublishedVersion = true,
  ) => ({
    schoolId,
    ownerPersonId: owner,
    governorPersonId: governor,
    audiences,
    hasPublishedVersion,
  });
  const agreement = (schoolId: string, audience: string, assigned: boolean) => ({
    agreement: { schoolId, audience },
    assigned,
  });

  /** The school's naming of its filtering leader and governor: me as either, others, another school's. */
  const filteringNaming = {
    meAsLeader: { schoolId: SCHOOL, leaderId: ME, governorId: SOMEONE },
    meAsGovernor: { schoolId: SCHOOL, leaderId: SOMEONE, governorId: ME },
    others: { schoolId: SCHOOL, leaderId: SOMEONE, governorId: SOMEONE },
    // Named in another school: the tenant check alone must refuse it.
    otherSchool: { schoolId: OTHER_SCHOOL, leaderId: ME, governorId: ME },
  };
  const FILTERING_RECORDERS: Label[] = [...ADMINS, "online_safety_lead"];
  const FILTERING_READERS: Label[] = [
    ...FILTERING_RECORDERS,
    "dsl",
    "deputy_dsl",
    "network_manager",
    "computing_lead",
    "chair_of_governors",
  ];

  /** Permission requests: mine, a colleague's that line managers and the head approve, another school's. */
  const permissionRequests = {
    own: { schoolId: SCHOOL, requesterId: ME, approverRoles: ["line_manager", "headteacher"] },
    forLineManager: {
      schoolId: SCHOOL,
      requesterId: SOMEONE,
      approverRoles: ["line_manager", "headteacher"],
    },
    // The actor's own person id in another school: the tenant check alone must refuse it.
    otherSchool: { schoolId: OTHER_SCHOOL, requesterId: ME, approverRoles: ["line_manager", "headteacher"] },
    // The directory names the requester's line manager: the actor, or somebody else.
    managedByMe: {
      schoolId: SCHOOL,
      requesterId: SOMEONE,
      approverRoles: ["line_manager", "headteacher"],
      requesterLineManagerId: ME,
    },
    managedByAnother: {
      schoolId: SCHOOL,
      requesterId: SOMEONE,
      approverRoles: ["line_manager", "headteacher"],
      requesterLineManagerId: "someone-else",
    },
  };

  /** Agreements to sign, and who may sign each: canSignAgreement and canSign answer alike. */
  const toSign = {
    assignedToMe: agreement(SCHOOL, "pupils", true),
    forStaff: agreement(SCHOOL, "staff", false),
    forGovernors: agreement(SCHOOL, "governors", false),
    forVolunteers: agreement(SCHOOL, "volunteers", false),
    forParents: agreement(SCHOOL, "parents", false),
    otherSchoolAssigned: agreement(OTHER_SCHOOL, "staff", true),
  };
  // No role signs what is neither addressed to their kind nor assigned to them.
  const whoMaySign = {
    assignedToMe: "everyone",
    forStaff: STAFF_KINDS,
    forGovernors: ["governor"],
    forVolunteers: ["volunteer"],
    forParents: "nobody",
    otherSchoolAssigned: "nobody",
  } as const;

  const cases: Case[] = [
    {
      rule: "canReadSignature",
      records: signature,
      answer: canReadSignature,
      // The compliance row of the matrix reads everyone's; a signer reads their own.
      expect: {
        own: "everyone",
        other: [...ADMINS, "dsl", "deputy_dsl"],
        otherSchool: "nobody",
        visitor: [...ADMINS, "dsl", "deputy_dsl"],
      },
    },
    {
      rule: "canWithdrawSignature",
      records: signature,
      answer: canWithdrawSignature,
      expect: { own: "everyone", other: ADMINS, otherSchool: "nobody", visitor: ADMINS },
    },
    {
      rule: "canCorrectSignature",
      records: signature,
      answer: canCorrectSignature,
      expect: { own: "everyone", other: "nobody", otherSchool: "nobody", visitor: "nobody" },
    },
    {
      // A carer's printed form becomes their signature: the school office records it, for its own school.
      rule: "canRecordPaperForm",
      records: { ownSchool: { schoolId: SCHOOL }, otherSchool: { schoolId: OTHER_SCHOOL } },
      answer: canRecordPaperForm,
      expect: { ownSchool: ADMINS, otherSchool: "nobody" },
    },
    {
      rule: "canSignAgreement",
      records: toSign,
      answer: (actor, r) => canSignAgreement(actor, r.agreement, r.assigned),
      expect: whoMaySign,
    },
    {
      // The same rule as signing asks it, of any subject: by the kind it is addressed to.
      rule: "canSign",
      records: toSign,
      answer: (actor, r) =>
        canSign(
          actor,
          {
            schoolId: r.agreement.schoolId,
            audienceKind: AUDIENCE_KIND[r.agreement.audience as keyof typeof AUDIENCE_KIND],
          },
          r.assigned,
        ),
      expect: whoMaySign,
    },
    {
      rule: "canRunClassSession",
      records: { none: null },
      answer: (actor) => canRunClassSession(actor),
      expect: { none: STAFF_KINDS },
    },
    {
      rule: "canUseClassSession",
      records: {
        own: { schoolId: SCHOOL, teacherId: ME },
        other: { schoolId: SCHOOL, teacherId: SOMEONE },
        otherSchool: { schoolId: OTHER_SCHOOL, teacherId: ME },
      },
      answer: canUseClassSession,
      // Not even an admin watches or closes another teacher's session.
      expect: { own: "everyone", other: "nobody", otherSchool: "nobody" },
    },
    {
      rule: "canManagePolicy",
      records: {
        own: policy(SCHOOL, ME, null, []),
        other: policy(SCHOOL, SOMEONE, null, []),
        otherSchool: policy(OTHER_SCHOOL, ME, null, []),
      },
      answer: canManagePolicy,
      expect: { own: "everyone", other: ADMINS, otherSchool: "nobody" },
    },
    {
      rule: "policyAccess",
      records: {
        own: policy(SCHOOL, ME, null, []),
        governed: policy(SCHOOL, SOMEONE, ME, []),
        otherForStaff: policy(SCHOOL, SOMEONE, null, ["staff"]),
        otherForPupils: policy(SCHOOL, SOMEONE, null, ["pupil"]),
        // Drafts only: its readers do not see it at all, not even its title.
        draftForStaff: policy(SCHOOL, SOMEONE, null, ["staff"], false),
        otherSchool: policy(OTHER_SCHOOL, ME, ME, ["staff"]),
      },
      // This school requires approval by the headteacher and the chair of governors.
      answer: (actor, p) => policyAccess(actor, p, ["headteacher", "chair_of_governors"]),
      otherwise: "none",
      expect: {
        own: { all: "everyone" },
        governed: { all: "everyone" },
        otherForStaff: { all: [...ADMINS, "chair_of_governors"], published: STAFF_KINDS },
        otherForPupils: { all: [...ADMINS, "chair_of_governors"] },
        draftForStaff: { all: [...ADMINS, "chair_of_governors"] },
        otherSchool: {},
      },
    },
    {
      // Findings are working notes on a policy: for those who see its drafts, never its readers alone.
      rule: "canReadPolicyHealth",
      records: {
        own: policy(SCHOOL, ME, null, []),
        governed: policy(SCHOOL, SOMEONE, ME, []),
        otherForStaff: policy(SCHOOL, SOMEONE, null, ["staff"]),
        otherSchool: policy(OTHER_SCHOOL, ME, ME, ["staff"]),
      },
      answer: (actor, p) => canReadPolicyHealth(actor, p, ["headteacher", "chair_of_governors"]),
      expect: {
        own: "everyone",
        governed: "everyone",
        otherForStaff: [...ADMINS, "chair_of_governors"],
        otherSchool: "nobody",
      },
    },
    {
      // Dismissing is for those who can change the text: not the governor responsible, not an approver.
      rule: "canDismissFinding",
      records: {
        own: policy(SCHOOL, ME, null, []),
        governed: policy(SCHOOL, SOMEONE, ME, []),
        other: policy(SCHOOL, SOMEONE, null, ["staff"]),
        otherSchool: policy(OTHER_SCHOOL, ME, null, []),
      },
      answer: canDismissFinding,
      expect: { own: "everyone", governed: ADMINS, other: ADMINS, otherSchool: "nobody" },
    },
    {
      rule: "approverRolesOf",
      records: { required: ["headteacher", "chair_of_governors"] },
      answer: (actor, required) => approverRolesOf(actor, required).join(","),
      otherwise: "",
      expect: { required: { headteacher: ["headteacher"], chair_of_governors: ["chair_of_governors"] } },
    },
    {
      rule: "canSeeOverdueReview",
      records: {
        own: policy(SCHOOL, ME, null, []),
        other: policy(SCHOOL, SOMEONE, null, []),
        otherSchool: policy(OTHER_SCHOOL, ME, null, []),
      },
      answer: canSeeOverdueReview,
      expect: { own: "everyone", other: ["headteacher"], otherSchool: "nobody" },
    },
    {
      rule: "canManagePeople",
      records: { none: null },
      answer: (actor) => canManagePeople(actor),
      expect: { none: ADMINS },
    },
    {
      rule: "mayGrantRoles",
      // The same person signed in, or through an API token they made.
      records: { signedIn: "session", throughAToken: "token" },
      answer: (actor, via) => mayGrantRoles({ ...actor, via }),
      expect: { signedIn: ADMINS, throughAToken: "nobody" },
    },
    {
      rule: "canReadOutbox",
      records: { none: null },
      answer: (actor) => canReadOutbox(actor),
      expect: { none: ADMINS },
    },
    {
      rule: "canReadVisitor",
      records: { here: { schoolId: SCHOOL }, otherSchool: { schoolId: OTHER_SCHOOL } },
      answer: canReadVisitor,
      expect: { here: [...ADMINS, "dsl", "deputy_dsl"], otherSchool: "nobody" },
    },
    {
      rule: "canSeeSchoolAtAGlance",
      records: { none: null },
      answer: (actor) => canSeeSchoolAtAGlance(actor),
      expect: { none: ADMINS },
    },
    // Permission requests: the requester, then the holders of the type's roles, then the admins;
    // nobody decides their own, whatever roles they hold.
    {
      rule: "requestAccess",
      records: permissionRequests,
      answer: (actor, r) => requestAccess(actor, r) ?? "none",
      expect: {
        own: { requester: "everyone" },
        forLineManager: { approver: ["line_manager", "headteacher"], admin: ["school_admin"] },
        otherSchool: { none: "everyone" },
        managedByMe: { approver: "everyone" },
        managedByAnother: { approver: ["headteacher"], admin: ["school_admin"] },
      },
      otherwise: "none",
    },
    {
      rule: "canReadRequest",
      records: permissionRequests,
      answer: canReadRequest,
      expect: {
        own: "everyone",
        forLineManager: ["line_manager", ...ADMINS],
        otherSchool: "nobody",
        managedByMe: "everyone",
        managedByAnother: ADMINS,
      },
    },
    {
      rule: "canDecideRequest",
      records: permissionRequests,
      answer: canDecideRequest,
      expect: {
        own: "nobody",
        forLineManager: ["line_manager", "headteacher"],
        otherSchool: "nobody",
        managedByMe: "everyone",
        managedByAnother: ["headteacher"],
      },
    },
    {
      rule: "isApproverOf",
      records: permissionRequests,
      answer: isApproverOf,
      expect: {
        own: ["line_manager", "headteacher"],
        forLineManager: ["line_manager", "headteacher"],
        otherSchool: ["line_manager", "headteacher"],
        managedByMe: "everyone",
        managedByAnother: ["headteacher"],
      },
    },
    {
      rule: "canAnswerRequest",
      records: permissionRequests,
      answer: canAnswerRequest,
      expect: {
        own: "everyone",
        forLineManager: "nobody",
        otherSchool: "nobody",
        managedByMe: "nobody",
        managedByAnother: "nobody",
      },
    },
    {
      rule: "mayEverDecide",
      records: { none: null },
      answer: (actor) => mayEverDecide(actor),
      expect: { none: ROLES },
    },
    {
      rule: "canReadRegisters",
      records: { none: null },
      answer: (actor) => canReadRegisters(actor),
      expect: { none: STAFF_KINDS },
    },
    {
      rule: "canKeepRegisters",
      records: { ownSchool: { schoolId: SCHOOL }, otherSchool: { schoolId: OTHER_SCHOOL } },
      answer: canKeepRegisters,
      expect: { ownSchool: [...ADMINS, "dpo"], otherSchool: "nobody" },
    },
    // Filtering reviews: roles, and the people the school names as its filtering leader and governor.
    {
      rule: "standingOf",
      records: filteringNaming,
      answer: (actor, r) => {
        const s = standingOf(actor, r);
        return s.leader ? "leader" : s.governor ? "governor" : "none";
      },
      expect: {
        meAsLeader: { leader: "everyone" },
        meAsGovernor: { governor: "everyone" },
        others: { none: "everyone" },
        otherSchool: { none: "everyone" },
      },
      otherwise: "none",
    },
    {
      rule: "canRecordFilteringReview",
      records: filteringNaming,
      answer: canRecordFilteringReview,
      expect: {
        meAsLeader: "everyone",
        meAsGovernor: FILTERING_RECORDERS,
        others: FILTERING_RECORDERS,
        otherSchool: "nobody",
      },
    },
    {
      rule: "canReadFilteringReviews",
      records: filteringNaming,
      answer: canReadFilteringReviews,
      expect: {
        meAsLeader: "everyone",
        meAsGovernor: "everyone",
        others: FILTERING_READERS,
        otherSchool: "nobody",
      },
    },
    {
      rule: "canMarkFilteringActionDone",
      records: {
        mine: { schoolId: SCHOOL, ownerId: ME },
        someoneElses: { schoolId: SCHOOL, ownerId: SOMEONE },
        otherSchool: { schoolId: OTHER_SCHOOL, ownerId: ME },
      },
      answer: canMarkFilteringActionDone,
      expect: { mine: "everyone", someoneElses: ADMINS, otherSchool: "nobody" },
    },
    {
      rule: "mayReadFilteringReviews",
      records: { unnamed: NO_STANDING, governor: { leader: false, governor: true } },
      answer: mayReadFilteringReviews,
      expect: { unnamed: FILTERING_READERS, governor: "everyone" },
    },
    {
      rule: "mayRecordFilteringReviews",
      records: { unnamed: NO_STANDING, leader: { leader: true, governor: false } },
      answer: mayRecordFilteringReviews,
      expect: { unnamed: FILTERING_RECORDERS, leader: "everyone" },
    },
    // Training: everyone their own; the headteacher, admins and the DSL anyone's in their school.
    ...(
      [
        ["canRecordTrainingFor", canRecordTrainingFor],
        ["canReadCertificate", canReadCertificate],
      ] as const
    ).map(([rule, answer]) => ({
      rule,
      records: signature,
      answer,
      expect: {
        own: "everyone",
        other: [...ADMINS, "dsl"],
        otherSchool: "nobody",
        visitor: [...ADMINS, "dsl"],
      } as Record<string, Who>,
    })),
    {
      // A person withdraws what they recorded for themself; an INSET's record stays for the admins.
      rule: "canWithdrawCompletion",
      records: {
        ownRecordedByMe: { schoolId: SCHOOL, personId: ME, recordedBy: ME },
        ownRecordedByOther: { schoolId: SCHOOL, personId: ME, recordedBy: SOMEONE },
        other: { schoolId: SCHOOL, personId: SOMEONE, recordedBy: SOMEONE },
        otherSchool: { schoolId: OTHER_SCHOOL, personId: ME, recordedBy: ME },
      },
      answer: canWithdrawCompletion,
      expect: {
        ownRecordedByMe: "everyone",
        ownRecordedByOther: [...ADMINS, "dsl"],
        other: [...ADMINS, "dsl"],
        otherSchool: "nobody",
      },
    },
    {
      rule: "trainingMatrixScope",
      records: { none: null },
      answer: (actor) => trainingMatrixScope(actor) ?? "none",
      expect: { none: { school: [...ADMINS, "dsl", "deputy_dsl", "slt"], team: ["line_manager"] } },
      otherwise: "none",
    },
    {
      // A person's training page: their own, the matrix's readers, and their own line manager.
      rule: "canReadTrainingOf",
      records: {
        own: { schoolId: SCHOOL, personId: ME, lineManagerId: null },
        other: { schoolId: SCHOOL, personId: SOMEONE, lineManagerId: null },
        managedByMe: { schoolId: SCHOOL, personId: SOMEONE, lineManagerId: ME },
        otherSchool: { schoolId: OTHER_SCHOOL, personId: SOMEONE, lineManagerId: ME },
      },
      answer: canReadTrainingOf,
      expect: {
        own: "everyone",
        other: [...ADMINS, "dsl", "deputy_dsl", "slt"],
        managedByMe: "everyone",
        otherSchool: "nobody",
      },
    },
  ];

  const includes = (who: Who, label: Label) =>
    who === "everyone" || (who !== "nobody" && (who as readonly Label[]).includes(label));

  function expected(c: Case, recordName: string, label: Label): string {
    const e = c.expect[recordName];
    if (typeof e === "string" || Array.isArray(e)) return includes(e as Who, label) ? "allowed" : "refused";
    const hit = Object.entries(e as Record<string, Who>).find(([, who]) => includes(who, label));
    return hit ? hit[0] : (c.otherwise ?? "refused");
  }

  it("answers every rule as the table says, for every identity and record", () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      expect(Object.keys(c.expect).sort(), c.rule).toEqual(Object.keys(c.records).sort());
      for (const [recordName, record] of Object.entries(c.records))
        for (const { label, actor } of identities) {
          const raw = c.answer(actor, record);
          const got = raw === true ? "allowed" : raw === false ? "refused" : raw;
          const want = expected(c, recordName, label);
          if (got !== want)
            mismatches.push(`${c.rule} on ${recordName} as ${label}: expected ${want}, got ${got}`);
        }
    }
    expect(mismatches).toEqual([]);
  });

  it("has a row in the table for every rule about an actor that access/ exports", () => {
    const aboutAnActor = Object.entries({
      ...agreementRules,
      ...classSessionRules,
      ...filteringRules,
      ...mailRules,
      ...homeRules,
      ...peopleRules,
      ...policyRules,
      ...policyHealthRules,
      ...requestRules,
      ...signatureRules,
      ...trainingRules,
      ...visitorRules,
      mayGrantRoles,
    })
      // These two answer about a person or an audience, not an actor: tested below.
      .filter(
        ([name, value]) => typeof value === "function" && !["isAddressedTo", "canHoldAccount"].includes(name),
      )
      .map(([name]) => name);
    expect(aboutAnActor.sort()).toEqual(cases.map((c) => c.rule).sort());
  });

  it("addresses each audience to its own kind of person and no other", () => {
    for (const [audience, kind] of Object.entries(AUDIENCE_KIND)) {
      for (const k of KINDS) expect(isAddressedTo(audience, [k]), `${audience} → ${k}`).toBe(k === kind);
      expect(isAddressedTo(audience, [])).toBe(false);
    }
    expect(isAddressedTo("everyone", [...KINDS])).toBe(false);
  });

  it("lets only staff, supply, student teachers, volunteers and governors hold an account", () => {
    const holders = KINDS.filter((k) => canHoldAccount({ kinds: [k] }));
    expect(holders.sort()).toEqual(["governor", "staff", "student_teacher", "supply", "volunteer"]);
    expect(canHoldAccount({ kinds: ["parent", "staff"] })).toBe(true);
    expect(canHoldAccount({ kinds: [] })).toBe(false);
  });

  it("keeps one list of the school's admins, which the matrix and the record rules share", () => {
    expect([...ADMIN_ROLES].sort()).toEqual(["headteacher", "school_admin"]);
    for (const action of ["people.manage", "agreements.manage", "mail.read", "settings.manage"] as const)
      expect(MATRIX[action]).toEqual(ADMIN_ROLES);
  });
});
