import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../api";
import { ErrorAlert } from "../../../ui/ErrorAlert";

/** A failed check or import: the server's explanation, or a plain one for a file that is too big. */
export function ImportProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 413) && !error.problem.detail) {
    return (
      <Alert color="red" role="alert">
        {t("import.tooLarge")}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
