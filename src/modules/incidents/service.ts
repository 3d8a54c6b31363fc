/**
 * The incidents module's face to the rest of Accord (DESIGN: a module imports another only
 * through its service.ts): reporting (the device register's lost-device report opens one), the
 * escalation sweep the server runs, and the home page's items.
 */
export { incidentsAttention } from "./attention.js";
export { escalateUnopened } from "./escalation.js";
// The academic term an incident falls in, for the inspector pack's counts (reports/inspection.ts).
export { termOf } from "./registers.js";
export { CATEGORY_NAMES, reportIncident } from "./reporting.js";
