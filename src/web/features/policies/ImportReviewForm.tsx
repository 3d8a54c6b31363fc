import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { RouterLink } from "../../ui/RouterLink";
import { useSaveImportReview } from "./policiesApi";
import { StatementsEditor } from "./StatementsEditor";
import { type StatementItem, toItems, toStatements } from "./statementItems";
import {
  audienceKinds,
  type PolicyDetail,
  type ReviewFrequency,
  reviewFrequencies,
  type VersionDetail,
} from "./types";

type Kind = PolicyDetail["audiences"][number];

interface Values {
  title: string;
  audiences: Kind[];
  reviewFrequency: string | null;
  nextReviewDue: string;
  summary: string;
  statements: StatementItem[];
}

function toPayloads(values: Values) {
  return {
    policy: {
      title: values.title.trim(),
      audiences: values.audiences,
      reviewFrequency: (values.reviewFrequency as ReviewFrequency | null) || null,
      nextReviewDue: values.nextReviewDue.trim() || null,
    },
    version: { summary: values.summary.trim(), statements: toStatements(values.statements) },
  };
}

/**
 * "What Accord found": the extracted title, who it is for, review details, summary and
 * statements, to correct. `audiencesFrom` is the document's words the audiences were read from,
 * when the page was reached straight from the upload.
 */
export function ImportReviewForm({
  policy,
  version,
  audiencesFrom,
}: {
  policy: PolicyDetail;
  version: VersionDetail;
  audiencesFrom?: string | null;
}) {
  const { t } = useTranslation();
  const save = useSaveImportReview(policy.id, version.id);
  const form = useForm<Values>({
    initialValues: {
      title: policy.title,
      audiences: policy.audiences,
      reviewFrequency: policy.reviewFrequency,
      nextReviewDue: policy.nextReviewDue ?? "",
      summary: version.summary ?? "",
      statements: toItems(version.statements),
    },
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : t("policies.validation.title")),
      audiences: (v) => (v.length > 0 ? null : t("policies.validation.audiences")),
    },
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
        <Checkbox.Group
          label={t("policies.fields.audiences")}
          withAsterisk
          {...form.getInputProps("audiences")}
        >
          {policy.audiences.length === 0 ? (
            <Alert color="orange" mt="xs" role="status">
              {t("policies.review.audiencesAsk")}
            </Alert>
          ) : (
            audiencesFrom && (
              <Text size="sm" c="dimmed" mt={4} style={{ overflowWrap: "anywhere" }}>
                {t("policies.review.audiencesFrom", { words: audiencesFrom })}
              </Text>
            )
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
            {audienceKinds.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`people.kinds.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
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
