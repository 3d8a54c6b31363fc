import { Accordion, Alert, Code, Stack, Text } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { PageTitle } from "../../../ui/PageTitle";
import { SectionLoader } from "../../../ui/SectionLoader";
import { OutboxMessageItem } from "./OutboxMessageItem";
import { useOutbox } from "./outboxApi";

export function OutboxPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useOutbox();
  return (
    <Stack>
      <PageTitle>{t("outbox.title")}</PageTitle>
      <Text>{t("outbox.intro")}</Text>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data && !data.smtpConfigured && (
        <Alert color="orange" title={t("outbox.noSmtp.title")}>
          <Trans i18nKey="outbox.noSmtp.body" components={{ code: <Code /> }} />
        </Alert>
      )}
      {data && data.messages.length === 0 && <Text>{t("outbox.empty")}</Text>}
      {data && data.messages.length > 0 && (
        <Accordion variant="separated" chevronPosition="left">
          {data.messages.map((message) => (
            <OutboxMessageItem key={message.id} message={message} />
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
