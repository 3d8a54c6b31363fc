import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatShortDate } from "../../ui/format";
import type { Device } from "./types";

/** Who has a device (a person or a class), and for a loan when it is due back; overdue said in words. */
export function HolderText({ holder }: { holder: Device["holder"] }) {
  const { t } = useTranslation();
  if (!holder)
    return (
      <Text size="sm" c="dimmed">
        {t("devices.holder.none")}
      </Text>
    );
  const who = holder.name ?? t("devices.holder.class", { class: holder.class ?? "" });
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{who}</Text>
      {holder.dueDate && (
        <Text size="xs" c={holder.overdue ? "red.9" : "dimmed"} fw={holder.overdue ? 600 : undefined}>
          {t("devices.holder.due", { date: formatShortDate(holder.dueDate) })}
        </Text>
      )}
      {holder.overdue && (
        <Badge color="red.9" variant="filled" size="sm" style={{ textTransform: "none" }}>
          {t("devices.holder.overdue")}
        </Badge>
      )}
    </Stack>
  );
}

/** Encrypted, PIN set, labelled: each said as what it is or is not. */
export function SafeguardsText({ device }: { device: Device }) {
  const { t } = useTranslation();
  const marks = [
    device.encrypted ? t("devices.safeguards.encrypted") : t("devices.safeguards.notEncrypted"),
    device.pinSet ? t("devices.safeguards.pin") : t("devices.safeguards.noPin"),
    device.labelled ? t("devices.safeguards.labelled") : t("devices.safeguards.notLabelled"),
  ];
  return <Text size="sm">{marks.join(" · ")}</Text>;
}
