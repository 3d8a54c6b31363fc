import { Button, Menu, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifyError, notifySuccess } from "../../ui/notify";
import { type NewVersionInput, useStartVersion } from "./policiesApi";

const choices: { key: string; input: NewVersionInput }[] = [
  { key: "minor", input: { bump: "minor" } },
  { key: "major", input: { bump: "major" } },
  { key: "noChanges", input: { bump: "minor", noChanges: true } },
];

/** Starts the next version: a revision, a major rewrite or a review that changed nothing. */
export function StartVersionMenu({ policyId, openNumber }: { policyId: string; openNumber: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartVersion(policyId);
  const blocked = openNumber !== null;

  const choose = (input: NewVersionInput) =>
    start.mutate(input, {
      onSuccess: (version) => {
        notifySuccess(t("policies.startVersion.started", { number: version.number }));
        navigate(`/policies/${policyId}/versions/${version.id}`);
      },
      onError: notifyError,
    });

  return (
    <Stack gap={4} align="flex-start">
      <Menu position="bottom-start" disabled={blocked}>
        <Menu.Target>
          <Button
            variant="default"
            disabled={blocked}
            loading={start.isPending}
            aria-describedby={blocked ? "start-version-hint" : undefined}
          >
            {t("policies.startVersion.button")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {choices.map(({ key, input }) => (
            <Menu.Item key={key} onClick={() => choose(input)}>
              {t(`policies.startVersion.${key}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {blocked && (
        <Text id="start-version-hint" size="sm" c="dimmed">
          {t("policies.startVersion.blocked", { number: openNumber })}
        </Text>
      )}
    </Stack>
  );
}
