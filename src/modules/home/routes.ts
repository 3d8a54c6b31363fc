import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { agreementsAttention } from "../agreements/service.js";
import { consentAttention } from "../consent/service.js";
import { devicesAttention } from "../devices/service.js";
import { filteringAttention } from "../filtering/service.js";
import { incidentsAttention } from "../incidents/service.js";
import { mailAttention } from "../mail/service.js";
import { peopleAttention } from "../people/service.js";
import { policiesAttention } from "../policies/service.js";
import { policyHealthAttention } from "../policy-health/service.js";
import { requestsAttention } from "../requests/service.js";
import { trainingAttention } from "../training/service.js";
import { schoolAtAGlance } from "./glance.js";
import { HomeView } from "./schema.js";

/**
 * What needs the signed-in person now: the items each module contributes (`<module>/attention.ts`),
 * each deciding for itself whose concern it is. A new module (incidents to triage, consent
 * to chase) adds its source here; the order is the order shown.
 */
const SOURCES = [
  agreementsAttention,
  peopleAttention,
  mailAttention,
  policiesAttention,
  policyHealthAttention,
  consentAttention,
  incidentsAttention,
  devicesAttention,
  requestsAttention,
  filteringAttention,
  trainingAttention,
];

export async function homeRoutes(app: FastifyInstance, { database, config }: Deps) {
  const route = { config: { action: "home.read" as const }, schema: { response: { 200: HomeView } } };
  typed(app).get("/api/v1/home", route, async (request) => {
    const actor = actorOf(request);
    const attention = [];
    for (const source of SOURCES) attention.push(...(await source(database.db, actor, config)));
    const glance = await schoolAtAGlance(database.db, actor);
    // The glance lists every review due, overdue ones marked: the same review twice is noise.
    const shown = glance ? attention.filter((item) => item.key !== "policyReviewOverdue") : attention;
    return { attention: shown, glance };
  });
}
