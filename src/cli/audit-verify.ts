import type { Db } from "../db/client.js";
import { schools } from "../db/schema.js";
import { verifyChain } from "../modules/audit/service.js";

export async function verifyAllSchools(db: Db) {
  const all = await db.select({ id: schools.id, name: schools.name }).from(schools).orderBy(schools.name);
  const results = [];
  for (const s of all) results.push({ school: s.name, ...(await verifyChain(db, s.id)) });
  return results;
}
