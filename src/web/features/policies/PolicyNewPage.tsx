import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { PolicyForm } from "./PolicyForm";
import { useCreatePolicy } from "./policiesApi";

export function PolicyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useCreatePolicy((policy) => {
    notifySuccess(t("policies.created", { title: policy.title }));
    navigate(`/policies/${policy.id}`);
  });
  return (
    <Stack>
      <PageTitle>{t("policies.newTitle")}</PageTitle>
      <Text>{t("policies.newIntro")}</Text>
      <Paper withBorder p="lg">
        <PolicyForm save={save} cancelTo="/policies" submitLabel={t("policies.create")} />
      </Paper>
    </Stack>
  );
}
