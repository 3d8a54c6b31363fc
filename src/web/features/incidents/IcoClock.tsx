import { Alert, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { timeLeft } from "./londonTime";

/** A data breach's 72 hours to tell the ICO (UK GDPR art. 33), counted from when the school became aware. */
export function IcoClock({ deadline, closed }: { deadline: string; closed: boolean }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(deadline, now);
  return (
    <Alert
      color={left.overdue ? "red" : left.hours < 24 ? "orange" : "yellow"}
      variant="light"
      title={t("incidents.ico.title")}
    >
      <Text>{t("incidents.ico.deadline", { deadline: formatDateTime(deadline) })}</Text>
      {!closed && (
        <Text fw={700} size="lg">
          {left.overdue
            ? t("incidents.ico.overdue", { hours: left.hours, minutes: left.minutes })
            : t("incidents.ico.left", { hours: left.hours, minutes: left.minutes })}
        </Text>
      )}
    </Alert>
  );
}
