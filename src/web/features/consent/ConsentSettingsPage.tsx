import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { usePersonChoices } from "../people/peopleApi";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { useConsentSettings, usePurposes, useSaveConsentSettings, useUpdatePurpose } from "./consentApi";
import { PurposeDialog } from "./PurposeDialog";
import type { ConsentSettings, PurposeView } from "./types";

/** What the school asks about, on what lawful basis, and who takes images down. */
export function ConsentSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <RouterLink to="/consent">{t("consent.settings.back")}</RouterLink>
      <PageTitle>{t("consent.settings.title")}</PageTitle>
      <Purposes />
      <SettingsForm />
    </Stack>
  );
}

function Purposes() {
  const { t } = useTranslation();
  const purposes = usePurposes();
  const update = useUpdatePurpose();
  const [editing, setEditing] = useState<PurposeView | "new" | null>(null);
  const retire = (p: PurposeView, retired: boolean) =>
    update.mutate(
      { key: p.key, patch: { retired } },
      {
        onSuccess: () =>
          notifySuccess(
            t(retired ? "consent.purposes.retired" : "consent.purposes.restored", { name: p.name }),
          ),
      },
    );
  const columns: Column<PurposeView>[] = [
    {
      header: t("consent.purposes.name"),
      rowHeader: true,
      minWidth: 200,
      cell: (p) => (
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{p.name}</Text>
            {p.retired && (
              <Badge color="gray" size="sm" tt="none">
                {t("consent.purposes.retiredBadge")}
              </Badge>
            )}
          </Group>
          <Text size="sm">{p.description}</Text>
        </Stack>
      ),
    },
    {
      header: t("consent.purposes.basis"),
      minWidth: 220,
      cell: (p) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t(`consent.basis.${p.basis}`)}
          </Text>
          {p.justification && <Text size="sm">{p.justification}</Text>}
        </Stack>
      ),
    },
    {
      header: t("consent.purposes.actions"),
      headerHidden: true,
      minWidth: 180,
      cell: (p) => (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            aria-label={t("consent.purposes.editFor", { name: p.name })}
            onClick={() => setEditing(p)}
          >
            {t("common.edit")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t(p.retired ? "consent.purposes.restoreFor" : "consent.purposes.retireFor", {
              name: p.name,
            })}
            loading={update.isPending && update.variables?.key === p.key}
            onClick={() => retire(p, !p.retired)}
          >
            {t(p.retired ? "consent.purposes.restore" : "consent.purposes.retire")}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t("consent.purposes.heading")}
        </Title>
        <Button onClick={() => setEditing("new")}>{t("consent.purposes.addButton")}</Button>
      </Group>
      <Text size="sm" mb="sm">
        {t("consent.purposes.intro")}
      </Text>
      <ErrorAlert error={purposes.error ?? update.error} />
      {purposes.isPending && <SectionLoader />}
      {purposes.data && <DataTable rows={purposes.data.purposes} columns={columns} />}
      {editing && (
        <PurposeDialog
          key={editing === "new" ? "new" : editing.key}
          purpose={editing === "new" ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

const AGES = Array.from({ length: 11 }, (_, i) => String(8 + i));
const NEVER = "never";

function SettingsForm() {
  const { t } = useTranslation();
  const settings = useConsentSettings();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        {t("consent.settings.heading")}
      </Title>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <SectionLoader />}
      {settings.data && <SettingsFields saved={settings.data} />}
    </Paper>
  );
}

function SettingsFields({ saved }: { saved: ConsentSettings }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const save = useSaveConsentSettings();
  const [age, setAge] = useState<string>(saved.selfAnswerAge === null ? NEVER : String(saved.selfAnswerAge));
  const [askNew, setAskNew] = useState(saved.askNewPupils);
  const [managers, setManagers] = useState<string[]>(saved.imageManagers.map((m) => m.id));
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(saved.imageManagers.map((m) => [m.id, m.name])),
  );
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 250);
  const people = usePersonChoices("staff", query, can(me, "people.read"));
  useEffect(() => {
    const found = people.data?.people ?? [];
    if (found.length > 0)
      setNames((n) => ({ ...n, ...Object.fromEntries(found.map((p) => [p.id, p.name])) }));
  }, [people.data]);
  const options = [
    ...managers.map((id) => ({ value: id, label: names[id] ?? id })),
    ...(people.data?.people ?? [])
      .filter((p) => !managers.includes(p.id))
      .map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            selfAnswerAge: age === NEVER ? null : Number(age),
            askNewPupils: askNew,
            imageManagerIds: managers,
          },
          { onSuccess: () => notifySuccess(t("consent.settings.saved")) },
        );
      }}
    >
      <Stack maw={560}>
        <Select
          label={t("consent.settings.selfAnswerAge")}
          description={t("consent.settings.selfAnswerAgeHint")}
          data={[
            { value: NEVER, label: t("consent.settings.never") },
            ...AGES.map((a) => ({ value: a, label: t("consent.settings.fromAge", { age: a }) })),
          ]}
          value={age}
          allowDeselect={false}
          onChange={(v) => v && setAge(v)}
        />
        <Checkbox
          label={t("consent.settings.askNewPupils")}
          description={t("consent.settings.askNewPupilsHint")}
          checked={askNew}
          onChange={(e) => setAskNew(e.currentTarget.checked)}
        />
        <MultiSelect
          label={t("consent.settings.managers")}
          description={t("consent.settings.managersHint")}
          placeholder={t("policies.fields.personPlaceholder")}
          searchable
          clearable
          data={options}
          value={managers}
          onChange={setManagers}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={people.isFetching ? t("common.loading") : t("policies.fields.nobodyFound")}
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
