import { Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { PolicyForm } from "./PolicyForm";
import { policyKeys } from "./policiesApi";
import type { PolicyDetail, PolicyPayload } from "./types";

export function PolicyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: PolicyPayload) => api.post<PolicyDetail>("/policies", body),
    onSuccess: (policy) => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      notifySuccess(t("policies.created", { title: policy.title }));
      navigate(`/policies/${policy.id}`);
    },
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
