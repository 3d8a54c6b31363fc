// The API's own contracts (training/schema.ts): the web app takes them from there instead of keeping copies.
import type { z } from "zod";
import type { CourseInput as CourseInputSchema } from "../../../modules/training/schema";

export {
  type AttendanceMatchView,
  type CellView,
  type CompletionRecordView,
  type CoursePatch,
  type CourseView,
  EVIDENCE as evidenceKinds,
  type MatrixView,
  type PersonTrainingView,
  TRAINING_STATUSES as trainingStatuses,
  type TrainingImportView,
  type TrainingStatus,
} from "../../../modules/training/schema";

export type CourseInput = z.input<typeof CourseInputSchema>;
export type Recorded = { recorded: number; alreadyRecorded: number };
export type Certificate = { id: string; fileName: string; contentType: string; bytes: number };
export type StaffMember = {
  id: string;
  name: string;
  email: string | null;
  department: string | null;
  jobTitle: string | null;
};
