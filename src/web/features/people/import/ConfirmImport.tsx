import { Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ImportProblem } from "./ImportProblem";
import type { ImportReport } from "./importApi";

interface Props {
  report: ImportReport;
  acceptErrors: boolean;
  onAcceptErrorsChange: (accept: boolean) => void;
  /** False while the preview is being worked out again. */
  ready: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onStartAgain: () => void;
}

/** The last step: agree to leave out bad rows if there are any, then apply the import. */
export function ConfirmImport(props: Props) {
  const { report, acceptErrors, ready, pending } = props;
  const { t } = useTranslation();
  const errorCount = report.errors.length;
  const toImport = report.created + report.updated;
  const nothingToDo = toImport + report.leavers === 0;
  const label = report.created > 0 ? t("import.confirm", { count: toImport }) : t("import.applyChanges");
  return (
    <Stack gap="sm">
      {errorCount > 0 && (
        <Checkbox
          label={t("import.acceptErrors", { count: errorCount })}
          checked={acceptErrors}
          onChange={(event) => props.onAcceptErrorsChange(event.currentTarget.checked)}
        />
      )}
      {report.leavers > 0 && <Text size="sm">{t("import.leaversNote", { count: report.leavers })}</Text>}
      {nothingToDo && <Text size="sm">{t("import.nothingToDo")}</Text>}
      <ImportProblem error={props.error} />
      <Group>
        <Button
          onClick={props.onConfirm}
          loading={pending}
          disabled={!ready || nothingToDo || (errorCount > 0 && !acceptErrors)}
        >
          {label}
        </Button>
        <Button variant="default" onClick={props.onStartAgain}>
          {t("import.startAgain")}
        </Button>
      </Group>
    </Stack>
  );
}
