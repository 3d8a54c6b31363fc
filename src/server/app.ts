import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Database } from "../db/client.js";
import type { Config } from "../kernel/config.js";
import type { Deps } from "../kernel/http.js";
import { type RegisteredRoute, registerAccess } from "../modules/access/plugin.js";
import { agreementRoutes } from "../modules/agreements/routes.js";
import { auditRoutes } from "../modules/audit/routes.js";
import { authRoutes } from "../modules/auth/routes.js";
import { consentRoutes } from "../modules/consent/routes.js";
import { deviceRoutes } from "../modules/devices/routes.js";
import { filteringRoutes } from "../modules/filtering/routes.js";
import { homeRoutes } from "../modules/home/routes.js";
import { incidentRoutes } from "../modules/incidents/routes.js";
import { mailRoutes } from "../modules/mail/routes.js";
import { importRoutes, MAX_IMPORT_BYTES } from "../modules/people/import/routes.js";
import { peopleRoutes } from "../modules/people/routes.js";
import { policyRoutes } from "../modules/policies/routes.js";
import { policyHealthRoutes } from "../modules/policy-health/routes.js";
import { privacyRoutes } from "../modules/privacy/routes.js";
import { inspectionRoutes } from "../modules/reports/inspection-routes.js";
import { reportRoutes } from "../modules/reports/routes.js";
import { requestRoutes } from "../modules/requests/routes.js";
import { schoolRoutes } from "../modules/schools/routes.js";
import { signingRoutes } from "../modules/signing/routes.js";
import { trainingRoutes } from "../modules/training/routes.js";
import { trustRoutes } from "../modules/trust/routes.js";
import { registerNoStore } from "./plugins/caching.js";
import { apiNotFound, registerErrorHandling } from "./plugins/errors.js";
import { registerIdentity } from "./plugins/identity.js";
import { registerInputChecks } from "./plugins/input.js";
import { registerRefusalLog } from "./plugins/refusals.js";

export const webRoot = path.resolve("dist/web");

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route with its declared action: the access test walks this list. */
    accordRoutes: RegisteredRoute[];
  }
}

export async function buildApp(database: Database, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024, // JSON bodies; file uploads get their own limit per route
    trustProxy: process.env.ACCORD_TRUST_PROXY === "true",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const secure = config.publicUrl.startsWith("https://");

  await app.register(cookie);
  // Security headers on every response, with helmet's middleware built once. (@fastify/helmet
  // builds it again, and parses the CSP again, for every request: ~30 µs each, measured with
  // bench/signing.ts — see docs/ARCHITECTURE.md.)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> tag at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
  });
  app.addHook("onRequest", (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(rateLimit, { global: false });
  // Two files at most: a people import may bring its relationships file alongside (SDS users + relationships).
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 2, fields: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: "Accord API", version: "1" }, servers: [{ url: config.publicUrl }] },
    transform: jsonSchemaTransform,
  });
  registerErrorHandling(app);
  registerNoStore(app);
  registerInputChecks(app);

  const registered: RegisteredRoute[] = [];
  app.decorate("accordRoutes", registered);
  registerIdentity(app, database.db, config);
  registerRefusalLog(app, database.db);
  registerAccess(app, registered);

  const deps: Deps = { database, config };
  for (const routes of [
    schoolRoutes,
    authRoutes,
    peopleRoutes,
    importRoutes,
    policyRoutes,
    policyHealthRoutes,
    agreementRoutes,
    signingRoutes,
    consentRoutes,
    incidentRoutes,
    deviceRoutes,
    requestRoutes,
    filteringRoutes,
    trainingRoutes,
    auditRoutes,
    mailRoutes,
    homeRoutes,
    inspectionRoutes,
    privacyRoutes,
    reportRoutes,
    trustRoutes,
  ]) {
    await routes(app, deps);
  }
  app.get("/api/v1/openapi.json", { config: { action: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const hasWeb = existsSync(webRoot);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      index: "index.html",
      // Vite names every built asset by its content's hash: a new build is a new name, so the old
      // one may be kept for a year. index.html (served below and as the index) is revalidated.
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  // The single-page app answers every other GET; its router shows its own "not found" page.
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.method !== "GET" || request.url.startsWith("/api/"))
      return apiNotFound(request, reply);
    return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
  });
  return app;
}
