import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { SectionLoader } from "../../ui/SectionLoader";
import { useEndSession, useMySessions, useSignOutOthers } from "./authApi";

/**
 * "Sign-in and security" on a person's account page: where they are signed in now (this browser
 * marked), signing out one of them or every other one, and their recent sign-ins, failed attempts
 * against their address included, so they can see someone trying their account.
 */
export function SignInSecurity() {
  const { t } = useTranslation();
  const mine = useMySessions();
  const endOne = useEndSession();
  const endOthers = useSignOutOthers();
  const sessions = mine.data?.sessions ?? [];
  const others = sessions.filter((s) => !s.current);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sign-in-security-heading">
      <Stack>
        <Title order={2} size="h3" id="sign-in-security-heading">
          {t("account.security.title")}
        </Title>
        <Text size="sm">{t("account.security.intro")}</Text>
        {mine.isPending && <SectionLoader />}
        <ErrorAlert error={mine.error ?? endOne.error ?? endOthers.error} />
        {mine.data && (
          <>
            <Title order={3} size="h4">
              {t("account.security.sessionsTitle")}
            </Title>
            <ScrollRegion label={t("account.security.sessionsTitle")} minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("account.security.device")}</Table.Th>
                    <Table.Th>{t("account.security.address")}</Table.Th>
                    <Table.Th>{t("account.security.signedInAt")}</Table.Th>
                    <Table.Th>{t("account.security.lastSeenAt")}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t("account.security.actions")}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sessions.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Group gap="xs">
                          {s.device}
                          {s.current && <Badge variant="light">{t("account.security.thisDevice")}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td>{s.ip ?? "—"}</Table.Td>
                      <Table.Td>{formatDateTime(s.signedInAt)}</Table.Td>
                      <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                      <Table.Td>
                        {!s.current && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={endOne.isPending && endOne.variables === s.id}
                            onClick={() => endOne.mutate(s.id)}
                            aria-label={t("account.security.signOutOne", { device: s.device })}
                          >
                            {t("account.security.signOut")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            <Button
              variant="default"
              style={{ alignSelf: "flex-start" }}
              disabled={others.length === 0}
              loading={endOthers.isPending}
              onClick={() => endOthers.mutate()}
            >
              {t("account.security.signOutOthers")}
            </Button>
            <Title order={3} size="h4">
              {t("account.security.historyTitle")}
            </Title>
            <ScrollRegion label={t("account.security.historyTitle")} minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("account.security.when")}</Table.Th>
                    <Table.Th>{t("account.security.device")}</Table.Th>
                    <Table.Th>{t("account.security.address")}</Table.Th>
                    <Table.Th>{t("account.security.outcome")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.data.signIns.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{formatDateTime(a.at)}</Table.Td>
                      <Table.Td>{a.device}</Table.Td>
                      <Table.Td>{a.ip ?? "—"}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={
                            a.outcome === "success"
                              ? "green"
                              : a.outcome === "password_reset" || a.outcome === "password_changed"
                                ? "blue"
                                : a.outcome === "second_step"
                                  ? "gray"
                                  : "red"
                          }
                          variant="light"
                        >
                          {t(`account.security.outcomes.${a.outcome}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </Stack>
    </Paper>
  );
}
