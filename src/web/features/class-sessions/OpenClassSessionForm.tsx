import { Button, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { useClassOptions, useOpenClassSession } from "./classSessionsApi";
import type { OpenedClassSession } from "./types";

export function OpenClassSessionForm({ onOpened }: { onOpened: (session: OpenedClassSession) => void }) {
  const { t } = useTranslation();
  const options = useClassOptions();
  const open = useOpenClassSession();
  const form = useForm({
    initialValues: { agreementId: null as string | null, regGroup: null as string | null },
    validate: {
      agreementId: (v) => (v ? null : t("classSessions.chooseAgreement")),
      regGroup: (v) => (v ? null : t("classSessions.chooseClass")),
    },
  });

  if (options.isPending) return <SectionLoader />;
  if (options.error) return <ErrorAlert error={options.error} />;
  if (options.data.agreements.length === 0) return <Text>{t("classSessions.noAgreements")}</Text>;
  if (options.data.regGroups.length === 0) return <Text>{t("classSessions.noClasses")}</Text>;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ agreementId, regGroup }) =>
        open.mutate(
          { agreementId: agreementId!, regGroup: regGroup! },
          { onSuccess: onOpened, onError: (error) => applyFieldErrors(form, error) },
        ),
      )}
    >
      <Stack>
        <ErrorAlert error={open.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("classSessions.agreement")}
            data={options.data.agreements.map((a) => ({ value: a.id, label: a.title }))}
            required
            allowDeselect={false}
            {...form.getInputProps("agreementId")}
          />
          <Select
            label={t("classSessions.regGroup")}
            data={options.data.regGroups}
            required
            searchable
            allowDeselect={false}
            {...form.getInputProps("regGroup")}
          />
        </SimpleGrid>
        <Button type="submit" loading={open.isPending} style={{ alignSelf: "flex-start" }}>
          {t("classSessions.open")}
        </Button>
      </Stack>
    </form>
  );
}
