/**
 * The filtering module's face to the rest of Accord (DESIGN: a module imports another only
 * through its service.ts): the home page's items, the weekly chase of open actions, and whether
 * someone is the school's named filtering leader or governor (what /me's permissions add).
 */
export { filteringAttention } from "./attention.js";
// The reviews and when the next is due, for the inspector pack (reports/inspection.ts).
export { TRIGGER_NAMES } from "./pdf.js";
export { chaseFilteringActions } from "./reminders.js";
export { filteringStandingOf } from "./responsibles.js";
export { listReviews } from "./reviews.js";
export { nextReviewDue } from "./status.js";
