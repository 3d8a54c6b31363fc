// The trust's pages, one chunk (with the dashboard's charts for a drilled-into school).
export { TrustPage } from "./TrustPage";
export { TrustSchoolPage } from "./TrustSchoolPage";
