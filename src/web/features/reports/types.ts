// The API's own contract (reports/schema.ts): the web app takes it from there instead of keeping a copy.
export { CHARTS, type Chart, type DashboardView } from "../../../modules/reports/schema";
