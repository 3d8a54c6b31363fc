import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { CategoryPicker } from "./CategoryPicker";
import { clearDraft, readDraft, useDraftSaver } from "./draft";
import { ImagesWarning } from "./ImagesWarning";
import { useReportConcern } from "./incidentsApi";
import { ABOUT_AN_ADULT } from "./labels";
import { fromLondonInput, toLondonInput } from "./londonTime";
import { AdultPicker, PupilPicker } from "./PeoplePickers";
import { ReportSent } from "./ReportSent";
import type { Category, PersonChoice, Reported } from "./types";

export interface ReportValues {
  category: string;
  occurredAt: string;
  awareAt: string;
  location: string;
  involved: PersonChoice[];
  involvedDescribed: string;
  aboutAnAdult: boolean;
  subject: PersonChoice | null;
  summary: string;
  actionsTaken: string;
}

function blankReport(): ReportValues {
  const now = toLondonInput(new Date());
  return {
    category: "",
    occurredAt: now,
    awareAt: now,
    location: "",
    involved: [],
    involvedDescribed: "",
    aboutAnAdult: false,
    subject: null,
    summary: "",
    actionsTaken: "",
  };
}

const optional = (text: string) => text.trim() || undefined;

/** "Report a concern": anyone signed in, on a phone, in under a minute. */
export function ReportPage() {
  const { data: me } = useMe();
  if (!me) return <SectionLoader />;
  // Keyed by person: a draft typed by one colleague never fills in another's form.
  // Governors and volunteers may report but not search pupils (consent.check): they describe them.
  return <ReportForm key={me.id} personId={me.id} searchPupils={can(me, "consent.check")} />;
}

