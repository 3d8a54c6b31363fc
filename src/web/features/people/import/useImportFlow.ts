import { useState } from "react";
import {
  type ColumnMapping,
  type ImportKind,
  type ImportReport,
  useApplyImport,
  useCheckImport,
} from "./importApi";

/** The file's columns and the fields they can fill, kept while a changed mapping is re-checked. */
export interface ColumnLayout {
  columns: string[];
  fields: string[];
  source: ImportReport["mappingSource"];
}

/**
 * The import page's state: kind → file → dry run (again on each column change) → apply.
 * Nothing is saved until `confirm`; every other step is a dry run.
 */
export function useImportFlow() {
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [layout, setLayout] = useState<ColumnLayout | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [acceptErrors, setAcceptErrors] = useState(false);

  const check = useCheckImport();
  const apply = useApplyImport();

  const preview = (next: { kind: ImportKind; file: File; mapping: ColumnMapping | null }) => {
    apply.reset();
    // Callbacks given to mutate() fire for the latest call only, so a slow earlier check cannot win.
    check.mutate(
      { ...next, dryRun: true },
      {
        onSuccess: (data) => {
          setReport(data);
          setMapping(data.mapping);
          setLayout({ columns: data.columns, fields: data.fields, source: data.mappingSource });
          setAcceptErrors(false);
        },
        onError: () => setReport(null),
      },
    );
  };

  const clearPreview = () => {
    setMapping(null);
    setLayout(null);
    setReport(null);
    setAcceptErrors(false);
    check.reset();
    apply.reset();
  };

  const chooseKind = (next: ImportKind) => {
    setKind(next);
    clearPreview();
    if (file) preview({ kind: next, file, mapping: null });
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    clearPreview();
    if (next && kind) preview({ kind, file: next, mapping: null });
  };

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    if (file && kind) preview({ kind, file, mapping: next });
  };

  const confirm = () => {
    if (!file || !kind || !report) return;
    apply.mutate({
      kind,
      file,
      mapping,
      dryRun: false,
      acceptErrors: acceptErrors && report.errors.length > 0,
    });
  };

  const startAgain = () => {
    setFile(null);
    clearPreview();
  };

  return {
    kind,
    file,
    mapping,
    layout,
    report,
    acceptErrors,
    setAcceptErrors,
    check,
    apply,
    done: apply.data ?? null,
    chooseKind,
    chooseFile,
    changeMapping,
    confirm,
    startAgain,
  };
}
