import { Paper, Stack, Text, Title } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../ui/PageTitle";
import { currentSession } from "./classSessionsApi";
import { OpenClassSessionForm } from "./OpenClassSessionForm";
import { RunningSession } from "./RunningSession";
import type { OpenedClassSession } from "./types";

/** The teacher's page: open a signing session for a class, watch it fill up, end it. */
export function ClassSessionsPage() {
  const { t } = useTranslation();
  const [session, setSession] = useState(() => currentSession.read());
  const opened = (s: OpenedClassSession) => {
    currentSession.save(s);
    setSession(s);
  };
  const leave = useCallback(() => {
    currentSession.clear();
    setSession(null);
  }, []);
  return (
    <Stack>
      <PageTitle>{t("classSessions.title")}</PageTitle>
      {session ? (
        <RunningSession session={session} onLeave={leave} />
      ) : (
        <>
          <Text>{t("classSessions.intro")}</Text>
          <Paper withBorder p="lg">
            <Title order={2} size="h3" mb="sm">
              {t("classSessions.openHeading")}
            </Title>
            <OpenClassSessionForm onOpened={opened} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
