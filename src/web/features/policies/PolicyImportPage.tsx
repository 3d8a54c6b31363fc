import { Button, FileInput, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { useImportPolicy } from "./policiesApi";

const found = ["title", "sections", "statements", "history", "review"] as const;

export function PolicyImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportPolicy((result) => {
    notifySuccess(t("policies.import.done", { title: result.policy.title }));
    navigate(`/policies/${result.policy.id}/versions/${result.version.id}/review`, {
      state: { audiencesFrom: result.audiencesFrom },
    });
  });

  return (
    <Stack>
      <PageTitle>{t("policies.import.title")}</PageTitle>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Text>{t("policies.import.intro")}</Text>
          <List size="sm" spacing={2}>
            {found.map((key) => (
              <List.Item key={key}>{t(`policies.import.finds.${key}`)}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t("policies.import.nothingPublished")}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <Stack>
            <Title order={2} size="h3">
              {t("policies.import.fileSection")}
            </Title>
            <ErrorAlert error={upload.error} />
            <FileInput
              label={t("policies.import.fileLabel")}
              description={t("policies.import.fileHint")}
              placeholder={t("policies.import.filePlaceholder")}
              accept=".docx,.md,.txt"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                upload.reset();
              }}
              clearable
            />
            <Button
              type="submit"
              disabled={!file}
              loading={upload.isPending}
              style={{ alignSelf: "flex-start" }}
            >
              {t("policies.import.submit")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
