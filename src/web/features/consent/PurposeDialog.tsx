import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { ownSubmit } from "../../ui/ownSubmit";
import { useCreatePurpose, useUpdatePurpose } from "./consentApi";
import { type Basis, bases, type PurposeView } from "./types";

interface Values {
  key: string;
  name: string;
  description: string;
  basis: Basis;
  justification: string;
}

/** Add a purpose, or change one: its name, the sentence parents read, and its lawful basis. */
export function PurposeDialog({
  purpose,
  opened,
  onClose,
}: {
  /** null: a new purpose. */
  purpose: PurposeView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePurpose();
  const update = useUpdatePurpose();
  const saving = purpose ? update : create;
  // A problem whose every field error sits by its field needs no second message above the form.
  const [placed, setPlaced] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      key: purpose?.key ?? "",
      name: purpose?.name ?? "",
      description: purpose?.description ?? "",
      basis: purpose?.basis ?? "consent",
      justification: purpose?.justification ?? "",
    },
  });
  const done = () => {
    notifySuccess(
      t(purpose ? "consent.purposes.saved" : "consent.purposes.added", { name: form.values.name.trim() }),
    );
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const justification = values.justification.trim();
    const onError = (error: unknown) => setPlaced(applyFieldErrors(form, error));
    if (purpose)
      update.mutate(
        {
          key: purpose.key,
          patch: {
            name: values.name,
            description: values.description,
            basis: values.basis,
            justification: justification || null,
          },
        },
        { onSuccess: done, onError },
      );
    else
      create.mutate(
        {
          key: values.key,
          name: values.name,
          description: values.description,
          basis: values.basis,
          ...(justification ? { justification } : {}),
        },
        { onSuccess: done, onError },
      );
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        purpose ? t("consent.purposes.editTitle", { name: purpose.name }) : t("consent.purposes.addTitle")
      }
    >
      <form noValidate onSubmit={ownSubmit(submit)}>
        <Stack>
          <ErrorAlert error={placed ? null : saving.error} />
          {!purpose && (
            <TextInput
              label={t("consent.purposes.key")}
              description={t("consent.purposes.keyHint")}
              required
              maxLength={41}
              {...form.getInputProps("key")}
            />
          )}
          <TextInput
            label={t("consent.purposes.name")}
            required
            maxLength={120}
            {...form.getInputProps("name")}
          />
          <Textarea
            label={t("consent.purposes.description")}
            description={t("consent.purposes.descriptionHint")}
            required
            autosize
            minRows={2}
            maxLength={600}
            {...form.getInputProps("description")}
          />
          <Radio.Group label={t("consent.purposes.basis")} required {...form.getInputProps("basis")}>
            <Stack gap="xs" mt="xs">
              {bases.map((b) => (
                <Radio
                  key={b}
                  value={b}
                  label={t(`consent.basis.${b}`)}
                  description={t(`consent.basisExplain.${b}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.basis === "public_task" && (
            <Textarea
              label={t("consent.purposes.justification")}
              description={t("consent.purposes.justificationHint")}
              required
              autosize
              minRows={2}
              maxLength={400}
              {...form.getInputProps("justification")}
            />
          )}
          {form.values.basis === "consent" && <Text size="sm">{t("consent.purposes.consentNote")}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {purpose ? t("common.save") : t("consent.purposes.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
