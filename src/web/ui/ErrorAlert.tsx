import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api";

/** Shows a failed request's problem detail; role="alert" so screen readers announce it. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  // The server's detail is written for people ("Email or password is incorrect"); its title is
  // a generic HTTP phrase, so it is only a fallback.
  let message = t("errors.unexpected");
  if (isApiError(error)) {
    message =
      error.status === 0 ? t("errors.network") : error.problem.detail || error.problem.title || message;
  }
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
