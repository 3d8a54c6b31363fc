// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk (recharts with it), fetched the first time the dashboard is opened.
export { DashboardPage } from "./DashboardPage";
export { GovernorsReportPage } from "./GovernorsReportPage";
