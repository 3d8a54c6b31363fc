import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { ownSubmit } from "../../ui/ownSubmit";
import { PageTitle } from "../../ui/PageTitle";
import { ReasonDialog } from "../../ui/ReasonDialog";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import {
  type DueRecordView,
  type RetentionRuleView,
  useKeepRecord,
  useRemoveRecord,
  useRetentionQueue,
  useRetentionRules,
  useSetRetentionRule,
} from "./privacyApi";

/** "25 years", "6 months": a period as the school says it. */
function usePeriod() {
  const { t } = useTranslation();
  return (months: number) =>
    months % 12 === 0
      ? t("privacy.retention.years", { count: months / 12 })
      : t("privacy.retention.months", { count: months });
}

function RuleEditor({ rule, onClose }: { rule: RetentionRuleView; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetRetentionRule();
  const form = useForm({
    initialValues: {
      periodMonths: rule.periodMonths,
      retirementAge: rule.retirementAge ?? 67,
      basis: rule.basis,
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        recordType: rule.recordType,
        periodMonths: Number(values.periodMonths),
        retirementAge: rule.recordType === "staff_allegation" ? Number(values.retirementAge) : null,
        basis: values.basis,
      },
      {
        onSuccess: () => {
          notifySuccess(t("privacy.retention.ruleSaved"));
          onClose();
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t(`privacy.retention.types.${rule.recordType}`)}>
      <form noValidate onSubmit={ownSubmit(submit)}>
        <Stack>
          <ErrorAlert error={save.error} />
          <NumberInput
            label={t("privacy.retention.periodMonths")}
            min={1}
            max={1200}
            {...form.getInputProps("periodMonths")}
          />
          {rule.recordType === "staff_allegation" && (
            <NumberInput
              label={t("privacy.retention.retirementAge")}
              min={55}
              max={75}
              {...form.getInputProps("retirementAge")}
            />
          )}
          <Textarea
            label={t("privacy.retention.basis")}
            autosize
            minRows={3}
            required
            {...form.getInputProps("basis")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function KeepDialog({ record, onClose }: { record: DueRecordView; onClose: () => void }) {
  const { t } = useTranslation();
  const keep = useKeepRecord();
  const form = useForm({
    initialValues: { keepUntil: "", reason: "" },
    validate: {
      keepUntil: (v) => (v > todayInLondon() ? null : t("privacy.retention.keepUntilFuture")),
      reason: (v) => (v.trim().length >= 3 ? null : t("privacy.retention.reasonRequired")),
    },
  });
  const submit = form.onSubmit((values) =>
    keep.mutate(
      {
        recordType: record.recordType,
        recordId: record.recordId,
        keepUntil: values.keepUntil,
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          notifySuccess(t("privacy.retention.kept", { label: record.label }));
          onClose();
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t("privacy.retention.keepTitle", { label: record.label })}>
      <form noValidate onSubmit={ownSubmit(submit)}>
        <Stack>
          <Text size="sm">{t("privacy.retention.keepExplain")}</Text>
          <ErrorAlert error={keep.error} />
          <TextInput
            type="date"
            label={t("privacy.retention.keepUntil")}
            required
            {...form.getInputProps("keepUntil")}
          />
          <Textarea
            label={t("privacy.retention.keepReason")}
            autosize
            minRows={2}
            required
            {...form.getInputProps("reason")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={keep.isPending}>
              {t("privacy.retention.keep")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Queue() {
  const { t } = useTranslation();
  const queue = useRetentionQueue(true);
  const remove = useRemoveRecord();
  const [removing, setRemoving] = useState<DueRecordView | null>(null);
  const [keeping, setKeeping] = useState<DueRecordView | null>(null);
  if (queue.isPending) return <SectionLoader />;
  if (queue.error) return <ErrorAlert error={queue.error} />;
  const records = queue.data.records;
  return (
    <>
      {records.length === 0 ? (
        <Text c="dimmed">{t("privacy.retention.queueEmpty")}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {records.map((r) => (
            <Paper key={r.recordId} withBorder p="sm" component="li">
              <Stack gap={4}>
                <Text fw={600}>{r.label}</Text>
                <Text size="sm" c="dimmed">
                  {t(`privacy.retention.types.${r.recordType}`)}
                  {r.personName ? ` · ${r.personName}` : ""}
                </Text>
                <Text size="sm">
                  {t(`privacy.retention.from.${r.from}`, { date: formatDate(r.fromDate) })}.{" "}
                  {t("privacy.retention.dueOn")}: {formatDate(r.dueOn)}
                </Text>
                {r.keptUntil && (
                  <Badge variant="light">
                    {t("privacy.retention.keptUntilPassed", { date: formatDate(r.keptUntil) })}
                  </Badge>
                )}
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => setRemoving(r)}
                    aria-label={t("privacy.retention.deleteLabel", { label: r.label })}
                  >
                    {t("privacy.retention.delete")}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setKeeping(r)}
                    aria-label={t("privacy.retention.keepLabel", { label: r.label })}
                  >
                    {t("privacy.retention.keepUntilButton")}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <ReasonDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("privacy.retention.deleteTitle", { label: removing?.label ?? "" })}
        explain={t("privacy.retention.deleteExplain")}
        label={t("privacy.retention.deleteReason")}
        requiredMessage={t("privacy.retention.reasonRequired")}
        confirm={t("privacy.retention.deleteConfirm")}
        pending={remove.isPending}
        error={remove.error}
        onReason={(reason) =>
          removing &&
          remove.mutate(
            { recordType: removing.recordType, recordId: removing.recordId, reason },
            {
              onSuccess: () => {
                notifySuccess(t("privacy.retention.deleted", { label: removing.label }));
                setRemoving(null);
              },
            },
          )
        }
      />
      {keeping && <KeepDialog record={keeping} onClose={() => setKeeping(null)} />}
    </>
  );
}

/** Retention: the school's rules with their basis, and (for the DPO) the records due for review. */
export function RetentionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const rules = useRetentionRules();
  const period = usePeriod();
  const [editing, setEditing] = useState<RetentionRuleView | null>(null);
  const reviews = me.data ? can(me.data, "retention.review") : false;
  return (
    <Stack maw={1000}>
      <PageTitle>{t("privacy.retention.title")}</PageTitle>
      <Text>{t("privacy.retention.intro")}</Text>
      {reviews && (
        <Paper withBorder p="md" component="section" aria-labelledby="retention-queue">
          <Stack gap="sm">
            <Title order={2} size="h3" id="retention-queue">
              {t("privacy.retention.queueHeading")}
            </Title>
            <Text size="sm">{t("privacy.retention.queueIntro")}</Text>
            <Queue />
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="retention-rules">
        <Stack gap="sm">
          <Title order={2} size="h3" id="retention-rules">
            {t("privacy.retention.rulesHeading")}
          </Title>
          {rules.isPending ? (
            <SectionLoader />
          ) : rules.error ? (
            <ErrorAlert error={rules.error} />
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {rules.data.rules.map((rule) => (
                <Paper key={rule.recordType} withBorder p="sm" component="li">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600}>{t(`privacy.retention.types.${rule.recordType}`)}</Text>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(rule)}
                        aria-label={t("privacy.retention.editLabel", {
                          type: t(`privacy.retention.types.${rule.recordType}`),
                        })}
                      >
                        {t("privacy.retention.edit")}
                      </Button>
                    </Group>
                    <Group gap="xs">
                      <Text size="sm">
                        {t("privacy.retention.keptFor")}:{" "}
                        {t(`privacy.retention.rule.${rule.recordType}`, {
                          period: period(rule.periodMonths),
                          age: rule.retirementAge ?? "",
                        })}
                      </Text>
                      {!rule.changed && (
                        <Badge variant="light" color="gray">
                          {t("privacy.retention.default")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t("privacy.retention.basis")}: {rule.basis}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      {editing && <RuleEditor rule={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
