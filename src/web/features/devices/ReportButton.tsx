import { type ButtonProps, Group, Radio, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { useReportDevice } from "./devicesApi";
import { reportStatuses } from "./types";

type ReportStatus = (typeof reportStatuses)[number];

interface Props {
  deviceId: string;
  assetTag: string;
  button?: Pick<ButtonProps, "color" | "variant" | "size">;
  /** The incident the report opened: the page links to it. */
  onReported: (incidentId: string) => void;
}

/** Report a device lost, stolen or damaged: it opens an incident (a data breach when personal data went). */
export function ReportButton({ deviceId, assetTag, button, onReported }: Props) {
  const { t } = useTranslation();
  const report = useReportDevice(deviceId);
  const [status, setStatus] = useState<ReportStatus | "">("");
  const [personalData, setPersonalData] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);

  const reset = () => {
    setStatus("");
    setPersonalData("");
    setNote("");
    setTried(false);
    report.reset();
  };
  const noteError = isApiError(report.error)
    ? report.error.fieldErrors.find((e) => e.field === "note")?.message
    : undefined;

  const submit = (close: () => void, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (!status || !personalData || note.trim().length < 5) return;
    report.mutate(
      { status, heldPersonalData: personalData === "yes", note: note.trim() },
      {
        onSuccess: ({ incidentId }) => {
          close();
          reset();
          onReported(incidentId);
        },
      },
    );
  };

  return (
    <ConfirmButton
      button={button ?? { color: "red.9", variant: "outline" }}
      ariaLabel={t("devices.report.buttonFor", { tag: assetTag })}
      title={t("devices.report.title", { tag: assetTag })}
      onOpenChange={(open) => !open && reset()}
      body={
        <Stack>
          <Radio.Group
            label={t("devices.report.what")}
            value={status}
            onChange={(v) => setStatus(v as ReportStatus)}
            required
            error={tried && !status ? t("devices.report.chooseWhat") : undefined}
          >
            <Group mt="xs">
              {reportStatuses.map((s) => (
                <Radio key={s} value={s} label={t(`devices.status.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t("devices.report.personalData")}
            description={t("devices.report.personalDataHint")}
            value={personalData}
            onChange={setPersonalData}
            required
            error={tried && !personalData ? t("devices.report.choosePersonalData") : undefined}
          >
            <Group mt="xs">
              <Radio value="yes" label={t("devices.report.yes")} />
              <Radio value="no" label={t("devices.report.no")} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t("devices.report.note")}
            description={t("devices.report.noteHint")}
            autosize
            minRows={3}
            required
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={
              noteError ?? (tried && note.trim().length < 5 ? t("devices.report.noteNeeded") : undefined)
            }
          />
        </Stack>
      }
      confirm={t("devices.report.confirm")}
      confirmColor="red.9"
      pending={report.isPending}
      error={noteError ? null : report.error}
      onConfirm={submit}
    >
      {t("devices.report.button")}
    </ConfirmButton>
  );
}
