import { Paper, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { PersonForm, type PersonPayload, toFormValues } from "./PersonForm";
import { peopleKeys, usePerson } from "./peopleApi";
import type { Person } from "./types";

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: person, error, isPending } = usePerson(id);
  const save = useMutation({
    mutationFn: (body: PersonPayload) => api.patch<Person>(`/people/${encodeURIComponent(id)}`, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      notifySuccess(t("people.saved", { name: saved.name }));
      navigate(`/people/${id}`);
    },
  });
  return (
    <Stack>
      <PageTitle>
        {person ? t("people.editTitle", { name: person.name }) : t("people.editTitleLoading")}
      </PageTitle>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {person && (
        <Paper withBorder p="lg">
          <PersonForm
            initialValues={toFormValues(person)}
            save={save}
            cancelTo={`/people/${id}`}
            submitLabel={t("common.save")}
          />
        </Paper>
      )}
    </Stack>
  );
}
