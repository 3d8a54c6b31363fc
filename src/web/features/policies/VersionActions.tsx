import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { ActionProblem } from "./ActionProblem";
import { useVersionAction, type VersionAction } from "./policiesApi";
import { roleLabel } from "./roleLabel";
import { missingApprovers, type PolicyDetail, type VersionDetail } from "./types";

/**
 * The workflow buttons this person may use on this version, by its status. Approving and
 * publishing are records that cannot be taken back, so each asks first.
 */
export function VersionActions({
  policy,
  version,
  unheldShown = false,
}: {
  policy: PolicyDetail;
  version: VersionDetail;
  /** The page already shows that nobody holds a required approver role. */
  unheldShown?: boolean;
}) {
  const { t } = useTranslation();
  const act = useVersionAction(policy.id, version.id);
  const run = (action: VersionAction, close?: () => void) =>
    act.mutate(action, {
      onSuccess: (v) => {
        close?.();
        notifySuccess(t(`policies.actions.done.${action}`, { number: v.number }));
      },
    });
  const needsApproval = policy.requiredApprovers.length > 0;
  const missing = missingApprovers(policy.requiredApprovers, version.approvals);
  const approveAs = policy.canApproveAs.filter((role) => missing.includes(role));
  const { status } = version;
  const manage = policy.canManage;
  const busy = act.isPending;
  const names = { title: policy.title, number: version.number };
  const publish = (
    <ConfirmButton
      key="publish"
      button={status === "draft" ? { variant: "default" } : undefined}
      title={t("policies.actions.publishTitle", names)}
      body={<Text>{t("policies.actions.publishBody", names)}</Text>}
      confirm={t("policies.actions.publishConfirm")}
      pending={busy}
      error={act.error}
      onConfirm={(close) => run("publish", close)}
    >
      {t("policies.actions.publish")}
    </ConfirmButton>
  );
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
    else buttons.push(publish);
  }
  if (status === "submitted" && approveAs.length > 0) {
    const roles = approveAs.map((role) => roleLabel(t, role)).join(t("policies.actions.and"));
    buttons.push(
      <ConfirmButton
        key="approve"
        title={t("policies.actions.approveTitle", names)}
        body={<Text>{t("policies.actions.approveBody", { ...names, roles })}</Text>}
        confirm={t("policies.actions.approveConfirm")}
        pending={busy}
        error={act.error}
        onConfirm={(close) => run("approve", close)}
      >
        {t("policies.actions.approveAs", { roles })}
      </ConfirmButton>,
    );
  }
  if (status === "submitted" && manage)
    buttons.push(
      <Button key="withdraw" variant="default" loading={busy} onClick={() => run("withdraw")}>
        {t("policies.actions.withdraw")}
      </Button>,
    );
  if (status === "approved" && manage) buttons.push(publish);

  if (buttons.length === 0 && !act.error) return null;
  return (
    <Stack gap="sm">
      <ActionProblem error={act.error} unheldShown={unheldShown} />
      {buttons.length > 0 && <Group>{buttons}</Group>}
    </Stack>
  );
}
