import type { Db } from "../db/client.js";
import type { Config } from "./config.js";

/**
 * One thing that needs the signed-in person now, on their home page. `key` names the message
 * (the web app holds its words, in English and Welsh) and `params` fill it in; `href` is where
 * to act on it. Each module contributes its own items (`<module>/attention.ts`), each only for
 * the people whose role it concerns; the home page gathers them (home/routes.ts).
 */
export type AttentionItem = {
  key: string;
  params: Record<string, unknown>;
  href: string | null;
  severity: "info" | "warning";
};

/** A module's contribution: its items for this person (the actor type is access/roles' Actor). */
export type AttentionSource<Actor> = (db: Db, actor: Actor, config: Config) => Promise<AttentionItem[]>;
