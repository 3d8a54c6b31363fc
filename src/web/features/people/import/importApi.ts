import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../../api";
import { homeQueryKey } from "../../home/homeApi";
import { peopleKeys } from "../peopleApi";

export const importKinds = ["staff", "pupils", "contacts"] as const;
export type ImportKind = (typeof importKinds)[number];

/** The directory's kind filter for the people each import brings in. */
export const directoryKind: Record<ImportKind, string> = {
  staff: "staff",
  pupils: "pupil",
  contacts: "parent",
};

/** A users file's partner: carers come with a relationships file, staff and pupils with a roles file. */
export const secondFileField = (kind: ImportKind) => (kind === "contacts" ? "relationships" : "roles");

/** Field → the file's column heading it is read from. */
export type ColumnMapping = Record<string, string>;

export interface ImportRowError {
  row: number;
  message: string;
}

export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  applied: boolean;
  rows: number;
  /** Rows for another kind of import (by their role), or people no relationship names as a carer. */
  leftOut: number;
  /** The relationships or roles file that came with the people file. */
  secondFileName: string | null;
  created: number;
  updated: number;
  unchanged: number;
  leavers: number;
  errors: ImportRowError[];
  /** The file's headings, in order. */
  columns: string[];
  mapping: ColumnMapping;
  mappingSource: "detected" | "saved" | "request";
  /** The fields this kind of file can fill in. */
  fields: string[];
  preview: {
    create: { row: number; name: string }[];
    update: { row: number; id: string; name: string; changes: Record<string, FieldChange> }[];
    leavers: { id: string; name: string }[];
  };
}

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  /** Parents and carers: who is whose (relationships); staff or pupils: who is which (roles). */
  secondFile?: File | null;
  /** Leave out to let Accord use the columns it remembers or recognises. */
  mapping?: ColumnMapping | null;
  dryRun: boolean;
  acceptErrors?: boolean;
}

/** Send the file to Accord: a dry run returns the preview; otherwise the import is applied. */
function runImport({ kind, file, secondFile, mapping, dryRun, acceptErrors }: ImportRequest) {
  const form = new FormData();
  if (mapping) form.append("mapping", JSON.stringify(mapping));
  form.append("file", file);
  if (secondFile) form.append(secondFileField(kind), secondFile);
  const path = withQuery("/people/import", { kind, dryRun, acceptErrors: acceptErrors || undefined });
  return api.postForm<ImportReport>(path, form);
}

/** A dry run: what the file would do, changing nothing. */
export function useCheckImport() {
  return useMutation({ mutationFn: runImport });
}

/** The import for real: the directory and the home page's to-do list change with it. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
    },
  });
}
