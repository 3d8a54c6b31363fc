import { Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { PersonForm, toFormValues } from "./PersonForm";
import { usePerson, useUpdatePerson } from "./peopleApi";

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { data: person, error, isPending } = usePerson(id);
  const save = useUpdatePerson(id, (saved) => {
    notifySuccess(t("people.saved", { name: saved.name }));
    navigate(`/people/${id}`);
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
