import { Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useDisposeDevice } from "./devicesApi";

/** Dispose of a device, recording how it was wiped or destroyed and when: kept in its history for good. */
export function DisposeButton({ deviceId, assetTag }: { deviceId: string; assetTag: string }) {
  const { t } = useTranslation();
  const dispose = useDisposeDevice(deviceId);
  const [wipeMethod, setWipeMethod] = useState("");
  const [disposedOn, setDisposedOn] = useState(todayInLondon());
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const fieldError = (field: string) =>
    isApiError(dispose.error) ? dispose.error.fieldErrors.find((e) => e.field === field)?.message : undefined;

  const submit = (close: () => void, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (wipeMethod.trim().length < 3 || !disposedOn) return;
    dispose.mutate(
      { wipeMethod: wipeMethod.trim(), disposedOn, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t("devices.dispose.done", { tag: assetTag }));
          close();
        },
      },
    );
  };

  return (
    <ConfirmButton
      button={{ color: "gray", variant: "outline" }}
      title={t("devices.dispose.title", { tag: assetTag })}
      body={
        <Stack>
          <TextInput
            label={t("devices.dispose.wipeMethod")}
            description={t("devices.dispose.wipeHint")}
            required
            value={wipeMethod}
            onChange={(e) => setWipeMethod(e.currentTarget.value)}
            error={
              fieldError("wipeMethod") ??
              (tried && wipeMethod.trim().length < 3 ? t("devices.dispose.wipeNeeded") : undefined)
            }
          />
          <TextInput
            label={t("devices.dispose.disposedOn")}
            type="date"
            required
            value={disposedOn}
            onChange={(e) => setDisposedOn(e.currentTarget.value)}
            error={fieldError("disposedOn") ?? (tried && !disposedOn ? t("validation.date") : undefined)}
          />
          <Textarea
            label={t("devices.dispose.note")}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Stack>
      }
      confirm={t("devices.dispose.confirm")}
      pending={dispose.isPending}
      error={fieldError("wipeMethod") || fieldError("disposedOn") ? null : dispose.error}
      onConfirm={submit}
    >
      {t("devices.dispose.button")}
    </ConfirmButton>
  );
}
