/**
 * What other modules may use of reports: the dashboard's figures (the trust shows each school's
 * with the same queries, so the trust's numbers are the school's own) and the school terms.
 */
export { dashboardFigures } from "./figures.js";
export { termOf, termsEndingWith } from "./terms.js";
