import { Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { useDeviceSettings, useSaveDeviceSettings } from "./devicesApi";

/** Which agreements a pupil's own device needs: the pupil's pledge and a parent's signature. */
export function AgreementSettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const settings = useDeviceSettings(open);
  const save = useSaveDeviceSettings();
  const [pupil, setPupil] = useState<string | null | undefined>(undefined);
  const [parent, setParent] = useState<string | null | undefined>(undefined);
  const current = settings.data;
  const pupilValue = pupil === undefined ? (current?.pupilAgreement?.id ?? null) : pupil;
  const parentValue = parent === undefined ? (current?.parentAgreement?.id ?? null) : parent;
  const none = t("devices.agreement.settings.none");
  return (
    <ConfirmButton
      button={{ variant: "default" }}
      title={t("devices.agreement.settings.title")}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setPupil(undefined);
          setParent(undefined);
          save.reset();
        }
      }}
      body={
        <Stack>
          <Text size="sm">{t("devices.agreement.settings.intro")}</Text>
          <Select
            label={t("devices.agreement.settings.pledge")}
            data={(current?.choices.pupils ?? []).map((a) => ({ value: a.id, label: a.title }))}
            value={pupilValue}
            onChange={setPupil}
            clearable
            placeholder={none}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("devices.agreement.settings.parents")}
            data={(current?.choices.parents ?? []).map((a) => ({ value: a.id, label: a.title }))}
            value={parentValue}
            onChange={setParent}
            clearable
            placeholder={none}
            comboboxProps={{ withinPortal: true }}
          />
        </Stack>
      }
      confirm={t("common.save")}
      pending={save.isPending}
      error={save.error ?? settings.error}
      onConfirm={(close, event) => {
        event.preventDefault();
        save.mutate(
          { pupilAgreementId: pupilValue, parentAgreementId: parentValue },
          {
            onSuccess: () => {
              notifySuccess(t("devices.agreement.settings.saved"));
              close();
            },
          },
        );
      }}
    >
      {t("devices.agreement.settings.button")}
    </ConfirmButton>
  );
}
