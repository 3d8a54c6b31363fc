import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { designatedRoles, personKinds } from "../people/types";
import { useAssignAgreement } from "./agreementsApi";
import { audienceKind } from "./audience";
import type { Agreement } from "./types";

interface Values {
  kinds: string[];
  roles: string[];
  dueDate: string;
}

/** Ask kinds of people and role holders to sign by a date; new starters follow the same rule. */
export function AssignButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const assign = useAssignAgreement(agreement.id);
  const form = useForm<Values>({
    initialValues: { kinds: [audienceKind[agreement.audience]], roles: [], dueDate: "" },
    validate: {
      kinds: (v, values) => (v.length + values.roles.length > 0 ? null : t("agreements.assign.whoRequired")),
      dueDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.date")),
    },
  });
  const submit = form.onSubmit((values) =>
    assign.mutate(
      {
        ...(values.kinds.length > 0 ? { kinds: values.kinds } : {}),
        ...(values.roles.length > 0 ? { roles: values.roles } : {}),
        dueDate: values.dueDate,
      },
      {
        onSuccess: ({ assigned }) => {
          close();
          form.reset();
          notifySuccess(t("agreements.assign.done", { count: assigned, title: agreement.title }));
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    ),
  );

  return (
    <>
      <Button
        onClick={open}
        size="compact-md"
        aria-label={t("agreements.assign.buttonFor", { title: agreement.title })}
      >
        {t("agreements.assign.button")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        size="lg"
        title={t("agreements.assign.title", { title: agreement.title })}
      >
        <form noValidate onSubmit={submit}>
          <Stack>
            <ErrorAlert error={assign.error} />
            <Checkbox.Group label={t("agreements.assign.kinds")} {...form.getInputProps("kinds")}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs">
                {personKinds.map((kind) => (
                  <Checkbox key={kind} value={kind} label={t(`people.kinds.${kind}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <MultiSelect
              label={t("agreements.assign.roles")}
              data={designatedRoles.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("roles")}
            />
            <TextInput
              label={t("agreements.assign.dueDate")}
              type="date"
              required
              {...form.getInputProps("dueDate")}
            />
            <Text size="sm">{t("agreements.assign.newStarters")}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={assign.isPending}>
                {t("agreements.assign.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
