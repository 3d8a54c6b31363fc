import {
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import type { PolicySummary } from "../policies/types";
import { useCreateAgreement } from "./agreementsApi";
import { audienceKind } from "./audience";
import { ChoicesEditor } from "./ChoicesEditor";
import { type ChoiceItem, choicesProblem, toChoices } from "./choiceItems";
import { type Audience, audiences, type ParentMode, parentModes } from "./types";
import { VersionStatementsPreview } from "./VersionStatementsPreview";

interface Values {
  policyId: string | null;
  title: string;
  audience: Audience | null;
  declaration: string;
  choices: ChoiceItem[];
  parentMode: ParentMode;
}

/** The audience a policy's first audience suggests, e.g. a staff policy → "staff". */
function suggestAudience(policy: PolicySummary): Audience | null {
  return audiences.find((a) => policy.audiences.includes(audienceKind[a])) ?? null;
}

/** `initialPolicyId`: a policy chosen already (from "Make an agreement for this version"). */
export function AgreementForm({
  policies,
  initialPolicyId,
}: {
  policies: PolicySummary[];
  initialPolicyId?: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const published = policies.filter((p) => p.published);
  const preselected = published.find((p) => p.id === initialPolicyId);
  const form = useForm<Values>({
    initialValues: {
      policyId: preselected?.id ?? null,
      title: preselected?.title ?? "",
      audience: preselected ? suggestAudience(preselected) : null,
      declaration: t("agreements.form.defaultDeclaration"),
      choices: [],
      parentMode: "per_child",
    },
    validate: {
      policyId: (v) => (v ? null : t("agreements.form.policyRequired")),
      title: (v) => (v.trim().length >= 3 ? null : t("agreements.form.titleRequired")),
      audience: (v) => (v ? null : t("agreements.form.audienceRequired")),
      declaration: (v) => (v.trim().length >= 10 ? null : t("agreements.form.declarationRequired")),
      choices: (v) => choicesProblem(v, t),
    },
  });
  const policy = published.find((p) => p.id === form.values.policyId);

  const choosePolicy = (id: string | null) => {
    form.setFieldValue("policyId", id);
    const chosen = published.find((p) => p.id === id);
    if (!chosen) return;
    if (!form.values.title.trim()) form.setFieldValue("title", chosen.title);
    if (!form.values.audience) form.setFieldValue("audience", suggestAudience(chosen));
  };

  const submit = form.onSubmit((values) => {
    if (!policy?.published || !values.audience) return;
    create.mutate(
      {
        policyVersionId: policy.published.id,
        title: values.title.trim(),
        audience: values.audience,
        declaration: values.declaration.trim(),
        choices: toChoices(values.choices),
        ...(values.audience === "parents" ? { parentMode: values.parentMode } : {}),
      },
      {
        onSuccess: (agreement) => {
          notifySuccess(t("agreements.form.created", { title: agreement.title }));
          navigate("/agreements");
        },
        onError: (error) => applyFieldErrors(form, error, { policyVersionId: "policyId" }),
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <ErrorAlert error={create.error} />
        {published.length === 0 && <Text>{t("agreements.form.noPublished")}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("agreements.form.policy")}
            description={t("agreements.form.policyHint")}
            data={published.map((p) => ({
              value: p.id,
              label: t("agreements.form.policyOption", { title: p.title, number: p.published?.number }),
            }))}
            searchable
            required
            {...form.getInputProps("policyId")}
            onChange={choosePolicy}
          />
          <Select
            label={t("agreements.form.audience")}
            data={audiences.map((a) => ({ value: a, label: t(`agreements.audiences.${a}`) }))}
            required
            {...form.getInputProps("audience")}
          />
        </SimpleGrid>
        <TextInput label={t("agreements.form.title")} required {...form.getInputProps("title")} />
        {form.values.audience === "parents" && (
          <Radio.Group label={t("agreements.form.parentMode")} {...form.getInputProps("parentMode")}>
            <Stack gap="xs" mt="xs">
              {parentModes.map((mode) => (
                <Radio key={mode} value={mode} label={t(`agreements.form.parentModes.${mode}`)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Stack gap="xs" component="section" aria-labelledby="statements-preview-heading">
          <Title order={2} size="h4" id="statements-preview-heading">
            {t("agreements.form.statements")}
          </Title>
          {policy?.published ? (
            <VersionStatementsPreview policyId={policy.id} versionId={policy.published.id} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("agreements.form.statementsChoosePolicy")}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t("agreements.form.declaration")}
          description={t("agreements.form.declarationHint")}
          autosize
          minRows={3}
          required
          {...form.getInputProps("declaration")}
        />
        <Stack gap="xs" component="section" aria-labelledby="choices-heading">
          <Title order={2} size="h4" id="choices-heading">
            {t("agreements.choices.heading")}
          </Title>
          <Text size="sm">{t("agreements.choices.intro")}</Text>
          <ChoicesEditor
            value={form.values.choices}
            onChange={(items) => form.setFieldValue("choices", items)}
            error={form.errors.choices as string | undefined}
          />
        </Stack>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("agreements.form.create")}
          </Button>
          <Button component={Link} to="/agreements" variant="default">
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
