/**
 * The incidents module's face to the rest of Accord (DESIGN: a module imports another only
 * through its service.ts): reporting (the device register's lost-device report opens one), the
 * escalation sweep the server runs, and the home page's items.
 */
export { incidentsAttention } from "./attention.js";
export { escalateUnopened } from "./escalation.js";
export { reportIncident } from "./reporting.js";
