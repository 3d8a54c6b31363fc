import { Button, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { addDays, endOfTerm } from "../../../kernel/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, todayInLondon } from "../../ui/format";
import { SectionLoader } from "../../ui/SectionLoader";
import { useOpenKiosk, useVisitorAgreements } from "./kioskApi";
import { NewKioskCode } from "./NewKioskCode";

/** How long a kiosk stays open: the day, a week, or the term (the server refuses anything longer). */
function untilOptions(t: (key: string, values?: Record<string, string>) => string) {
  const today = todayInLondon();
  const term = endOfTerm(today);
  const [week] = [addDays(today, 6), term].sort();
  const options = [
    { value: today, label: t("kiosks.until.today") },
    { value: week, label: t("kiosks.until.week", { date: formatDate(week) }) },
    { value: term, label: t("kiosks.until.term", { date: formatDate(term) }) },
  ];
  // Near the end of term a week and the term may be the same day: offer it once, as the term.
  return options.filter((o, i) => !options.slice(i + 1).some((later) => later.value === o.value));
}

export function OpenKioskForm() {
  const { t } = useTranslation();
  const agreements = useVisitorAgreements();
  const open = useOpenKiosk();
  const options = untilOptions(t);
  const form = useForm({
    initialValues: {
      agreementId: null as string | null,
      deviceName: "",
      until: options[options.length - 1].value,
    },
    validate: {
      agreementId: (v) => (v ? null : t("kiosks.chooseAgreement")),
      deviceName: (v) => (v.trim() ? null : t("kiosks.deviceNameNeeded")),
    },
  });

  if (agreements.isPending) return <SectionLoader />;
  if (agreements.error) return <ErrorAlert error={agreements.error} />;
  if (agreements.data.length === 0) return <Text>{t("kiosks.noAgreements")}</Text>;

  return (
    <Stack>
      {open.data && <NewKioskCode kiosk={open.data} onDone={() => open.reset()} />}
      <form
        noValidate
        onSubmit={form.onSubmit(({ agreementId, deviceName, until }) =>
          open.mutate({ agreementId: agreementId!, deviceName: deviceName.trim(), until }),
        )}
      >
        <Stack>
          <ErrorAlert error={open.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t("kiosks.deviceName")}
              description={t("kiosks.deviceNameHint")}
              required
              maxLength={60}
              {...form.getInputProps("deviceName")}
            />
            <Select
              label={t("kiosks.agreement")}
              description={t("kiosks.agreementHint")}
              data={agreements.data.map((a) => ({
                value: a.id,
                label: t("kiosks.agreementOption", { title: a.title, version: a.policy.versionNumber }),
              }))}
              required
              allowDeselect={false}
              {...form.getInputProps("agreementId")}
            />
            <Select
              label={t("kiosks.until.label")}
              description={t("kiosks.until.hint")}
              data={options}
              required
              allowDeselect={false}
              {...form.getInputProps("until")}
            />
          </SimpleGrid>
          <Button type="submit" loading={open.isPending} style={{ alignSelf: "flex-start" }}>
            {t("kiosks.open")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
