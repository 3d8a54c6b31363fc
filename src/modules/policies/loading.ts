/**
 * A policy loaded for the person asking. A policy they may not see is "not found" rather than
 * "forbidden", so its existence is not given away; one they may see but not change is forbidden.
 */
import type { DbOrTx, Tx } from "../../db/client.js";
import { msg } from "../../kernel/i18n/index.js";
import { forbidden, notFound } from "../../kernel/problem.js";
import { canManagePolicy, policyAccess } from "../access/policies.js";
import type { Actor, Role } from "../access/roles.js";
import { chosenApproverRoles, findPolicy, findVersion, type PolicyRow } from "./queries.js";

/** Unless a school says otherwise, the headteacher and the chair of governors approve policies. */
export const DEFAULT_APPROVERS: Role[] = ["headteacher", "chair_of_governors"];

export async function approverRoles(db: DbOrTx, schoolId: string): Promise<Role[]> {
  return (await chosenApproverRoles(db, schoolId)) ?? DEFAULT_APPROVERS;
}

export async function loadPolicy(db: DbOrTx, actor: Actor, id: string) {
  const policy = await findPolicy(db, actor.schoolId, id);
  if (!policy) throw notFound(msg`policy`);
  const required = await approverRoles(db, actor.schoolId);
  const access = policyAccess(actor, policy, required);
  if (access === "none") throw notFound(msg`policy`);
  return { policy, required, access };
}

export async function loadManaged(tx: Tx, actor: Actor, id: string) {
  const loaded = await loadPolicy(tx, actor, id);
  if (!canManagePolicy(actor, loaded.policy))
    throw forbidden(msg`Only the policy's owner, the headteacher or a school admin can change this policy.`);
  return loaded;
}

export async function loadVersion(db: DbOrTx, policy: PolicyRow, versionId: string, forUpdate = false) {
  const version = await findVersion(db, policy, versionId, forUpdate);
  if (!version) throw notFound(msg`policy version`);
  return version;
}
