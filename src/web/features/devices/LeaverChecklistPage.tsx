import {
  ActionIcon,
  Badge,
  Blockquote,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import {
  useChangeLeaverSystems,
  useLeaverChecklist,
  useLeaverSystems,
  useTickLeaverItem,
} from "./devicesApi";
import { type DeviceType, deviceTypes, type LeaverItem } from "./types";

/** The systems every school starts with have Welsh names; a school's own are shown as typed. */
const DEFAULT_SYSTEMS = ["email", "network", "mis"] as const;

/** The item in the language shown, from the parts the server sends with its English label. */
function itemLabel(t: TFunction, item: LeaverItem): string {
  switch (item.kind) {
    case "device_return":
      return t("devices.leaver.returnDevice", {
        tag: item.assetTag,
        type: (deviceTypes as readonly string[]).includes(item.deviceType ?? "")
          ? t(`devices.type.${item.deviceType as DeviceType}`)
          : item.deviceType,
      });
    case "logon_disabled":
      return (DEFAULT_SYSTEMS as readonly string[]).includes(item.systemKey ?? "")
        ? t(`devices.leaver.logon.${item.systemKey as (typeof DEFAULT_SYSTEMS)[number]}`)
        : t("devices.leaver.logonOwn", { system: item.systemName });
    case "social_admin":
      return t("devices.leaver.socialAccount", { platform: item.platform, handle: item.handle ?? "" }).trim();
    case "permission_ended":
      return t("devices.leaver.permission", { type: item.requestType });
  }
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Text component="h2" fw={700} size="lg" id={id} m={0}>
          {title}
        </Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

const listStyle = { listStyle: "none" } as const;

/** What must happen when someone leaves: every device back, every logon disabled. */
export function LeaverChecklistPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: me } = useMe();
  const list = useLeaverChecklist(id);
  const tick = useTickLeaverItem(id);
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  if (list.isPending) return <SectionLoader />;
  if (list.error)
    return (
      <Stack>
        <PageTitle>{t("devices.leaver.titlePlain")}</PageTitle>
        <ErrorAlert error={list.error} />
      </Stack>
    );
  const { person, items, agreed } = list.data;
  const done = items.filter((i) => i.done).length;
  const of = (kind: LeaverItem["kind"]) => items.filter((i) => i.kind === kind);
  // Shown ticked (or unticked) the moment it is clicked, while it is saved; a failure puts it back
  // and says why. Local state, not the mutation's, so the box changes within the click itself.
  const shown = (item: LeaverItem) => optimistic[item.key] ?? item.done;
  const change = (item: LeaverItem, done: boolean) => {
    setOptimistic((o) => ({ ...o, [item.key]: done }));
    tick.mutate(
      { key: item.key, done },
      { onSettled: () => setOptimistic(({ [item.key]: _, ...rest }) => rest) },
    );
  };

  const tickBox = (item: LeaverItem, extra?: ReactNode) => (
    <li key={item.key}>
      <Checkbox
        label={itemLabel(t, item)}
        description={
          <>
            {item.doneAt && t("devices.leaver.tickedAt", { at: formatDateTime(item.doneAt) })}
            {extra}
          </>
        }
        checked={shown(item)}
        onChange={(e) => change(item, e.currentTarget.checked)}
      />
    </li>
  );

  return (
    <Stack maw={720}>
      {can(me, "people.read") && (
        <RouterLink to={`/people/${person.id}`} size="sm">
          {t("devices.leaver.back", { name: person.name })}
        </RouterLink>
      )}
      <PageTitle>{t("devices.leaver.title", { name: person.name })}</PageTitle>
      <Text>
        {person.leaveDate
          ? t("devices.leaver.leaves", { date: formatDate(person.leaveDate) })
          : t("devices.leaver.noLeaveDate")}
      </Text>
      <Stack gap={4}>
        <Text fw={600} role="status">
          {t("devices.leaver.progress", { done, count: items.length })}
        </Text>
        <Progress value={items.length ? (done / items.length) * 100 : 0} aria-hidden />
      </Stack>
      <ErrorAlert error={tick.error} />

      <Section
        id="leaver-devices"
        title={t("devices.leaver.devicesHeading")}
        hint={t("devices.leaver.devicesHint")}
      >
        {of("device_return").length === 0 ? (
          <Text>{t("devices.leaver.noDevices")}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={listStyle}>
            {of("device_return").map((item) => (
              <Group key={item.key} component="li" justify="space-between" wrap="nowrap" gap="sm">
                <RouterLink to={`/devices/${item.deviceId}`}>{itemLabel(t, item)}</RouterLink>
                <Badge
                  color={item.done ? "#237032" : "#b34700"}
                  variant="filled"
                  style={{ textTransform: "none", flexShrink: 0 }}
                >
                  {item.done ? t("devices.leaver.returned") : t("devices.leaver.stillHeld")}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
        {agreed.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t("duties.leaver.heading")}
            </Text>
            {agreed.map((a) => (
              <Blockquote key={`${a.agreementId}:${a.statement}`} p="xs" color="gray" fz="sm">
                {a.statement}
                <Text size="xs" c="dimmed" mt={4}>
                  {t("duties.leaver.signed", { agreement: a.agreement, date: formatDate(a.signedAt) })}
                </Text>
              </Blockquote>
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="leaver-logons"
        title={t("devices.leaver.logonsHeading")}
        hint={t("devices.leaver.logonsHint")}
      >
        <Stack gap="sm" component="ul" p={0} m={0} style={listStyle}>
          {of("logon_disabled").map((item) => tickBox(item))}
        </Stack>
        <SystemsEditor personId={person.id} />
      </Section>

      <Section
        id="leaver-social"
        title={t("devices.leaver.socialHeading")}
        hint={t("devices.leaver.socialHint")}
      >
        {of("social_admin").length === 0 ? (
          <Text>{t("devices.leaver.noSocial")}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={listStyle}>
            {of("social_admin").map((item) => (
              <Stack key={item.key} component="li" gap={2}>
                <RouterLink to="/requests/social-accounts">{itemLabel(t, item)}</RouterLink>
                <Text size="sm" c={item.otherAdmins ? "dimmed" : "red.9"}>
                  {item.otherAdmins
                    ? t("devices.leaver.otherAdmins", { count: item.otherAdmins })
                    : t("devices.leaver.onlyAdmin")}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="leaver-permissions"
        title={t("devices.leaver.permissionsHeading")}
        hint={t("devices.leaver.permissionsHint")}
      >
        {of("permission_ended").length === 0 ? (
          <Text>{t("devices.leaver.noPermissions")}</Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={listStyle}>
            {of("permission_ended").map((item) =>
              tickBox(
                item,
                <RouterLink to={`/requests/${item.requestId}`} size="sm" display="block">
                  {t("devices.leaver.openPermission")}
                </RouterLink>,
              ),
            )}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

/** The school's own list of systems to disable, kept from any leaver's checklist. */
function SystemsEditor({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const systems = useLeaverSystems(open);
  const change = useChangeLeaverSystems(personId);
  if (!open)
    return (
      <Button variant="subtle" onClick={() => setOpen(true)} style={{ alignSelf: "flex-start" }}>
        {t("devices.leaver.editSystems")}
      </Button>
    );
  const systemName = (s: { key: string; name: string }) =>
    (DEFAULT_SYSTEMS as readonly string[]).includes(s.key)
      ? t(`devices.leaver.system.${s.key as (typeof DEFAULT_SYSTEMS)[number]}`)
      : s.name;
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        {t("devices.leaver.systemsLegend")}
      </Text>
      <ErrorAlert error={systems.error ?? change.error} />
      <Stack gap={4} component="ul" p={0} m={0} style={listStyle}>
        {(systems.data?.systems ?? []).map((s) => (
          <Group key={s.key} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text>{systemName(s)}</Text>
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={t("devices.leaver.retireSystem", { system: systemName(s) })}
              onClick={() => change.mutate({ retire: s.key })}
              disabled={change.isPending}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) change.mutate({ add: name.trim() }, { onSuccess: () => setName("") });
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t("devices.leaver.addSystem")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: "1 1 12rem" }}
          />
          <Button type="submit" loading={change.isPending}>
            {t("devices.leaver.addButton")}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
