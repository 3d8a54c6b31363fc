import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { useOpenKiosk, useVisitorAgreements } from "./kioskApi";
import { NewKioskCode } from "./NewKioskCode";

export function OpenKioskForm() {
  const { t } = useTranslation();
  const agreements = useVisitorAgreements();
  const open = useOpenKiosk();
  const form = useForm({
    initialValues: { agreementId: null as string | null },
    validate: { agreementId: (v) => (v ? null : t("kiosks.chooseAgreement")) },
  });

  if (agreements.isPending) return <SectionLoader />;
  if (agreements.error) return <ErrorAlert error={agreements.error} />;
  if (agreements.data.length === 0) return <Text>{t("kiosks.noAgreements")}</Text>;

  return (
    <Stack>
      {open.data && <NewKioskCode kiosk={open.data} onDone={() => open.reset()} />}
      <form noValidate onSubmit={form.onSubmit(({ agreementId }) => open.mutate(agreementId!))}>
        <Stack>
          <ErrorAlert error={open.error} />
          <Group align="flex-end">
            <Select
              label={t("kiosks.agreement")}
              data={agreements.data.map((a) => ({
                value: a.id,
                label: t("kiosks.agreementOption", { title: a.title, version: a.policy.versionNumber }),
              }))}
              required
              allowDeselect={false}
              style={{ flex: 1, minWidth: 220 }}
              {...form.getInputProps("agreementId")}
            />
            <Button type="submit" loading={open.isPending}>
              {t("kiosks.open")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
