import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DeviceStatus } from "./types";

// Filled badges with white text: every colour here keeps 4.5:1 contrast (axe checks them).
const colours: Record<DeviceStatus, string> = {
  in_store: "gray.7",
  allocated: "blue.8",
  on_loan: "teal.9",
  lost: "red.9",
  stolen: "red.9",
  damaged: "#b34700",
  disposed: "dark.5",
};

/** A device's status in words (never by colour alone). */
export function DeviceStatusBadge({ status, size }: { status: DeviceStatus; size?: BadgeProps["size"] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colours[status]}
      size={size}
      variant="filled"
      style={{ textTransform: "none", flexShrink: 0 }}
    >
      {t(`devices.status.${status}`)}
    </Badge>
  );
}
