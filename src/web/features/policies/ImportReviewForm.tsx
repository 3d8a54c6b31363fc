import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { RouterLink } from "../../ui/RouterLink";
import { useSaveImportReview } from "./policiesApi";
import { StatementsEditor } from "./StatementsEditor";
import { type StatementItem, toItems, toStatements } from "./statementItems";
import { type PolicyDetail, type ReviewFrequency, reviewFrequencies, type VersionDetail } from "./types";

interface Values {
  title: string;
  reviewFrequency: string | null;
  nextReviewDue: string;
  summary: string;
  statements: StatementItem[];
}

function toPayloads(values: Values) {
  return {
    policy: {
      title: values.title.trim(),
      reviewFrequency: (values.reviewFrequency as ReviewFrequency | null) || null,
      nextReviewDue: values.nextReviewDue.trim() || null,
    },
    version: { summary: values.summary.trim(), statements: toStatements(values.statements) },
  };
}

/** "What Accord found": the extracted title, review details, summary and statements, to correct. */
export function ImportReviewForm({ policy, version }: { policy: PolicyDetail; version: VersionDetail }) {
  const { t } = useTranslation();
  const save = useSaveImportReview(policy.id, version.id);
  const form = useForm<Values>({
    initialValues: {
      title: policy.title,
      reviewFrequency: policy.reviewFrequency,
      nextReviewDue: policy.nextReviewDue ?? "",
      summary: version.summary ?? "",
      statements: toItems(version.statements),
    },
    validate: { title: (v) => (v.trim().length >= 2 ? null : t("policies.validation.title")) },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(toPayloads(values), {
      onSuccess: () => notifySuccess(t("policies.review.saved")),
      onError: (error) => applyFieldErrors(form, error),
    }),
  );
  const editable = version.status === "draft";

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={t("policies.fields.title")} required {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("policies.fields.reviewFrequency")}
            data={reviewFrequencies.map((f) => ({ value: f, label: t(`policies.frequency.${f}`) }))}
            clearable
            {...form.getInputProps("reviewFrequency")}
          />
          <TextInput
            label={t("policies.fields.nextReviewDue")}
            type="date"
            {...form.getInputProps("nextReviewDue")}
          />
        </SimpleGrid>
        <Textarea
          label={t("policies.versions.summary")}
          autosize
          minRows={2}
          disabled={!editable}
          {...form.getInputProps("summary")}
        />
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("policies.statements.heading")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("policies.review.statementsHint", { count: version.statements.length })}
          </Text>
          <StatementsEditor
            value={form.values.statements}
            onChange={(items) => form.setFieldValue("statements", items)}
            error={form.errors.statements as string | undefined}
          />
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!editable}>
            {t("common.save")}
          </Button>
          <RouterLink to={`/policies/${policy.id}`}>{t("policies.review.goToPolicy")}</RouterLink>
        </Group>
      </Stack>
    </form>
  );
}
