import * as oidc from "openid-client";
import type { Config } from "../../../kernel/config.js";
import { decryptSecret, secretKeyOf } from "../../../kernel/secrets.js";
import type { SsoProviderRow } from "./queries.js";

/** Where every provider sends the browser back: registered with Google or Microsoft as is. */
export const redirectUriOf = (config: Pick<Config, "publicUrl">) =>
  `${config.publicUrl}/api/v1/auth/sso/callback`;

/**
 * openid-client refuses plain-http issuers, rightly: discovery, keys and tokens must come over
 * TLS. Only the tests turn this on (their provider listens on http://127.0.0.1), by setting
 * `config.allowHttpSsoIssuers`; no environment variable reaches it.
 */
const execute = (config: Pick<Config, "allowHttpSsoIssuers">) =>
  config.allowHttpSsoIssuers ? [oidc.allowInsecureRequests] : [];

/** Read an issuer's OpenID configuration for a client: how an admin's settings are checked. */
export function discover(
  config: Pick<Config, "allowHttpSsoIssuers">,
  issuer: string,
  clientId: string,
  clientSecret: string,
) {
  return oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: execute(config),
    timeout: 10,
  });
}

// Discovery documents and keys change rarely: kept an hour per provider setting, so a sign-in
// does not fetch them again each time. Saving the settings (a new updatedAt) starts afresh.
const HOUR = 3600_000;
const cache = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

export function providerConfiguration(config: Config, row: SsoProviderRow) {
  const key = `${row.id}:${row.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < HOUR) return hit.configuration;
  const secret = decryptSecret(secretKeyOf(config), row.clientSecretEncrypted);
  const configuration = discover(config, row.issuer, row.clientId, secret);
  cache.set(key, { at: Date.now(), configuration });
  configuration.catch(() => cache.delete(key));
  return configuration;
}
