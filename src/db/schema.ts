// Every module owns its tables (src/modules/<module>/tables.ts); this file gathers them for
// drizzle (queries and migrations) so the rest of the code has one place to import tables from.

export * from "../modules/agreements/tables.js";
export * from "../modules/audit/tables.js";
export * from "../modules/auth/tables.js";
export * from "../modules/consent/tables.js";
export * from "../modules/devices/tables.js";
export * from "../modules/filtering/tables.js";
export * from "../modules/incidents/tables.js";
export * from "../modules/mail/tables.js";
export * from "../modules/people/tables.js";
export * from "../modules/policies/tables.js";
export * from "../modules/policy-health/tables.js";
export * from "../modules/privacy/tables.js";
export * from "../modules/reports/tables.js";
export * from "../modules/requests/tables.js";
export * from "../modules/schools/tables.js";
export * from "../modules/signing/tables.js";
export * from "../modules/training/tables.js";
export * from "../modules/trust/tables.js";
export * from "./events.js";
