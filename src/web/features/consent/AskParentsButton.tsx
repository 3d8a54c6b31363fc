import { Alert, Anchor, Box, Checkbox, List, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { paperFormsHref, useRequestPlan, useSendRequest } from "./consentApi";
import { groupLabel } from "./GroupPicker";
import type { PupilGroup, PurposeView, RequestInput, RequestPlan } from "./types";

/** A date `days` after today in London, as YYYY-MM-DD (the links last at least 14 days). */
function daysFromToday(days: number): string {
  const date = new Date(`${todayInLondon()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type Who = "group" | "school";

/**
 * Email each carer with parental responsibility a link to answer for their children. Before
 * anything goes, the dialog says how many links and which children need a paper form instead.
 */
export function AskParentsButton({ purposes, group }: { purposes: PurposeView[]; group: PupilGroup }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [keys, setKeys] = useState<string[]>(() => purposes.map((p) => p.key));
  const [who, setWho] = useState<Who>(group.class || group.yearGroup ? "group" : "school");
  const [dueDate, setDueDate] = useState(() => daysFromToday(28));
  const [error, setError] = useState<string | null>(null);
  const body: RequestInput = {
    purposeKeys: keys,
    dueDate,
    ...(who === "group" && group.class ? { classes: [group.class] } : {}),
    ...(who === "group" && group.yearGroup ? { yearGroups: [group.yearGroup] } : {}),
  };
  const [asked] = useDebouncedValue(body, 300);
  const ready = opened && asked.purposeKeys!.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(asked.dueDate);
  const plan = useRequestPlan(ready ? asked : null);
  const send = useSendRequest();

  return (
    <ConfirmButton
      onOpenChange={(open) => {
        setOpened(open);
        if (open) setKeys(purposes.map((p) => p.key));
      }}
      size="lg"
      title={t("consent.ask.title")}
      body={
        <>
          <Text size="sm">{t("consent.ask.explain")}</Text>
          <Checkbox.Group label={t("consent.ask.purposes")} value={keys} onChange={setKeys} error={error}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs">
              {purposes.map((p) => (
                <Checkbox key={p.key} value={p.key} label={p.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Radio.Group label={t("consent.ask.who")} value={who} onChange={(v) => setWho(v as Who)}>
            <Stack gap="xs" mt="xs">
              {(group.class || group.yearGroup) && (
                <Radio value="group" label={t("consent.ask.whoGroup", { group: groupLabel(t, group) })} />
              )}
              <Radio value="school" label={t("consent.ask.whoSchool")} />
            </Stack>
          </Radio.Group>
          <TextInput
            label={t("consent.ask.dueDate")}
            description={t("consent.ask.dueDateHint")}
            type="date"
            required
            min={daysFromToday(14)}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          {plan.data && <PlanSummary plan={plan.data} group={who === "group" ? group : {}} />}
        </>
      }
      confirm={t("consent.ask.confirm")}
      pending={send.isPending}
      error={send.error ?? plan.error}
      onConfirm={(close) => {
        if (keys.length === 0) {
          setError(t("consent.ask.purposesRequired"));
          return;
        }
        setError(null);
        send.mutate(body, {
          onSuccess: ({ sent, delivery }) => {
            close();
            notifySuccess(
              t(delivery === "outbox" ? "consent.ask.queued" : "consent.ask.done", { count: sent }),
            );
          },
        });
      }}
    >
      {t("consent.ask.button")}
    </ConfirmButton>
  );
}

function PlanSummary({ plan, group }: { plan: RequestPlan; group: PupilGroup }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status">
        {t("consent.ask.willSend", {
          count: plan.sent,
          pupils: t("consent.ask.pupils", { count: plan.pupils }),
        })}
      </Text>
      {plan.delivery === "outbox" && (
        <Alert color="yellow" p="xs">
          <Text size="sm">{t("consent.ask.outbox")}</Text>
        </Alert>
      )}
      {plan.unreachable.length > 0 && (
        <Box>
          <Text size="sm" fw={600}>
            {t("consent.ask.unreachable", { count: plan.unreachable.length })}
          </Text>
          <Box
            role="region"
            aria-label={t("consent.ask.unreachable", { count: plan.unreachable.length })}
            tabIndex={0}
            mah={160}
            style={{ overflowY: "auto" }}
            mt={4}
          >
            <List size="sm" spacing={2}>
              {plan.unreachable.map((p) => (
                <List.Item key={p.id}>{p.regGroup ? `${p.name} (${p.regGroup})` : p.name}</List.Item>
              ))}
            </List>
          </Box>
          <Text size="sm" mt="xs">
            {t("consent.ask.paperExplain")}{" "}
            {group.class && (
              <Anchor href={paperFormsHref({ class: group.class })} download>
                {t("consent.ask.paperForms", { group: group.class })}
              </Anchor>
            )}
          </Text>
        </Box>
      )}
    </Stack>
  );
}
