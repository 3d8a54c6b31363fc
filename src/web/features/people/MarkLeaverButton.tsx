import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { peopleKeys } from "./peopleApi";
import type { Person } from "./types";

export function MarkLeaverButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { leaveDate: person.leaveDate ?? todayInLondon() },
    validate: { leaveDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.date")) },
  });
  const markLeaver = useMutation({
    mutationFn: (leaveDate: string) =>
      api.post<Person>(`/people/${encodeURIComponent(person.id)}/leaver`, { leaveDate }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      notifySuccess(t("people.leaver.done", { name: person.name }));
      close();
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <>
      <Button variant="default" onClick={open}>
        {t("people.leaver.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("people.leaver.title", { name: person.name })}>
        <form noValidate onSubmit={form.onSubmit(({ leaveDate }) => markLeaver.mutate(leaveDate))}>
          <Stack>
            <Text size="sm">{t("people.leaver.explain")}</Text>
            <ErrorAlert error={markLeaver.error} />
            <TextInput
              label={t("fields.leaveDate")}
              type="date"
              required
              {...form.getInputProps("leaveDate")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={markLeaver.isPending}>
                {t("people.leaver.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
