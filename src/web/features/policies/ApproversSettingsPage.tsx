import { Alert, Button, Checkbox, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useApproverRoles, useSaveApproverRoles } from "./policiesApi";
import { roleLabel } from "./roleLabel";
import { approverRoleOptions } from "./types";

/** Which designated roles must approve a policy version before it can be published. */
export function ApproversSettingsPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useApproverRoles();
  const [roles, setRoles] = useState<string[]>([]);
  useEffect(() => {
    if (data) setRoles(data.roles);
  }, [data]);
  const save = useSaveApproverRoles(() => notifySuccess(t("policies.approversSettings.saved")));

  return (
    <Stack>
      <PageTitle>{t("policies.approversSettings.title")}</PageTitle>
      <Text>{t("policies.approversSettings.intro")}</Text>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data && (
        <Paper withBorder p="lg">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ roles });
            }}
          >
            <Stack>
              <ErrorAlert error={save.error} />
              <Checkbox.Group
                label={t("policies.approversSettings.legend")}
                value={roles}
                onChange={setRoles}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  {approverRoleOptions.map((role) => (
                    <Checkbox key={role} value={role} label={roleLabel(t, role)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Alert color={roles.length ? "blue" : "orange"} role="status">
                {roles.length
                  ? t("policies.approversSettings.withRoles", { count: roles.length })
                  : t("policies.approversSettings.none")}
              </Alert>
              <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
                {t("common.save")}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
