import type { TFunction } from "i18next";
import { isApiError } from "../api";

export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t("errors.network");
    return error.problem.detail || error.problem.title || t("errors.unexpected");
  }
  return t("errors.unexpected");
}
