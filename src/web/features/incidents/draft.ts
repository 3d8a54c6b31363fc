import { useCallback, useEffect, useRef } from "react";

/**
 * The report form as typed so far, kept in this browser so a reload or a dropped connection loses
 * nothing. One draft per person (a shared staffroom computer keeps colleagues' drafts apart), and
 * removed as soon as the report is sent.
 */
export function draftKey(personId: string): string {
  return `accord.incidentDraft.${personId}`;
}

export function readDraft<T extends object>(personId: string, fallback: T): T {
  try {
    const saved = localStorage.getItem(draftKey(personId));
    if (!saved) return fallback;
    const parsed = JSON.parse(saved) as Partial<T>;
    return parsed && typeof parsed === "object" ? { ...fallback, ...parsed } : fallback;
  } catch {
    return fallback; // storage blocked or the draft unreadable: start afresh
  }
}

export function writeDraft(personId: string, values: object): void {
  try {
    localStorage.setItem(draftKey(personId), JSON.stringify(values));
  } catch {
    // storage full or blocked: the form still works, only the safety net is missing
  }
}

export function clearDraft(personId: string): void {
  try {
    localStorage.removeItem(draftKey(personId));
  } catch {
    // nothing to clear
  }
}

/** Saves `values` a moment after each change (and at once when the page is hidden or closed). */
export function useDraftSaver(personId: string, values: object, enabled: boolean) {
  const latest = useRef(values);
  latest.current = values;
  const save = useCallback(() => {
    if (enabled) writeDraft(personId, latest.current);
  }, [personId, enabled]);
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => writeDraft(personId, values), 300);
    return () => clearTimeout(timer);
  }, [personId, values, enabled]);
  useEffect(() => {
    window.addEventListener("pagehide", save);
    return () => window.removeEventListener("pagehide", save);
  }, [save]);
}
