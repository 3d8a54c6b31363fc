import { Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useMarkLeaver } from "./peopleApi";
import type { Person } from "./types";

export function MarkLeaverButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { leaveDate: person.leaveDate ?? todayInLondon() },
    validate: { leaveDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.date")) },
  });
  const markLeaver = useMarkLeaver(person.id);
  return (
    <ConfirmButton
      button={{ variant: "default" }}
      title={t("people.leaver.title", { name: person.name })}
      body={
        <>
          <Text size="sm">{t("people.leaver.explain")}</Text>
          <TextInput
            label={t("fields.leaveDate")}
            type="date"
            required
            {...form.getInputProps("leaveDate")}
          />
        </>
      }
      confirm={t("people.leaver.confirm")}
      pending={markLeaver.isPending}
      error={markLeaver.error}
      onConfirm={(close, event) =>
        form.onSubmit(({ leaveDate }) =>
          markLeaver.mutate(leaveDate, {
            onSuccess: () => {
              notifySuccess(t("people.leaver.done", { name: person.name }));
              close();
            },
            onError: (error) => applyFieldErrors(form, error),
          }),
        )(event)
      }
    >
      {t("people.leaver.button")}
    </ConfirmButton>
  );
}
