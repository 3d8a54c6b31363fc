import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RequiredCourses, TrainingRecords } from "./TrainingRecords";
import { usePersonTraining } from "./trainingApi";

/**
 * A person's training on their page in the directory, for those who read the matrix. Shown only
 * when the server lets the reader see it (it answers 404 otherwise), and only for people who must
 * take a course or have records.
 */
export function PersonTrainingSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const training = usePersonTraining(personId);
  const data = training.data;
  if (!data || (data.courses.length === 0 && data.records.length === 0)) return null;
  return (
    <Stack component="section" aria-labelledby="person-training-heading" gap="sm">
      <Title order={2} size="h3" id="person-training-heading">
        {t("training.person.heading")}
      </Title>
      <RequiredCourses courses={data.courses} />
      <Title order={3} size="h4">
        {t("training.person.records")}
      </Title>
      <TrainingRecords training={data} />
    </Stack>
  );
}
