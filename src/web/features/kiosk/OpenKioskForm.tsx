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

/** How long the tablet may hold signatures it cannot send (decision 039): 30 minutes unless chosen. */
const OFFLINE_MINUTES = [0, 10, 30, 60, 120];

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
      offlineMinutes: "30",
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
        onSubmit={form.onSubmit(({ agreementId, deviceName, until, offlineMinutes }) =>
          open.mutate({
            agreementId: agreementId!,
            deviceName: deviceName.trim(),
            until,
            offlineMinutes: Number(offlineMinutes),
          }),
        )}
      >
        <Stack>
          <ErrorAlert error={open.error} />
          <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }}>
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
            <Select
              label={t("kiosks.offline.label")}
              description={t("kiosks.offline.hint")}
              data={OFFLINE_MINUTES.map((m) => ({
                value: String(m),
                label: m === 0 ? t("kiosks.offline.none") : t("kiosks.offline.minutes", { count: m }),
              }))}
              required
              allowDeselect={false}
              {...form.getInputProps("offlineMinutes")}
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
