/**
 * The training module's face to the rest of Accord (DESIGN: a module imports another only through
 * its service.ts): a new school's courses, the home page's items and the daily reminder sweep.
 */
export { trainingAttention } from "./attention.js";
export { seedCourses } from "./courses.js";
// The matrix and its CSV, for the inspector pack (reports/inspection.ts).
export { matrixCsv, trainingMatrix } from "./matrix.js";
export { sweepTraining } from "./reminders.js";
