import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PersonPicker } from "../policies/PersonPicker";
import { type Person, type PersonDetail, personKinds } from "./types";

export interface PersonFormValues {
  givenName: string;
  familyName: string;
  kinds: string[];
  email: string;
  phone: string;
  jobTitle: string;
  department: string;
  yearGroup: string;
  regGroup: string;
  startDate: string;
  lineManagerId: string | null;
  /** The chosen line manager's name, for the picker to show; not sent. */
  lineManagerName: string | null;
}

export type PersonPayload = Omit<
  PersonFormValues,
  "email" | "phone" | "jobTitle" | "department" | "yearGroup" | "regGroup" | "startDate" | "lineManagerName"
> & {
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  department: string | null;
  yearGroup: string | null;
  regGroup: string | null;
  startDate: string | null;
};

export function toFormValues(person?: PersonDetail): PersonFormValues {
  return {
    givenName: person?.givenName ?? "",
    familyName: person?.familyName ?? "",
    kinds: person?.kinds ?? [],
    email: person?.email ?? "",
    phone: person?.phone ?? "",
    jobTitle: person?.jobTitle ?? "",
    department: person?.department ?? "",
    yearGroup: person?.yearGroup ?? "",
    regGroup: person?.regGroup ?? "",
    startDate: person?.startDate ?? "",
    lineManagerId: person?.lineManager?.id ?? null,
    lineManagerName: person?.lineManager?.name ?? null,
  };
}

// Empty optional fields are sent as null so the server can clear them.
function toPayload(values: PersonFormValues): PersonPayload {
  const optional = (v: string) => (v.trim() === "" ? null : v.trim());
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    kinds: values.kinds,
    email: optional(values.email),
    phone: optional(values.phone),
    jobTitle: optional(values.jobTitle),
    department: optional(values.department),
    yearGroup: optional(values.yearGroup),
    regGroup: optional(values.regGroup),
    startDate: optional(values.startDate),
    lineManagerId: values.lineManagerId,
  };
}

/** People who work at the school have a line manager; pupils, parents and visitors do not. */
const MANAGED_KINDS = new Set(["staff", "supply", "student_teacher", "volunteer"]);

interface Props {
  initialValues: PersonFormValues;
  save: UseMutationResult<Person, Error, PersonPayload>;
  cancelTo: string;
  submitLabel: string;
}

export function PersonForm({ initialValues, save, cancelTo, submitLabel }: Props) {
  const { t } = useTranslation();
  const form = useForm<PersonFormValues>({
    initialValues,
    validate: {
      givenName: (v) => (v.trim() ? null : t("validation.required")),
      kinds: (v) => (v.length > 0 ? null : t("validation.kindRequired")),
      email: (v) => (v.trim() === "" || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("validation.email")),
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(toPayload(values), { onError: (error) => applyFieldErrors(form, error) }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("fields.givenName")} required {...form.getInputProps("givenName")} />
          <TextInput
            label={t("fields.familyName")}
            description={t("fields.familyNameHint")}
            {...form.getInputProps("familyName")}
          />
        </SimpleGrid>
        <Checkbox.Group label={t("fields.kinds")} withAsterisk {...form.getInputProps("kinds")}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="xs">
            {personKinds.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`people.kinds.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("fields.email")} type="email" {...form.getInputProps("email")} />
          <TextInput label={t("fields.phone")} type="tel" {...form.getInputProps("phone")} />
          <TextInput label={t("fields.jobTitle")} {...form.getInputProps("jobTitle")} />
          <TextInput label={t("fields.department")} {...form.getInputProps("department")} />
          <TextInput label={t("fields.yearGroup")} {...form.getInputProps("yearGroup")} />
          <TextInput label={t("fields.regGroup")} {...form.getInputProps("regGroup")} />
          <TextInput label={t("fields.startDate")} type="date" {...form.getInputProps("startDate")} />
        </SimpleGrid>
        {form.values.kinds.some((k) => MANAGED_KINDS.has(k)) && (
          <div>
            <PersonPicker
              label={t("fields.lineManager")}
              kind="staff"
              value={form.values.lineManagerId}
              currentName={form.values.lineManagerName}
              onChange={(id, name) => form.setValues({ lineManagerId: id, lineManagerName: name })}
              error={form.errors.lineManagerId as string | undefined}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t("fields.lineManagerHint")}
            </Text>
          </div>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
