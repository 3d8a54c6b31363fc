import type { UseFormReturnType } from "@mantine/form";
import { isApiError } from "../../api";
import type { SignatureFormValues } from "./SignatureForm";

/**
 * Puts a refused signature's field errors ("jobTitle", "choices.photo") next to their fields.
 * Returns true when every error found its field, so no general alert is needed.
 */
export function applySignatureErrors(form: UseFormReturnType<SignatureFormValues>, error: unknown): boolean {
  if (!isApiError(error, 400) || error.fieldErrors.length === 0) return false;
  const values = form.getValues();
  let allPlaced = true;
  for (const { field, message } of error.fieldErrors) {
    const path = field.replace(/^\//, "").replace(/\//g, ".");
    const [head, key] = path.split(".");
    if (head === "fullName" || head === "jobTitle") form.setFieldError(head, message);
    else if (head === "choices" && key && key in values.choices) form.setFieldError(path, message);
    else allPlaced = false;
  }
  return allPlaced;
}
