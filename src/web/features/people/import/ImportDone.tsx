import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { directoryKind, type ImportReport } from "./importApi";

/** What the import did, with the way on to the people it brought in. */
export function ImportDone({ report, onStartAgain }: { report: ImportReport; onStartAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="green" role="status" title={t("import.done.title")}>
        <Text size="sm">
          {t("import.done.summary", {
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            leavers: report.leavers,
          })}
        </Text>
        {report.errors.length > 0 && (
          <Text size="sm" mt={4}>
            {t("import.done.skipped", { count: report.errors.length })}
          </Text>
        )}
      </Alert>
      <Group>
        <Button component={Link} to={`/people?kind=${directoryKind[report.kind]}`}>
          {t(`import.done.link.${report.kind}`)}
        </Button>
        <Button variant="default" onClick={onStartAgain}>
          {t("import.done.another")}
        </Button>
      </Group>
    </Stack>
  );
}
