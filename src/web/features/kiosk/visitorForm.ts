import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import type { SignableAgreement } from "./types";

export type VisitorStep = "about" | "agreement" | "sign";
export const visitorSteps: VisitorStep[] = ["about", "agreement", "sign"];

export interface VisitorValues {
  fullName: string;
  organisation: string;
  visiting: string;
  choices: Record<string, string>;
  email: string;
  /** A drawn signature as a PNG data URL, or "" when none was drawn. */
  signatureImage: string;
}

export type VisitorForm = UseFormReturnType<VisitorValues>;

export function blankVisitor(agreement: SignableAgreement): VisitorValues {
  return {
    fullName: "",
    organisation: "",
    visiting: "",
    choices: Object.fromEntries(agreement.choices.map((c) => [c.key, ""])),
    email: "",
    signatureImage: "",
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems on one step, keyed by form path ("fullName", "choices.photo"). */
export function stepErrors(
  step: VisitorStep,
  values: VisitorValues,
  agreement: SignableAgreement,
  t: TFunction,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === "about") {
    if (values.fullName.trim().length < 2) errors.fullName = t("kiosk.errors.fullName");
    if (!values.organisation.trim()) errors.organisation = t("kiosk.errors.organisation");
    if (!values.visiting.trim()) errors.visiting = t("kiosk.errors.visiting");
  }
  if (step === "agreement") {
    for (const choice of agreement.choices)
      if (!values.choices[choice.key]) errors[`choices.${choice.key}`] = t("sharedSigning.errors.choose");
  }
  if (step === "sign") {
    // The name typed on the first step is the signature: a visitor types it once.
    if (values.email.trim() && !emailPattern.test(values.email.trim())) errors.email = t("validation.email");
  }
  return errors;
}

/** Which step a server-side field error belongs to, so the visitor is taken back to it. */
export function stepOfField(path: string): VisitorStep {
  if (path.startsWith("choices")) return "agreement";
  if (path === "email" || path === "signatureImage") return "sign";
  return "about";
}

/** "/choices/photo" or "choices.photo" → "choices.photo". */
export function fieldPath(field: string): string {
  return field.replace(/^\//, "").replace(/\//g, ".");
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}
