/**
 * `npx tsx scripts/i18n-missing.ts [module]`: every server message still without its Welsh form,
 * as JSON grouped by the catalog file it belongs in (src/kernel/i18n/cy/<module>.json), ready to
 * be filled in. The test in src/kernel/i18n/i18n.test.ts fails while this prints anything.
 */

import { serverMessages } from "../src/kernel/i18n/extract.js";
import { welshCatalog } from "../src/kernel/i18n/index.js";

const only = process.argv[2];
const missing: Record<string, Record<string, string>> = {};
for (const m of serverMessages()) {
  if (welshCatalog.has(m.template) || (only && m.module !== only)) continue;
  missing[m.module] = { ...missing[m.module], [m.template]: "" };
}
console.log(JSON.stringify(missing, null, 2));
