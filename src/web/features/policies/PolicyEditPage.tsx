import { Alert, Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { PolicyForm } from "./PolicyForm";
import { usePolicy, useUpdatePolicy } from "./policiesApi";

export function PolicyEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const { data: policy, error, isPending } = usePolicy(id);
  const save = useUpdatePolicy(id, (saved) => {
    notifySuccess(t("policies.saved", { title: saved.title }));
    navigate(`/policies/${saved.id}`);
  });

  return (
    <Stack>
      <PageTitle>
        {policy ? t("policies.editTitle", { title: policy.title }) : t("policies.editTitleLoading")}
      </PageTitle>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {policy && !policy.canManage && (
        <Alert color="orange" role="status">
          {t("policies.cannotManage")}
        </Alert>
      )}
      {policy?.canManage && (
        <Paper withBorder p="lg">
          <PolicyForm
            policy={policy}
            save={save}
            cancelTo={`/policies/${id}`}
            submitLabel={t("common.save")}
          />
        </Paper>
      )}
    </Stack>
  );
}
