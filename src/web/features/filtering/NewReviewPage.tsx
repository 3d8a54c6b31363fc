import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { AdultPicker, AdultsPicker } from "../incidents/PeoplePickers";
import type { PersonChoice } from "../incidents/types";
import { fieldErrorsOf } from "../requests/requestsApi";
import { useFilteringStatus, useRecordReview } from "./filteringApi";
import { type CheckKey, checks, type Trigger, triggers } from "./types";

interface ActionDraft {
  key: number;
  text: string;
  owner: PersonChoice | null;
  dueDate: string;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

let nextKey = 1;
const blankAction = (): ActionDraft => ({ key: nextKey++, text: "", owner: null, dueDate: "" });

/**
 * Recording a review once it has taken place: when and why, who took part, what is in use, the
 * checklist, what was found and the actions. Opened from a filtering incident, it is linked to it.
 */
export function NewReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const incidentId = params.get("incident");
  const status = useFilteringStatus();
  const record = useRecordReview();
  const [reviewedOn, setReviewedOn] = useState(todayInLondon());
  const [trigger, setTrigger] = useState<Trigger>(incidentId ? "incident" : "annual");
  const [participants, setParticipants] = useState<PersonChoice[] | null>(null);
  const [external, setExternal] = useState("");
  const [products, setProducts] = useState("");
  const [checked, setChecked] = useState<Record<CheckKey, { checked: boolean; note: string }>>(
    () => Object.fromEntries(checks.map((k) => [k, { checked: false, note: "" }])) as never,
  );
  const [findings, setFindings] = useState("");
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const errors = fieldErrorsOf(record.error);

  // The named leader and governor usually take part: they start on the list.
  const named = [status.data?.leader, status.data?.governor]
    .filter((p): p is { id: string; name: string } => Boolean(p))
    .map((p) => ({ id: p.id, name: p.name, detail: null }));
  const who = participants ?? named;

  const setAction = (key: number, change: Partial<ActionDraft>) =>
    setActions((all) => all.map((a) => (a.key === key ? { ...a, ...change } : a)));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        reviewedOn,
        trigger,
        participants: who.map((p) => p.id),
        externalParticipants: lines(external),
        products: lines(products),
        checks: checks.map((key) => ({ key, ...checked[key] })),
        findings,
        actions: actions.map((a) => ({ text: a.text, ownerId: a.owner?.id ?? "", dueDate: a.dueDate })),
        ...(incidentId ? { incidentId } : {}),
      },
      {
        onSuccess: (made) => {
          notifySuccess(t("filtering.form.saved"));
          navigate(`/filtering/${made.id}`);
        },
      },
    );
  };

  return (
    <Stack maw={760}>
      <PageTitle>{t("filtering.form.title")}</PageTitle>
      <Text>{t("filtering.form.intro")}</Text>
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={record.error} />
          {incidentId && (
            <Alert variant="light" color="blue">
              {t("filtering.form.incidentLinked")}
            </Alert>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("filtering.form.reviewedOn")}
              required
              value={reviewedOn}
              max={todayInLondon()}
              error={errors.reviewedOn}
              onChange={(e) => setReviewedOn(e.currentTarget.value)}
              miw={200}
            />
            <Select
              label={t("filtering.form.trigger")}
              required
              allowDeselect={false}
              data={triggers.map((k) => ({ value: k, label: t(`filtering.trigger.${k}`) }))}
              value={trigger}
              error={errors.trigger}
              onChange={(v) => v && setTrigger(v as Trigger)}
              miw={200}
            />
          </Group>
          <AdultsPicker
            label={t("filtering.form.participants")}
            description={t("filtering.form.participantsHint")}
            value={who}
            onChange={setParticipants}
          />
          {errors.participants && (
            <Text c="red.9" size="sm">
              {errors.participants}
            </Text>
          )}
          <Textarea
            label={t("filtering.form.external")}
            description={t("filtering.form.externalHint")}
            autosize
            minRows={2}
            value={external}
            error={errors.externalParticipants}
            onChange={(e) => setExternal(e.currentTarget.value)}
          />
          <Textarea
            label={t("filtering.form.products")}
            description={t("filtering.form.productsHint")}
            autosize
            minRows={2}
            value={products}
            error={errors.products}
            onChange={(e) => setProducts(e.currentTarget.value)}
          />
          <Fieldset legend={t("filtering.form.checksHeading")}>
            <Stack gap="md">
              {checks.map((key) => (
                <Paper key={key} withBorder p="sm">
                  <Stack gap="xs">
                    <Checkbox
                      label={t(`filtering.check.${key}`)}
                      checked={checked[key].checked}
                      onChange={(e) => {
                        const value = e.currentTarget.checked;
                        setChecked((all) => ({ ...all, [key]: { ...all[key], checked: value } }));
                      }}
                    />
                    <Textarea
                      aria-label={t("filtering.form.note", { check: t(`filtering.check.${key}`) })}
                      placeholder={t("filtering.form.notePlaceholder")}
                      autosize
                      minRows={1}
                      value={checked[key].note}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setChecked((all) => ({ ...all, [key]: { ...all[key], note: value } }));
                      }}
                    />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Fieldset>
          <Textarea
            label={t("filtering.form.findings")}
            required
            autosize
            minRows={4}
            value={findings}
            error={errors.findings}
            onChange={(e) => setFindings(e.currentTarget.value)}
          />
          <Title order={2} size="h3">
            {t("filtering.form.actionsHeading")}
          </Title>
          {actions.map((a, i) => (
            <Fieldset key={a.key} legend={t("filtering.form.actionLegend", { number: i + 1 })}>
              <Stack gap="sm">
                <Textarea
                  label={t("filtering.form.actionText")}
                  required
                  autosize
                  minRows={1}
                  value={a.text}
                  error={errors[`actions.${i}.text`]}
                  onChange={(e) => setAction(a.key, { text: e.currentTarget.value })}
                />
                <AdultPicker
                  label={t("filtering.form.owner")}
                  value={a.owner}
                  onChange={(owner) => setAction(a.key, { owner })}
                  error={errors[`actions.${i}.ownerId`]}
                />
                <TextInput
                  type="date"
                  label={t("filtering.form.due")}
                  required
                  value={a.dueDate}
                  error={errors[`actions.${i}.dueDate`]}
                  onChange={(e) => setAction(a.key, { dueDate: e.currentTarget.value })}
                  maw={240}
                />
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}
                  >
                    {t("filtering.form.removeAction", { number: i + 1 })}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button variant="light" onClick={() => setActions((all) => [...all, blankAction()])}>
              {t("filtering.form.addAction")}
            </Button>
          </Group>
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t("filtering.form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
