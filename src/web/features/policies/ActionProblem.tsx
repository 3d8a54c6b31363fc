import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { roleList } from "./roleLabel";
import { UnheldApprovers } from "./UnheldApprovers";

/** Why a workflow step was refused (409), naming any approvals still missing, or the fix when nobody could approve. */
export function ActionProblem({ error, unheldShown = false }: { error: unknown; unheldShown?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error, 409)) return <ErrorAlert error={error} />;
  const problem = error.problem as { missingApprovals?: string[]; unheldApprovers?: string[] };
  // The page may already say that nobody holds the role: the same alert twice is noise.
  if (problem.unheldApprovers?.length)
    return unheldShown ? null : <UnheldApprovers roles={problem.unheldApprovers} />;
  const missing = problem.missingApprovals ?? [];
  return (
    <Alert color="orange" role="alert" title={t("policies.actions.refused")}>
      {error.problem.detail || error.problem.title}
      {missing.length > 0 && ` ${t("policies.actions.missing", { roles: roleList(t, missing) })}`}
    </Alert>
  );
}
