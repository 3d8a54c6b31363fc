import { Button, Group, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { RouterLink } from "../../ui/RouterLink";
import { PolicyText } from "./PolicyText";
import { useUpdateVersion } from "./policiesApi";
import { StatementsEditor } from "./StatementsEditor";
import { type StatementItem, toItems, toStatements } from "./statementItems";
import type { VersionDetail } from "./types";

interface Values {
  summary: string;
  issueDate: string;
  agreedWithStaffOn: string;
  agreedAtCommitteeOn: string;
  content: string;
  statements: StatementItem[];
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** Everything about a draft version: its record, its Markdown text and its statements. */
export function VersionForm({ version }: { version: VersionDetail }) {
  const { t } = useTranslation();
  const policyId = version.policy.id;
  const save = useUpdateVersion(policyId, version.id);
  const form = useForm<Values>({
    initialValues: {
      summary: version.summary ?? "",
      issueDate: version.issueDate ?? "",
      agreedWithStaffOn: version.agreedWithStaffOn ?? "",
      agreedAtCommitteeOn: version.agreedAtCommitteeOn ?? "",
      content: version.content,
      statements: toItems(version.statements),
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        summary: values.summary.trim(),
        issueDate: orNull(values.issueDate),
        agreedWithStaffOn: orNull(values.agreedWithStaffOn),
        agreedAtCommitteeOn: orNull(values.agreedAtCommitteeOn),
        content: values.content,
        statements: toStatements(values.statements),
      },
      {
        onSuccess: (saved) => notifySuccess(t("policies.edit.saved", { number: saved.number })),
        onError: (error) => applyFieldErrors(form, error),
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        <ErrorAlert error={save.error} />
        <Stack>
          <Textarea
            label={t("policies.versions.summary")}
            description={t("policies.edit.summaryHint")}
            autosize
            minRows={2}
            {...form.getInputProps("summary")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("policies.versions.issueDate")}
              type="date"
              {...form.getInputProps("issueDate")}
            />
            <TextInput
              label={t("policies.fields.agreedWithStaffOn")}
              type="date"
              {...form.getInputProps("agreedWithStaffOn")}
            />
            <TextInput
              label={t("policies.fields.agreedAtCommitteeOn")}
              type="date"
              {...form.getInputProps("agreedAtCommitteeOn")}
            />
          </SimpleGrid>
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("policies.text.heading")}
          </Title>
          <Tabs defaultValue="edit" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="edit">{t("policies.edit.tabEdit")}</Tabs.Tab>
              <Tabs.Tab value="preview">{t("policies.edit.tabPreview")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="edit" pt="sm">
              <Textarea
                label={t("policies.edit.contentLabel")}
                description={t("policies.edit.contentHint")}
                autosize
                minRows={16}
                maxRows={40}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                {...form.getInputProps("content")}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t("policies.edit.previewHint")}
                </Text>
                <PolicyText html={version.html} />
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("policies.statements.heading")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("policies.statements.explain")}
          </Text>
          <StatementsEditor
            value={form.values.statements}
            onChange={(items) => form.setFieldValue("statements", items)}
            error={form.errors.statements as string | undefined}
          />
        </Stack>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <RouterLink to={`/policies/${policyId}/versions/${version.id}`}>
            {t("policies.edit.back", { number: version.number })}
          </RouterLink>
        </Group>
      </Stack>
    </form>
  );
}
