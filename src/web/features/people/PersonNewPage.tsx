import { Paper, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { PersonForm, type PersonPayload, toFormValues } from "./PersonForm";
import { peopleKeys } from "./peopleApi";
import type { Person } from "./types";

export function PersonNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: PersonPayload) => api.post<Person>("/people", body),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      notifySuccess(t("people.saved", { name: person.name }));
      navigate(`/people/${person.id}`);
    },
  });
  return (
    <Stack>
      <PageTitle>{t("people.newTitle")}</PageTitle>
      <Paper withBorder p="lg">
        <PersonForm
          initialValues={toFormValues()}
          save={save}
          cancelTo="/people"
          submitLabel={t("people.create")}
        />
      </Paper>
    </Stack>
  );
}
