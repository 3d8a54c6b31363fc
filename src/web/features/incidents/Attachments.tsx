import { Anchor, Button, FileInput, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { attachmentUrl, useUploadAttachment } from "./incidentsApi";
import type { IncidentView } from "./types";

/** Add one file to a report (a screenshot of a message, a log): refused by the server for nude images. */
export function AttachmentUpload({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(incidentId);
  const [file, setFile] = useState<File | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string }[]>([]);
  return (
    <Stack gap="xs">
      <Text size="sm">{t("incidents.attachments.hint")}</Text>
      <FileInput
        label={t("incidents.attachments.file")}
        placeholder={t("incidents.attachments.choose")}
        value={file}
        onChange={setFile}
        clearable
      />
      <ErrorAlert error={upload.error} />
      <Button
        variant="default"
        disabled={!file}
        loading={upload.isPending}
        onClick={() =>
          file &&
          upload.mutate(file, {
            onSuccess: ({ id }) => {
              notifySuccess(t("incidents.attachments.added", { name: file.name }));
              setAdded((files) => [...files, { id, name: file.name }]);
              setFile(null);
            },
          })
        }
        style={{ alignSelf: "flex-start" }}
      >
        {t("incidents.attachments.upload")}
      </Button>
      {added.length > 0 && (
        <List size="sm">
          {added.map((a) => (
            <List.Item key={a.id}>{a.name}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** A handler's list of what was attached, each downloadable. */
export function AttachmentList({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  if (incident.attachments.length === 0) return <Text c="dimmed">{t("incidents.attachments.none")}</Text>;
  return (
    <List>
      {incident.attachments.map((a) => (
        <List.Item key={a.id}>
          <Anchor href={attachmentUrl(incident.id, a.id)}>{a.fileName}</Anchor>{" "}
          <Text span size="sm" c="dimmed">
            {t("incidents.attachments.size", { kb: kb(a.bytes), at: formatDateTime(a.at) })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
