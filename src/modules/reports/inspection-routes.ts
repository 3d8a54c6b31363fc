import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { file, problems } from "../../kernel/responses.js";
import { inspectionPack } from "./inspection.js";

/** The inspector pack (issue 20 part 4, decision 026). Who may: access/reports.ts and the matrix. */
export async function inspectionRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  api.get(
    "/api/v1/reports/inspection.zip",
    {
      config: { action: "reports.inspection" },
      schema: {
        response: {
          200: file(
            "application/zip",
            "The inspector pack: a README, CSVs of the school's evidence and the policies in force as PDF",
          ),
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      const pack = await inspectionPack(database.db, actorOf(request));
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${pack.fileName}"`)
        .header("cache-control", "no-store")
        .send(pack.zip);
    },
  );
}
