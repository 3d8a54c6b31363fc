import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { roleLabel } from "./roleLabel";

/**
 * A required approver role nobody holds (a fresh school has no chair of governors yet): nobody
 * could approve, so say so before anyone submits, with the two ways forward.
 */
export function UnheldApprovers({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  const names = roles.map((role) => roleLabel(t, role)).join(t("policies.actions.and"));
  return (
    <Alert color="orange" role="alert" title={t("policies.approvals.unheldTitle")}>
      <Stack gap="sm">
        <Text size="sm">{t("policies.approvals.unheldBody", { roles: names })}</Text>
        <Group gap="sm">
          <Button component={Link} to="/people" size="xs" variant="default">
            {t("policies.approvals.assignRole")}
          </Button>
          <Button component={Link} to="/settings/policies" size="xs" variant="default">
            {t("policies.approvals.changeApprovers")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
