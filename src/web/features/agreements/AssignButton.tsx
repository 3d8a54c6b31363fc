import { Checkbox, MultiSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Kind, Role } from "../../../modules/access/roles";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { designatedRoles, personKinds } from "../people/types";
import { useAssignAgreement } from "./agreementsApi";
import { audienceKind } from "./audience";
import type { Agreement } from "./types";

interface Values {
  kinds: Kind[];
  roles: Role[];
  dueDate: string;
}

/** Ask kinds of people and role holders to sign by a date; new starters follow the same rule. */
export function AssignButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const assign = useAssignAgreement(agreement.id);
  const form = useForm<Values>({
    initialValues: { kinds: [audienceKind[agreement.audience]], roles: [], dueDate: "" },
    validate: {
      kinds: (v, values) => (v.length + values.roles.length > 0 ? null : t("agreements.assign.whoRequired")),
      dueDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.date")),
    },
  });
  const submit = (close: () => void) =>
    form.onSubmit((values) =>
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
    <ConfirmButton
      button={{ size: "compact-md" }}
      ariaLabel={t("agreements.assign.buttonFor", { title: agreement.title })}
      size="lg"
      title={t("agreements.assign.title", { title: agreement.title })}
      body={
        <>
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
        </>
      }
      confirm={t("agreements.assign.confirm")}
      pending={assign.isPending}
      error={assign.error}
      onConfirm={(close, event) => submit(close)(event)}
    >
      {t("agreements.assign.button")}
    </ConfirmButton>
  );
}
