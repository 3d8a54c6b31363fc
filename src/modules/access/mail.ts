import { can } from "./matrix.js";
import type { Actor } from "./roles.js";

/**
 * Mail: the outbox holds every message the school sends (names, links to sign). Only whoever the
 * matrix lets read it is told that messages are waiting there.
 */
export const canReadOutbox = (actor: Pick<Actor, "roles">) => can(actor, "mail.read");
