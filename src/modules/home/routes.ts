import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { canReadOutbox } from "../access/mail.js";
import { canManagePeople } from "../access/people.js";
import { myAgreements } from "../agreements/service.js";
import { countHeld } from "../mail/service.js";
import { countByKind, listPeople } from "../people/service.js";
import { overdueReviewsFor } from "../policies/service.js";
import { HomeView } from "./schema.js";

type Attention = {
  key: string;
  params: Record<string, unknown>;
  href: string | null;
  severity: "info" | "warning";
};

/**
 * What needs the signed-in person now. Each later module adds its own items here (agreements
 * to sign, incidents to triage, reviews due), each only for the people whose role it concerns.
 */
export async function homeRoutes(app: FastifyInstance, { database, config }: Deps) {
  const route = { config: { action: "home.read" as const }, schema: { response: { 200: HomeView } } };
  typed(app).get("/api/v1/home", route, async (request) => {
    const actor = actorOf(request);
    const db = database.db;
    const attention: Attention[] = [];
    const toSign = await myAgreements(db, actor);
    if (toSign.length > 0)
      attention.push({
        key: "agreementsToSign",
        params: { count: toSign.length },
        href: "/agreements/sign",
        severity: toSign.some((a) => a.overdue) ? "warning" : "info",
      });
    if (canManagePeople(actor)) {
      const counts = await countByKind(db, actor.schoolId);
      if (!counts.pupil)
        attention.push({ key: "importPeople", params: {}, href: "/people/import", severity: "info" });
      if ((counts.staff ?? 0) < 2)
        attention.push({
          key: "addStaff",
          params: { count: counts.staff ?? 0 },
          href: "/people/new",
          severity: "info",
        });
      const invited = await listPeople(db, actor.schoolId, {
        status: "current",
        account: "invited",
        limit: 1,
        offset: 0,
      });
      if (invited.total > 0)
        attention.push({
          key: "invitationsPending",
          params: { count: invited.total },
          href: "/people?account=invited",
          severity: "info",
        });
    }
    if (canReadOutbox(actor) && !config.smtpUrl) {
      const held = await countHeld(db, actor.schoolId);
      if (held > 0)
        attention.push({
          key: "outboxHeld",
          params: { count: held },
          href: "/settings/outbox",
          severity: "warning",
        });
    }
    for (const p of await overdueReviewsFor(db, actor))
      attention.push({
        key: "policyReviewOverdue",
        params: { title: p.title, due: p.due },
        href: `/policies/${p.id}`,
        severity: "warning",
      });
    return { attention };
  });
}
