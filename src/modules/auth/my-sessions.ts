import type { Db } from "../../db/client.js";
import { msg } from "../../kernel/i18n/index.js";
import { notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { deviceLabel } from "./device.js";
import { endOtherSessions, endOwnSession, liveSessionsOf, recentAttemptsOf } from "./queries.js";
import { SIGN_IN_OUTCOMES } from "./schema.js";
import type { SessionPolicy } from "./service.js";

/** How many of a person's sign-in attempts their page shows. */
const HISTORY_LENGTH = 50;

/**
 * A person's own sign-in and security page: where they are signed in now (this session marked)
 * and their recent sign-in attempts, failed ones against their address included. Only ever their
 * own: another person's sessions are not found, whatever their role.
 */
export async function mySessions(
  db: Db,
  actor: Actor,
  currentSessionId: string | null,
  policy: SessionPolicy,
) {
  const live = await liveSessionsOf(db, actor.schoolId, actor.personId!, policy);
  const attempts = await recentAttemptsOf(db, actor.schoolId, actor.personId!, HISTORY_LENGTH);
  return {
    sessions: live.map((s) => ({
      id: s.id,
      device: s.device ?? deviceLabel(s.userAgent),
      ip: s.ip,
      signedInAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === currentSessionId,
    })),
    signIns: attempts.map((a) => ({
      id: String(a.id),
      at: a.at.toISOString(),
      device: a.device ?? deviceLabel(a.userAgent),
      ip: a.ip,
      outcome: a.outcome === "pending" ? ("wrong_password" as const) : toOutcome(a.outcome),
    })),
  };
}

const OUTCOMES = SIGN_IN_OUTCOMES;
function toOutcome(outcome: string): (typeof OUTCOMES)[number] {
  return (OUTCOMES as readonly string[]).includes(outcome)
    ? (outcome as (typeof OUTCOMES)[number])
    : "wrong_password";
}

/** Sign out one of one's own sessions (this one too: that is signing out). */
export async function endMySession(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    const ended = await endOwnSession(tx, actor.schoolId, actor.personId!, sessionId);
    if (!ended) throw notFound(msg`session`);
    await recordEvent(tx, actor, {
      action: "auth.session_ended",
      entityType: "person",
      entityId: actor.personId,
      summary: { sessionId, device: ended.device },
    });
  });
}

/** Sign out everywhere else: every other session of the person ends; this one goes on. */
export async function endMyOtherSessions(db: Db, actor: Actor, currentSessionId: string | null) {
  return db.transaction(async (tx) => {
    const ended = await endOtherSessions(tx, actor.schoolId, actor.personId!, currentSessionId);
    await recordEvent(tx, actor, {
      action: "auth.signed_out_elsewhere",
      entityType: "person",
      entityId: actor.personId,
      summary: { ended },
    });
    return { ended };
  });
}
