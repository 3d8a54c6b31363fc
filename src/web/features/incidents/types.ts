import type { z } from "zod";
import type {
  AlertImportedView,
  AlertImportInput,
  AlertListView,
  AlertToIncidentInput,
  AlertView,
  BreachView,
  ChronologyView,
  EntryInput,
  EntryView,
  IncidentListItem as IncidentListItemSchema,
  IncidentListView,
  IncidentOrReporterView,
  IncidentView,
  ReportedView,
  ReporterView,
  ReportInput,
  SettingsView,
} from "../../../modules/incidents/schema";

export type { Category } from "../../../modules/incidents/schema";
export type { EntryInput, IncidentView, ReporterView, ReportInput };
export type Reported = z.infer<typeof ReportedView>;
export type Incident = z.infer<typeof IncidentOrReporterView>;
export type Entry = z.infer<typeof EntryView>;
export type IncidentListItem = z.infer<typeof IncidentListItemSchema>;
export type IncidentList = z.infer<typeof IncidentListView>;
export type Chronology = z.infer<typeof ChronologyView>;
export type AlertImport = z.infer<typeof AlertImportInput>;
export type AlertImported = z.infer<typeof AlertImportedView>;
export type Alert = z.infer<typeof AlertView>;
export type AlertList = z.infer<typeof AlertListView>;
export type AlertToIncident = z.infer<typeof AlertToIncidentInput>;
export type Breaches = z.infer<typeof BreachView>;
export type IncidentSettings = z.infer<typeof SettingsView>;

/** A pupil or adult found by a search, to pick as involved or as the subject of an allegation. */
export interface PersonChoice {
  id: string;
  name: string;
  /** A pupil's class, or an adult's job title. */
  detail: string | null;
}
