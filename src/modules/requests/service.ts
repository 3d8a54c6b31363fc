/**
 * The permission requests module's face to the rest of Accord (DESIGN: a module imports another
 * only through its service.ts): the home page's items and the daily follow-up chase.
 */
export { requestsAttention } from "./attention.js";
export { chaseFollowUps } from "./follow-ups.js";
