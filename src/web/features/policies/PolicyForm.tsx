import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Kind } from "../../../modules/access/roles";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PersonPicker } from "./PersonPicker";
import {
  audienceKinds,
  type PolicyDetail,
  type PolicyPayload,
  type ReviewFrequency,
  reviewFrequencies,
} from "./types";

export interface PolicyFormValues {
  title: string;
  category: string;
  audiences: Kind[];
  ownerPersonId: string | null;
  governorPersonId: string | null;
  reviewFrequency: string | null;
  nextReviewDue: string;
}

export function toFormValues(policy?: PolicyDetail): PolicyFormValues {
  return {
    title: policy?.title ?? "",
    category: policy?.category ?? "",
    audiences: policy?.audiences ?? [],
    ownerPersonId: policy?.ownerPersonId ?? null,
    governorPersonId: policy?.governorPersonId ?? null,
    reviewFrequency: policy?.reviewFrequency ?? null,
    nextReviewDue: policy?.nextReviewDue ?? "",
  };
}

function toPayload(values: PolicyFormValues): PolicyPayload {
  return {
    title: values.title.trim(),
    category: values.category.trim() || null,
    audiences: values.audiences,
    ownerPersonId: values.ownerPersonId || null,
    governorPersonId: values.governorPersonId || null,
    reviewFrequency: (values.reviewFrequency as ReviewFrequency | null) || null,
    nextReviewDue: values.nextReviewDue.trim() || null,
  };
}

interface Props {
  policy?: PolicyDetail;
  save: UseMutationResult<PolicyDetail, Error, PolicyPayload>;
  cancelTo: string;
  submitLabel: string;
}

export function PolicyForm({ policy, save, cancelTo, submitLabel }: Props) {
  const { t } = useTranslation();
  const [names, setNames] = useState({
    owner: policy?.ownerName ?? null,
    governor: policy?.governorName ?? null,
  });
  const form = useForm<PolicyFormValues>({
    initialValues: toFormValues(policy),
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : t("policies.validation.title")),
      audiences: (v) => (v.length > 0 ? null : t("policies.validation.audiences")),
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
          <TextInput label={t("policies.fields.title")} required {...form.getInputProps("title")} />
          <TextInput
            label={t("policies.fields.category")}
            description={t("policies.fields.categoryHint")}
            {...form.getInputProps("category")}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t("policies.fields.audiences")}
          withAsterisk
          {...form.getInputProps("audiences")}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="xs">
            {audienceKinds.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`people.kinds.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PersonPicker
            label={t("policies.fields.owner")}
            kind="staff"
            value={form.values.ownerPersonId}
            currentName={names.owner}
            onChange={(id, name) => {
              form.setFieldValue("ownerPersonId", id);
              setNames((n) => ({ ...n, owner: name }));
            }}
            error={form.errors.ownerPersonId as string | undefined}
          />
          <PersonPicker
            label={t("policies.fields.governor")}
            kind="governor"
            value={form.values.governorPersonId}
            currentName={names.governor}
            onChange={(id, name) => {
              form.setFieldValue("governorPersonId", id);
              setNames((n) => ({ ...n, governor: name }));
            }}
            error={form.errors.governorPersonId as string | undefined}
          />
          <Select
            label={t("policies.fields.reviewFrequency")}
            data={reviewFrequencies.map((f) => ({ value: f, label: t(`policies.frequency.${f}`) }))}
            clearable
            {...form.getInputProps("reviewFrequency")}
          />
          <TextInput
            label={t("policies.fields.nextReviewDue")}
            type="date"
            {...form.getInputProps("nextReviewDue")}
          />
        </SimpleGrid>
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
