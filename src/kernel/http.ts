import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/client.js";
import type { Actor } from "../modules/access/roles.js";
import type { Config } from "./config.js";
import { unauthorized } from "./problem.js";

/** What route modules receive: the database and the config. No globals. */
export type Deps = { database: Database; config: Config };

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The signed-in actor of a request whose route the access plugin has already admitted. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
