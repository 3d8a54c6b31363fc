import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { roleList } from "./roleLabel";

/** Why a workflow step was refused (409), naming any approvals still missing. */
export function ActionProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error, 409)) return <ErrorAlert error={error} />;
  const missing = (error.problem as { missingApprovals?: string[] }).missingApprovals ?? [];
  return (
    <Alert color="orange" role="alert" title={t("policies.actions.refused")}>
      {error.problem.detail || error.problem.title}
      {missing.length > 0 && ` ${t("policies.actions.missing", { roles: roleList(t, missing) })}`}
    </Alert>
  );
}
