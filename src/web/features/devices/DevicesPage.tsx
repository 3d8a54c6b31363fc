import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PagePicker } from "../../ui/PagePicker";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AgreementSettingsButton } from "./AgreementSettingsButton";
import { CheckoutButton } from "./CheckoutButton";
import { DeviceFormButton } from "./DeviceFormButton";
import { DeviceStatusBadge } from "./DeviceStatusBadge";
import { type DeviceFilters, labelsHref, PAGE_SIZE, useDevices } from "./devicesApi";
import { HolderText, SafeguardsText } from "./HolderText";
import { type Device, type DeviceStatus, type DeviceType, deviceStatuses, deviceTypes } from "./types";

function useFilters(): [DeviceFilters, (changes: Partial<DeviceFilters>) => void] {
  // The filters live in the address bar, so a filtered register can be bookmarked or shared.
  const [params, setParams] = useSearchParams();
  const filters: DeviceFilters = {
    q: params.get("q") ?? "",
    status: (params.get("status") ?? "") as DeviceStatus | "",
    type: (params.get("type") ?? "") as DeviceType | "",
    page: Math.max(1, Number(params.get("page")) || 1),
  };
  const change = (changes: Partial<DeviceFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set("q", next.q);
    if (next.status) search.set("status", next.status);
    if (next.type) search.set("type", next.type);
    if (next.page > 1) search.set("page", String(next.page));
    setParams(search, { replace: true });
  };
  return [filters, change];
}

/** The device register: every school device, who has it, and what to do with several at once. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = can(me, "devices.manage");
  const [filters, change] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the person typing
  useEffect(() => {
    if (debounced !== filters.q) change({ q: debounced });
  }, [debounced]);
  const list = useDevices(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const devices = list.data?.devices ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const any = { value: "", label: t("common.any") };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const allOnPage = devices.length > 0 && devices.every((d) => selected.includes(d.id));
  const someOnPage = devices.some((d) => selected.includes(d.id));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t("devices.register.title")}</PageTitle>
        {manage && (
          <Group gap="sm">
            <DeviceFormButton />
            <Button component={RouterLink} to="/devices/import" variant="default">
              {t("devices.register.import")}
            </Button>
            <AgreementSettingsButton />
          </Group>
        )}
      </Group>
      <Text>{t("devices.register.intro")}</Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("devices.register.search")}
            description={t("devices.register.searchHint")}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t("devices.register.status")}
            data={[any, ...deviceStatuses.map((s) => ({ value: s, label: t(`devices.status.${s}`) }))]}
            value={filters.status}
            onChange={(v) => change({ status: (v ?? "") as DeviceStatus | "" })}
            allowDeselect={false}
          />
          <Select
            label={t("devices.register.type")}
            data={[any, ...deviceTypes.map((s) => ({ value: s, label: t(`devices.type.${s}`) }))]}
            value={filters.type}
            onChange={(v) => change({ type: (v ?? "") as DeviceType | "" })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Paper>
      {manage && (
        <Paper withBorder p="sm" aria-label={t("devices.register.selectionLabel")} component="section">
          <Group justify="space-between" gap="sm">
            <Text size="sm" role="status">
              {t("devices.register.selected", { count: selected.length })}
            </Text>
            <Group gap="sm">
              {selected.length > 0 && (
                <Button variant="subtle" onClick={() => setSelected([])}>
                  {t("devices.register.clearSelection")}
                </Button>
              )}
              <Button
                component="a"
                variant="default"
                href={labelsHref(selected)}
                target="_blank"
                rel="noopener"
                disabled={selected.length === 0}
                aria-disabled={selected.length === 0}
                onClick={(e) => selected.length === 0 && e.preventDefault()}
              >
                {t("devices.register.labels")}
              </Button>
              {selected.length > 0 && <CheckoutButton deviceIds={selected} onDone={() => setSelected([])} />}
            </Group>
          </Group>
        </Paper>
      )}
      <ErrorAlert error={list.error} />
      {list.isPending && <SectionLoader />}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">
            {t("devices.register.total", { count: list.data.total })}
          </Text>
          <RegisterTable
            devices={devices}
            selectable={manage}
            selected={selected}
            onToggle={toggle}
            allOnPage={allOnPage}
            someOnPage={someOnPage}
            onToggleAll={(on) =>
              setSelected((s) =>
                on
                  ? [...new Set([...s, ...devices.map((d) => d.id)])]
                  : s.filter((id) => !devices.some((d) => d.id === id)),
              )
            }
            filtered={Boolean(filters.q || filters.status || filters.type)}
          />
          {pages > 1 && (
            <PagePicker total={pages} value={filters.page} onChange={(page) => change({ page })} />
          )}
        </>
      )}
    </Stack>
  );
}

interface TableProps {
  devices: Device[];
  selectable: boolean;
  selected: string[];
  onToggle: (id: string, on: boolean) => void;
  allOnPage: boolean;
  someOnPage: boolean;
  onToggleAll: (on: boolean) => void;
  filtered: boolean;
}

function RegisterTable(props: TableProps) {
  const { t } = useTranslation();
  const { devices, selectable, selected, onToggle } = props;
  const pick = (d: Device) => (
    <Checkbox
      aria-label={t("devices.register.select", { tag: d.assetTag })}
      checked={selected.includes(d.id)}
      onChange={(e) => onToggle(d.id, e.currentTarget.checked)}
    />
  );
  const columns: Column<Device>[] = [
    ...(selectable
      ? [
          {
            key: "select",
            width: 40,
            header: (
              <Checkbox
                aria-label={t("devices.register.selectAll")}
                checked={props.allOnPage}
                indeterminate={props.someOnPage && !props.allOnPage}
                onChange={(e) => props.onToggleAll(e.currentTarget.checked)}
              />
            ),
            cell: pick,
          },
        ]
      : []),
    {
      header: t("devices.fields.assetTag"),
      rowHeader: true,
      cell: (d) => <RouterLink to={`/devices/${d.id}`}>{d.assetTag}</RouterLink>,
    },
    { header: t("devices.fields.type"), cell: (d) => t(`devices.type.${d.type}`) },
    { header: t("devices.fields.makeModel"), cell: (d) => d.makeModel ?? "" },
    { header: t("devices.fields.status"), cell: (d) => <DeviceStatusBadge status={d.status} /> },
    { header: t("devices.fields.holder"), cell: (d) => <HolderText holder={d.holder} /> },
    { header: t("devices.fields.safeguards"), minWidth: 150, cell: (d) => <SafeguardsText device={d} /> },
  ];
  const card = (d: Device) => (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {selectable && pick(d)}
          <Stack gap={0}>
            <RouterLink to={`/devices/${d.id}`} fw={600}>
              {d.assetTag}
            </RouterLink>
            <Text size="sm" c="dimmed">
              {[t(`devices.type.${d.type}`), d.makeModel].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </Group>
        <DeviceStatusBadge status={d.status} />
      </Group>
      <HolderText holder={d.holder} />
      <SafeguardsText device={d} />
    </Stack>
  );
  return (
    <DataTable
      rows={devices}
      columns={columns}
      card={card}
      striped
      empty={<Text>{t(props.filtered ? "devices.register.noMatch" : "devices.register.empty")}</Text>}
    />
  );
}
