import { Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { PersonForm, toFormValues } from "./PersonForm";
import { useCreatePerson } from "./peopleApi";

export function PersonNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useCreatePerson((person) => {
    notifySuccess(t("people.saved", { name: person.name }));
    navigate(`/people/${person.id}`);
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
