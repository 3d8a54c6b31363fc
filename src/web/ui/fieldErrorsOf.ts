import { isApiError } from "../api";

/** A 400 problem's field errors by field, the prefix taken off ("details.reason" → "reason"). */
export function fieldErrorsOf(error: unknown, prefix = ""): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.fieldErrors.map((f) => [f.field.replace(prefix, ""), f.message]));
}
