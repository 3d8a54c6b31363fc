import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { agreementsAttention } from "../agreements/service.js";
import { mailAttention } from "../mail/service.js";
import { peopleAttention } from "../people/service.js";
import { policiesAttention } from "../policies/service.js";
import { HomeView } from "./schema.js";

/**
 * What needs the signed-in person now: the items each module contributes (`<module>/attention.ts`),
 * each deciding for itself whose concern it is. A new module (incidents to triage, consent
 * to chase) adds its source here; the order is the order shown.
 */
const SOURCES = [agreementsAttention, peopleAttention, mailAttention, policiesAttention];

export async function homeRoutes(app: FastifyInstance, { database, config }: Deps) {
  const route = { config: { action: "home.read" as const }, schema: { response: { 200: HomeView } } };
  typed(app).get("/api/v1/home", route, async (request) => {
    const actor = actorOf(request);
    const attention = [];
    for (const source of SOURCES) attention.push(...(await source(database.db, actor, config)));
    return { attention };
  });
}
