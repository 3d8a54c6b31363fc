// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { AlertsPage } from "./AlertsPage";
export { BreachesPage } from "./BreachesPage";
export { ChronologyPage } from "./ChronologyPage";
export { IncidentPage } from "./IncidentPage";
export { IncidentsPage } from "./IncidentsPage";
export { ReportPage } from "./ReportPage";
