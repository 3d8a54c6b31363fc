/**
 * A school's admins set up sign-in with Google or Microsoft: issuer, client, the secret (kept
 * encrypted, never shown again), the email domains allowed, Entra's tenant, and whether the
 * provider's word that it asked for a second factor counts as the school's own (decision 031).
 */
import type { Db } from "../../../db/client.js";
import type { Config } from "../../../kernel/config.js";
import { type Message, msg } from "../../../kernel/i18n/index.js";
import { badRequest, notFound } from "../../../kernel/problem.js";
import { encryptSecret, secretKeyOf } from "../../../kernel/secrets.js";
import type { Actor } from "../../access/roles.js";
import { recordEvent } from "../../audit/service.js";
import { SsoProviderInput, type SsoProviderKind } from "../schema.js";
import { discover, redirectUriOf } from "./discovery.js";
import {
  deleteProvider,
  providerOfSchool,
  providersOfSchool,
  type SsoProviderRow,
  saveProvider,
} from "./queries.js";

const present = (row: SsoProviderRow) => ({
  id: row.id,
  provider: row.provider,
  issuer: row.issuer,
  clientId: row.clientId,
  hasClientSecret: Boolean(row.clientSecretEncrypted),
  allowedDomains: row.allowedDomains,
  tenantId: row.tenantId,
  trustsMfa: row.trustsMfa,
  updatedAt: row.updatedAt.toISOString(),
});

export async function ssoSettings(db: Db, config: Config, actor: Actor) {
  const rows = await providersOfSchool(db, actor.schoolId);
  return { redirectUri: redirectUriOf(config), providers: rows.map(present) };
}

const fieldProblem = (field: string, message: Message) => badRequest(message, [{ field, message }]);

/** Save a provider's settings, checked against the issuer itself before they are kept. */
export async function saveSsoProvider(
  db: Db,
  config: Config,
  actor: Actor,
  provider: SsoProviderKind,
  body: SsoProviderInput,
) {
  const input = SsoProviderInput.parse(body);
  const issuer = input.issuer.replace(/\/$/, "");
  const tenantId = input.tenantId?.trim() || null;
  if (provider === "microsoft" && /\/(common|organizations|consumers)(\/|$)/.test(issuer))
    throw fieldProblem(
      "issuer",
      msg`Use your school's own tenant in the issuer (https://login.microsoftonline.com/<tenant id>/v2.0), not common, organizations or consumers.`,
    );
  const before = await providerOfSchool(db, actor.schoolId, provider);
  const secret = input.clientSecret?.trim();
  if (!before && !secret) throw fieldProblem("clientSecret", msg`Enter the client secret.`);
  const key = secretKeyOf(config);
  try {
    // The secret is only checked when a sign-in redeems a code; the issuer is checked now.
    await discover(config, issuer, input.clientId, secret ?? "unchanged");
  } catch {
    throw fieldProblem(
      "issuer",
      msg`Accord could not read the OpenID configuration at ${issuer}/.well-known/openid-configuration. Check the issuer's address.`,
    );
  }
  return db.transaction(async (tx) => {
    const row = await saveProvider(tx, {
      schoolId: actor.schoolId,
      provider,
      issuer,
      clientId: input.clientId,
      clientSecretEncrypted: secret ? encryptSecret(key, secret) : before!.clientSecretEncrypted,
      allowedDomains: [...new Set(input.allowedDomains)],
      tenantId: provider === "microsoft" ? tenantId : null,
      trustsMfa: input.trustsMfa,
    });
    // Never the secret: only whether it was replaced.
    await recordEvent(tx, actor, {
      action: "sso.provider_saved",
      entityType: "sso_provider",
      entityId: row.id,
      summary: {
        provider,
        issuer,
        clientId: row.clientId,
        allowedDomains: row.allowedDomains,
        tenantId: row.tenantId,
        trustsMfa: row.trustsMfa,
        secretReplaced: Boolean(secret),
        created: !before,
      },
    });
    return present(row);
  });
}

export async function removeSsoProvider(db: Db, actor: Actor, provider: SsoProviderKind) {
  await db.transaction(async (tx) => {
    const row = await deleteProvider(tx, actor.schoolId, provider);
    if (!row) throw notFound(msg`sign-in provider`);
    await recordEvent(tx, actor, {
      action: "sso.provider_removed",
      entityType: "sso_provider",
      entityId: row.id,
      summary: { provider, issuer: row.issuer },
    });
  });
}
