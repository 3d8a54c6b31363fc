import { Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { ScreenTitle } from "./ScreenTitle";

interface Props {
  step: number;
  total: number;
  title: string;
  notice?: ReactNode;
  error?: unknown;
  submitLabel: string;
  busy?: boolean;
  onSubmit: () => void;
  onBack?: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** One step of the visitor's sign-in: where they are, the fields, and large Back / Next buttons. */
export function StepFrame(props: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Text fz="lg" c="dimmed">
        {t("kiosk.stepOf", { step: props.step, total: props.total })}
      </Text>
      <ScreenTitle>{props.title}</ScreenTitle>
      {props.notice}
      <ErrorAlert error={props.error} />
      <form
        noValidate
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack gap="xl">
          {props.children}
          <Group justify="space-between" gap="md">
            {props.onBack ? (
              <Button size="xl" variant="default" onClick={props.onBack}>
                {t("kiosk.back")}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" size="xl" loading={props.busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
      <Button variant="subtle" size="lg" onClick={props.onCancel} style={{ alignSelf: "flex-start" }}>
        {t("kiosk.startAgain")}
      </Button>
    </Stack>
  );
}
