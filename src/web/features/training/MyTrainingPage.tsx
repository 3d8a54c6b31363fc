import { Alert, Button, FileInput, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrorsOf } from "../../ui/fieldErrorsOf";
import { todayInLondon } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useMe } from "../session/sessionApi";
import { RequiredCourses, TrainingRecords } from "./TrainingRecords";
import { useCourses, useMyTraining, useRecordOwn } from "./trainingApi";

/** A person's own training: what they must take and where they stand, recording one, their records. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const mine = useMyTraining();
  return (
    <Stack maw={760}>
      <PageTitle>{t("training.mine.title")}</PageTitle>
      <Text>{t("training.mine.intro")}</Text>
      <ErrorAlert error={mine.error} />
      {mine.isPending && <SectionLoader />}
      {mine.data && (
        <>
          <Stack component="section" aria-labelledby="training-required-heading" gap="sm">
            <Title order={2} size="h3" id="training-required-heading">
              {t("training.mine.requiredHeading")}
            </Title>
            <RequiredCourses courses={mine.data.courses} />
          </Stack>
          <RecordOwnForm />
          <Stack component="section" aria-labelledby="training-records-heading" gap="sm">
            <Title order={2} size="h3" id="training-records-heading">
              {t("training.records.heading")}
            </Title>
            <TrainingRecords training={mine.data} />
          </Stack>
        </>
      )}
    </Stack>
  );
}

function RecordOwnForm() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const courses = useCourses();
  const record = useRecordOwn();
  const [courseKey, setCourseKey] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(record.error), ...missing };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const needed: Record<string, string> = {};
    if (!courseKey) needed.courseKey = t("training.record.chooseCourse");
    if (!completedOn) needed.completedOn = t("training.record.chooseDate");
    setMissing(needed);
    if (!courseKey || !completedOn || !me) return;
    record.mutate(
      { courseKey, completedOn, personId: me.id, file },
      {
        onSuccess: () => {
          setCourseKey(null);
          setCompletedOn("");
          setFile(null);
        },
      },
    );
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="training-record-heading">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Title order={2} size="h3" id="training-record-heading">
            {t("training.mine.recordHeading")}
          </Title>
          {record.data && (
            <Alert color="green" role="status">
              {record.data.recorded > 0 ? t("training.mine.recorded") : t("training.mine.alreadyRecorded")}
            </Alert>
          )}
          <ErrorAlert error={record.error} />
          <Select
            label={t("training.record.course")}
            required
            data={(courses.data ?? []).map((c) => ({ value: c.key, label: c.name }))}
            value={courseKey}
            onChange={setCourseKey}
            error={errors.courseKey}
            searchable
          />
          <TextInput
            type="date"
            label={t("training.record.date")}
            required
            max={todayInLondon()}
            value={completedOn}
            onChange={(e) => setCompletedOn(e.currentTarget.value)}
            error={errors.completedOn}
          />
          <FileInput
            label={t("training.mine.certificate")}
            description={t("training.mine.certificateHint")}
            placeholder={t("training.mine.certificatePlaceholder")}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            clearable
            error={errors.file}
          />
          <Button type="submit" loading={record.isPending} style={{ alignSelf: "flex-start" }}>
            {t("training.mine.record")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
