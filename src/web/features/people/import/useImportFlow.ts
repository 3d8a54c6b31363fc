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
  const [secondFile, setSecondFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [layout, setLayout] = useState<ColumnLayout | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [acceptErrors, setAcceptErrors] = useState(false);

  const check = useCheckImport();
  const apply = useApplyImport();

  const preview = (next: {
    kind: ImportKind;
    file: File;
    secondFile: File | null;
    mapping: ColumnMapping | null;
  }) => {
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
    // A relationships file means nothing to a pupils import, nor a roles file to a carers one.
    if (kind && next !== kind && (kind === "contacts" || next === "contacts")) setSecondFile(null);
    const keep = kind && (kind === "contacts") === (next === "contacts") ? secondFile : null;
    clearPreview();
    if (file) preview({ kind: next, file, secondFile: keep, mapping: null });
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    clearPreview();
    if (next && kind) preview({ kind, file: next, secondFile, mapping: null });
  };

  const chooseSecondFile = (next: File | null) => {
    setSecondFile(next);
    clearPreview();
    if (file && kind) preview({ kind, file, secondFile: next, mapping: null });
  };

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    if (file && kind) preview({ kind, file, secondFile, mapping: next });
  };

  const confirm = () => {
    if (!file || !kind || !report) return;
    apply.mutate({
      kind,
      file,
      secondFile,
      mapping,
      dryRun: false,
      acceptErrors: acceptErrors && report.errors.length > 0,
    });
  };

  const startAgain = () => {
    setFile(null);
    setSecondFile(null);
    clearPreview();
  };

  return {
    kind,
    file,
    secondFile,
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
    chooseSecondFile,
    changeMapping,
    confirm,
    startAgain,
  };
}
