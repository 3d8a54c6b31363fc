import { type Message, msg } from "../../kernel/i18n/index.js";
import { type Action, can } from "./matrix.js";
import type { Actor, TokenScope } from "./roles.js";

/**
 * What an API token may do (decision 029). A token acts as its creator, with the creator's roles
 * as they are at each request (so a creator who loses a role or leaves takes the token's power with
 * them), narrowed by the token's scopes, and never does what keeps an account safe: it does not make
 * or revoke tokens, give or change roles, or touch passwords, two-step sign-in or single sign-on.
 * If a stolen token could do those, it could make itself permanent.
 */

/** Actions no token may perform, whatever its scopes. */
export const TOKEN_NEVER: readonly Action[] = ["auth.changePassword", "roles.assign", "apiTokens.manage"];

/**
 * Families of actions no token may perform: anything about signing in and accounts (passwords,
 * two-step sign-in, SSO settings), tokens and roles, including actions added to the matrix later.
 */
const NEVER_PREFIXES = ["auth.", "apiTokens.", "roles.", "mfa.", "sso.", "passkeys."];

/** The imports an `import` token may run (API.md's integrations: the MIS export and policy documents). */
export const IMPORT_ACTIONS: readonly Action[] = ["people.import", "policies.import"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function neverForTokens(action: Action): boolean {
  return TOKEN_NEVER.includes(action) || NEVER_PREFIXES.some((p) => action.startsWith(p));
}

/** The scope a request needs: reading needs `read`, an import `import`, any other change `full`. */
export function scopeFor(action: Action, method: string): TokenScope | "never" {
  if (neverForTokens(action)) return "never";
  if (SAFE_METHODS.has(method.toUpperCase())) return "read";
  if (IMPORT_ACTIONS.includes(action)) return "import";
  return "full";
}

/** Do these scopes cover the request? `full` covers everything a token may do. */
export function scopesAllow(scopes: readonly TokenScope[], action: Action, method: string): boolean {
  if (action === "public") return true; // what needs nobody signed in needs no scope either
  const needed = scopeFor(action, method);
  if (needed === "never") return false;
  return scopes.includes("full") || scopes.includes(needed);
}

/**
 * Why a token may not make this request (null when it may). The actor's roles are its creator's
 * current roles, so the matrix is asked as well: a token is never more than the person who made it.
 */
export function tokenRefusal(actor: Actor, action: Action, method: string): Message | null {
  if (actor.via !== "token" || action === "public") return null;
  const needed = scopeFor(action, method);
  if (needed === "never")
    return msg`API tokens cannot manage tokens, roles, passwords or sign-in settings. Sign in to do this.`;
  if (!can(actor, action)) return msg`The person who made this API token is no longer allowed to do this.`;
  if (!scopesAllow(actor.token?.scopes ?? [], action, method))
    return msg`This API token's scopes (${(actor.token?.scopes ?? []).join(", ")}) do not allow this: it needs the "${needed}" scope.`;
  return null;
}

/**
 * Designated roles may be given only by someone signed in who may assign them: a person created
 * through an API token starts with none (otherwise a token could make a headteacher).
 */
export function mayGrantRoles(actor: Pick<Actor, "roles" | "via">): boolean {
  return actor.via !== "token" && can(actor, "roles.assign");
}
