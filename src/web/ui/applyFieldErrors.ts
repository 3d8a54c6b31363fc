import type { UseFormReturnType } from "@mantine/form";
import { isApiError } from "../api";

/**
 * Puts a 400 problem's field errors next to their fields (form.setFieldError). `aliases`
 * maps server field names to form fields where they differ. Returns true when every error
 * found a field.
 */
export function applyFieldErrors<V extends Record<string, any>>(
  form: UseFormReturnType<V, any>,
  error: unknown,
  aliases: Record<string, string> = {},
): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  const fields = Object.keys(form.getValues());
  let allPlaced = true;
  for (const { field, message } of error.fieldErrors) {
    const path =
      aliases[field] ??
      field
        .replace(/^\//, "")
        .replace(/\//g, ".")
        .split(".")[0]
        .replace(/\[\d+\]$/, "");
    if (fields.includes(path)) form.setFieldError(path, message);
    else allPlaced = false;
  }
  return allPlaced;
}