function ReportForm({ personId, searchPupils }: { personId: string; searchPupils: boolean }) {
  const { t } = useTranslation();
  const report = useReportConcern();
  const [sent, setSent] = useState<{ reported: Reported; category: Category } | null>(null);
  const [restored] = useState(() => readDraft(personId, blankReport()));
  const hadDraft = restored.summary.trim() !== "" || restored.category !== "";
  const form = useForm<ReportValues>({
    mode: "controlled",
    initialValues: restored,
    validate: {
      category: (v) => (v ? null : t("incidents.report.categoryRequired")),
      occurredAt: (v) => (fromLondonInput(v) ? null : t("incidents.report.timeRequired")),
      awareAt: (v) => (!v || fromLondonInput(v) ? null : t("incidents.report.timeRequired")),
      summary: (v) => (v.trim().length >= 10 ? null : t("incidents.report.summaryRequired")),
    },
  });
  const values = form.values;
  useDraftSaver(personId, values, !sent);

  const aboutAnAdult = ABOUT_AN_ADULT.includes(values.category as Category) || values.aboutAnAdult;

  const submit = form.onSubmit(
    (v) => {
      const category = v.category as Category;
      report.mutate(
        {
          category,
          occurredAt: fromLondonInput(v.occurredAt) ?? new Date().toISOString(),
          awareAt: fromLondonInput(v.awareAt) ?? undefined,
          location: optional(v.location),
          summary: v.summary.trim(),
          involvedPersonIds: v.involved.length ? v.involved.map((p) => p.id) : undefined,
          involvedDescribed: optional(v.involvedDescribed),
          subjectPersonId: aboutAnAdult ? v.subject?.id : undefined,
          actionsTaken: optional(v.actionsTaken),
        },
        {
          onSuccess: (reported) => {
            clearDraft(personId);
            setSent({ reported, category });
            window.scrollTo({ top: 0 });
          },
          onError: (error) =>
            applyFieldErrors(form, error, { involvedPersonIds: "involved", subjectPersonId: "subject" }),
        },
      );
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      document
        .querySelector<HTMLElement>(
          `[data-field="${first}"] input, [data-field="${first}"] textarea, [data-field="${first}"] button`,
        )
        ?.focus();
    },
  );

  if (sent)
    return (
      <ReportSent
        reported={sent.reported}
        category={sent.category}
        onAnother={() => {
          form.setValues(blankReport());
          report.reset();
          setSent(null);
        }}
      />
    );

  const offline = isApiError(report.error, 0);
  return (
    <Stack maw={720} gap="lg">
      <PageTitle>{t("incidents.report.title")}</PageTitle>
      <Text>{t("incidents.report.intro")}</Text>
      <ImagesWarning />
      {hadDraft && (
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t("incidents.report.draftRestored")}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              clearDraft(personId);
              form.setValues(blankReport());
            }}
          >
            {t("incidents.report.discardDraft")}
          </Button>
        </Group>
      )}
      <form noValidate onSubmit={submit}>
        <Stack gap="lg">
          <div data-field="category">
            <CategoryPicker
              value={values.category}
              onChange={(c) => form.setFieldValue("category", c)}
              error={form.errors.category as string | undefined}
            />
          </div>
          {values.category === "nude_image_sharing" && <ImagesWarning instead />}
          <Paper withBorder p="md">
            <Stack>
              <Group grow align="flex-start" wrap="wrap" gap="md">
                <TextInput
                  data-field="occurredAt"
                  type="datetime-local"
                  label={t("incidents.report.occurredAt")}
                  description={t("incidents.report.londonTime")}
                  required
                  miw={200}
                  {...form.getInputProps("occurredAt")}
                />
                <TextInput
                  data-field="awareAt"
                  type="datetime-local"
                  label={t("incidents.report.awareAt")}
                  description={t("incidents.report.awareAtHint")}
                  miw={200}
                  {...form.getInputProps("awareAt")}
                />
              </Group>
              <TextInput
                label={t("incidents.report.location")}
                description={t("incidents.report.locationHint")}
                maxLength={200}
                {...form.getInputProps("location")}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              {searchPupils && (
                <div data-field="involved">
                  <PupilPicker
                    label={t("incidents.report.involved")}
                    description={t("incidents.report.involvedHint")}
                    value={values.involved}
                    onChange={(people) => form.setFieldValue("involved", people)}
                  />
                </div>
              )}
              <Textarea
                label={
                  searchPupils ? t("incidents.report.involvedDescribed") : t("incidents.report.whoInvolved")
                }
                description={t("incidents.report.involvedDescribedHint")}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps("involvedDescribed")}
              />
              {!ABOUT_AN_ADULT.includes(values.category as Category) && (
                <Checkbox
                  label={t("incidents.report.aboutAnAdult")}
                  description={t("incidents.report.aboutAnAdultHint")}
                  {...form.getInputProps("aboutAnAdult", { type: "checkbox" })}
                />
              )}
              {aboutAnAdult && (
                <div data-field="subject">
                  <AdultPicker
                    label={t("incidents.report.subject")}
                    description={t("incidents.report.subjectHint")}
                    value={values.subject}
                    onChange={(p) => form.setFieldValue("subject", p)}
                    error={form.errors.subject as string | undefined}
                  />
                </div>
              )}
            </Stack>
          </Paper>
          <Textarea
            data-field="summary"
            label={t("incidents.report.summary")}
            description={t("incidents.report.summaryHint")}
            required
            autosize
            minRows={5}
            maxLength={10_000}
            {...form.getInputProps("summary")}
          />
          <Textarea
            label={t("incidents.report.actionsTaken")}
            description={t("incidents.report.actionsTakenHint")}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps("actionsTaken")}
          />
          {!placedBesideFields(report.error) && <ErrorAlert error={report.error} />}
          {offline && (
            <Text size="sm" fw={600}>
              {t("incidents.report.keptOffline")}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t("incidents.report.draftNote")}
          </Text>
          <Button type="submit" size="lg" loading={report.isPending}>
            {t("incidents.report.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** A 400 whose every problem sits beside its field needs no second message above the button. */
function placedBesideFields(error: unknown): boolean {
  return isApiError(error, 400) && error.fieldErrors.length > 0;
}
