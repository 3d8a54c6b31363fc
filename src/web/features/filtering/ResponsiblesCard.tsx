import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { AdultPicker } from "../incidents/PeoplePickers";
import type { PersonChoice } from "../incidents/types";
import { fieldErrorsOf } from "../requests/requestsApi";
import { useNameResponsibles } from "./filteringApi";
import type { StatusView } from "./types";

const choice = (p: { id: string; name: string } | null): PersonChoice | null =>
  p ? { id: p.id, name: p.name, detail: null } : null;

/** The senior leader and governor the school names, and (for those who may) a form to change them. */
export function ResponsiblesCard({ status }: { status: StatusView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [leader, setLeader] = useState<PersonChoice | null>(choice(status.leader));
  const [governor, setGovernor] = useState<PersonChoice | null>(choice(status.governor));
  const save = useNameResponsibles();
  const errors = fieldErrorsOf(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { leaderId: leader?.id ?? null, governorId: governor?.id ?? null },
      {
        onSuccess: () => {
          notifySuccess(t("filtering.responsibles.saved"));
          setEditing(false);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="filtering-responsibles">
      <Stack gap="sm">
        <Title order={2} size="h3" id="filtering-responsibles">
          {t("filtering.responsibles.heading")}
        </Title>
        <Text size="sm">{t("filtering.responsibles.intro")}</Text>
        {!editing && (
          <DetailList
            items={[
              {
                label: t("filtering.responsibles.leader"),
                value: status.leader?.name ?? t("filtering.responsibles.notNamed"),
              },
              {
                label: t("filtering.responsibles.governor"),
                value: status.governor?.name ?? t("filtering.responsibles.notNamed"),
              },
            ]}
          />
        )}
        {!editing && status.canRecord && (
          <Group>
            <Button variant="light" onClick={() => setEditing(true)}>
              {t("filtering.responsibles.edit")}
            </Button>
          </Group>
        )}
        {editing && (
          <form noValidate onSubmit={submit}>
            <Stack>
              <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
              <AdultPicker
                label={t("filtering.responsibles.leader")}
                description={t("filtering.responsibles.leaderHint")}
                value={leader}
                onChange={setLeader}
                error={errors.leaderId}
              />
              <AdultPicker
                label={t("filtering.responsibles.governor")}
                description={t("filtering.responsibles.governorHint")}
                value={governor}
                onChange={setGovernor}
                error={errors.governorId}
              />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t("common.save")}
                </Button>
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t("common.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
