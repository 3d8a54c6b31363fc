import { type ButtonProps, Checkbox, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { useAddDevice, useUpdateDevice } from "./devicesApi";
import { type Device, type DeviceInput, type DeviceType, deviceTypes } from "./types";

const blank: DeviceInput = {
  assetTag: "",
  type: "" as DeviceType,
  serial: "",
  makeModel: "",
  location: "",
  encrypted: false,
  pinSet: false,
  labelled: false,
};

function fromDevice(d: Device): DeviceInput {
  return {
    assetTag: d.assetTag,
    type: d.type,
    serial: d.serial ?? "",
    makeModel: d.makeModel ?? "",
    location: d.location ?? "",
    encrypted: d.encrypted,
    pinSet: d.pinSet,
    labelled: d.labelled,
  };
}

/** "Add device" on the register, or "Edit details" on a device's page: the same fields. */
export function DeviceFormButton({
  device,
  button,
}: {
  device?: Device;
  button?: Pick<ButtonProps, "variant">;
}) {
  const { t } = useTranslation();
  const add = useAddDevice();
  const update = useUpdateDevice(device?.id ?? "");
  const save = device ? update : add;
  const [values, setValues] = useState<DeviceInput>(device ? fromDevice(device) : blank);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof DeviceInput>(key: K, value: DeviceInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (field: string) =>
    isApiError(save.error) ? save.error.fieldErrors.find((e) => e.field === field)?.message : undefined;
  const placed = Boolean(fieldError("assetTag") || fieldError("type"));

  const reset = (open: boolean) => {
    if (!open) return;
    setValues(device ? fromDevice(device) : blank);
    setTried(false);
    add.reset();
    update.reset();
  };

  const submit = (close: () => void, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (!values.assetTag.trim() || !values.type) return;
    const body = {
      ...values,
      assetTag: values.assetTag.trim(),
      serial: values.serial?.trim() || undefined,
      makeModel: values.makeModel?.trim() || undefined,
      location: values.location?.trim() || undefined,
    };
    const done = () => {
      notifySuccess(t(device ? "devices.form.saved" : "devices.form.added", { tag: body.assetTag }));
      close();
    };
    if (device) update.mutate(body, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };

  return (
    <ConfirmButton
      button={button}
      size="lg"
      title={t(device ? "devices.form.editTitle" : "devices.form.addTitle")}
      onOpenChange={reset}
      body={
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t("devices.fields.assetTag")}
              required
              data-autofocus
              value={values.assetTag}
              onChange={(e) => set("assetTag", e.currentTarget.value)}
              error={
                fieldError("assetTag") ??
                (tried && !values.assetTag.trim() ? t("validation.required") : undefined)
              }
            />
            <Select
              label={t("devices.fields.type")}
              required
              data={deviceTypes.map((type) => ({ value: type, label: t(`devices.type.${type}`) }))}
              value={values.type || null}
              onChange={(v) => set("type", (v ?? "") as DeviceType)}
              error={fieldError("type") ?? (tried && !values.type ? t("devices.form.chooseType") : undefined)}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t("devices.fields.makeModel")}
              value={values.makeModel}
              onChange={(e) => set("makeModel", e.currentTarget.value)}
            />
            <TextInput
              label={t("devices.fields.serial")}
              value={values.serial}
              onChange={(e) => set("serial", e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label={t("devices.fields.location")}
            description={t("devices.form.locationHint")}
            value={values.location}
            onChange={(e) => set("location", e.currentTarget.value)}
          />
          <Stack gap="xs">
            <Checkbox
              label={t("devices.fields.encrypted")}
              checked={values.encrypted}
              onChange={(e) => set("encrypted", e.currentTarget.checked)}
            />
            <Checkbox
              label={t("devices.fields.pinSet")}
              checked={values.pinSet}
              onChange={(e) => set("pinSet", e.currentTarget.checked)}
            />
            <Checkbox
              label={t("devices.fields.labelled")}
              checked={values.labelled}
              onChange={(e) => set("labelled", e.currentTarget.checked)}
            />
          </Stack>
        </Stack>
      }
      confirm={t(device ? "common.save" : "devices.form.add")}
      pending={save.isPending}
      error={placed ? null : save.error}
      onConfirm={submit}
    >
      {t(device ? "devices.form.editButton" : "devices.form.addButton")}
    </ConfirmButton>
  );
}
