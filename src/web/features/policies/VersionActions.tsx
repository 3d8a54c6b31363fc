import { Button, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { notifySuccess } from "../../ui/notify";
import { ActionProblem } from "./ActionProblem";
import { useVersionAction, type VersionAction } from "./policiesApi";
import { roleLabel } from "./roleLabel";
import { missingApprovers, type PolicyDetail, type VersionDetail } from "./types";

/** The workflow buttons this person may use on this version, by its status. */
export function VersionActions({ policy, version }: { policy: PolicyDetail; version: VersionDetail }) {
  const { t } = useTranslation();
  const act = useVersionAction(policy.id, version.id);
  const run = (action: VersionAction) =>
    act.mutate(action, {
      onSuccess: (v) => notifySuccess(t(`policies.actions.done.${action}`, { number: v.number })),
    });
  const needsApproval = policy.requiredApprovers.length > 0;
  const missing = missingApprovers(policy.requiredApprovers, version.approvals);
  const approveAs = policy.canApproveAs.filter((role) => missing.includes(role));
  const { status } = version;
  const manage = policy.canManage;
  const busy = act.isPending;
  const buttons = [];

  if (status === "draft" && manage) {
    buttons.push(
      <Button key="edit" component={Link} to={`/policies/${policy.id}/versions/${version.id}/edit`}>
        {t("policies.actions.edit")}
      </Button>,
    );
    if (needsApproval)
      buttons.push(
        <Button key="submit" variant="default" loading={busy} onClick={() => run("submit")}>
          {t("policies.actions.submit")}
        </Button>,
      );
    else
      buttons.push(
        <Button key="publish" variant="default" loading={busy} onClick={() => run("publish")}>
          {t("policies.actions.publish")}
        </Button>,
      );
  }
  if (status === "submitted" && approveAs.length > 0)
    buttons.push(
      <Button key="approve" loading={busy} onClick={() => run("approve")}>
        {t("policies.actions.approveAs", {
          roles: approveAs.map((role) => roleLabel(t, role)).join(t("policies.actions.and")),
        })}
      </Button>,
    );
  if (status === "submitted" && manage)
    buttons.push(
      <Button key="withdraw" variant="default" loading={busy} onClick={() => run("withdraw")}>
        {t("policies.actions.withdraw")}
      </Button>,
    );
  if (status === "approved" && manage)
    buttons.push(
      <Button key="publish" loading={busy} onClick={() => run("publish")}>
        {t("policies.actions.publish")}
      </Button>,
    );

  if (buttons.length === 0 && !act.error) return null;
  return (
    <Stack gap="sm">
      <ActionProblem error={act.error} />
      {buttons.length > 0 && <Group>{buttons}</Group>}
    </Stack>
  );
}
