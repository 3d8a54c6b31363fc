import type { FastifyInstance, FastifyRequest } from "fastify";
import { msg } from "../../kernel/i18n/index.js";
import { forbidden, Problem, unauthorized } from "../../kernel/problem.js";
import { type Action, can, isAction, KIND_RULES } from "./matrix.js";
import { mustEnrolFirst, needsProvenSecondStep } from "./mfa.js";
import { tokenRefusal } from "./tokens.js";

/** The problem a session past its two-step grace gets from every route but enrolment. */
export const ENROL_FIRST_TYPE = "https://accord.invalid/problems/mfa-enrolment-required";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission this route needs: see access/matrix.ts. Required on every API route. */
    action?: Action;
  }
}

export type RegisteredRoute = { method: string; url: string; action: Action };

/**
 * The one place authorization is enforced. A route without a declared action cannot even be
 * registered, and every request is checked against the matrix before its body is parsed.
 */
export function registerAccess(app: FastifyInstance, registered: RegisteredRoute[]) {
  app.addHook("onRoute", (route) => {
    const needsRule = route.url.startsWith("/api/") || route.url === "/healthz";
    if (!needsRule) return;
    const action = route.config?.action;
    if (!isAction(action)) throw new Error(`Route ${route.method} ${route.url} declares no access action`);
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      registered.push({ method, url: route.url, action });
    }
  });

  app.addHook("onRequest", async (request: FastifyRequest) => {
    const action = request.routeOptions.config?.action;
    if (!action) return; // static files and the SPA
    if (request.actor?.via === "token") {
      // A token: its scopes and the things no token may do, with the creator's current roles.
      // Tokens are made in a session, which two-step sign-in guards (access/tokens.ts).
      const refusal = tokenRefusal(request.actor, action, request.method);
      if (refusal) throw forbidden(refusal);
      return;
    }
    if (request.actor && mustEnrolFirst(request.actor.mfa, action))
      throw new Problem(
        403,
        msg`Two-step sign-in required`,
        msg`Set up two-step sign-in to continue.`,
        undefined,
        {
          type: ENROL_FIRST_TYPE,
        },
      );
    // The governors' report's kind rule (governors and leaders) is applied here, before anything is
    // read. The other kind rules are "ever" rules the routes refine with the records (a line manager
    // named only in the directory may decide a request), so they stay with their routes.
    const kindRule = action === "reports.governors" ? KIND_RULES[action] : undefined;
    if (can(request.actor, action) && (!request.actor || !kindRule || kindRule(request.actor))) {
      if (needsProvenSecondStep(request.actor, action))
        throw forbidden(msg`Sign in with your own two-step sign-in before doing this.`);
      return;
    }
    throw request.actor ? forbidden() : unauthorized();
  });
}
