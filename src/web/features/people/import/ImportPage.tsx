import { Button, FileInput, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../../ui/PageTitle";
import { ColumnMappingEditor } from "./ColumnMappingEditor";
import { ConfirmImport } from "./ConfirmImport";
import { ImportDone } from "./ImportDone";
import { ImportProblem } from "./ImportProblem";
import { ImportStats } from "./ImportStats";
import { KindChooser } from "./KindChooser";
import { PreviewTabs } from "./PreviewTabs";
import { useImportFlow } from "./useImportFlow";

export function ImportPage() {
  const { t } = useTranslation();
  const flow = useImportFlow();
  const { kind, layout, report, check, apply } = flow;
  const checking = check.isPending;
  // Clears the browser's own file input too, so the same file can be chosen again.
  const resetFileInput = useRef<() => void>(null);
  const resetSecondInput = useRef<() => void>(null);
  // The second file is for sync files that split people from their links (SDS, OneRoster): asked for only when wanted.
  const [wantsSecond, setWantsSecond] = useState(false);
  const second = kind === "contacts" ? "relationships" : "roles";
  const startAgain = () => {
    resetFileInput.current?.();
    resetSecondInput.current?.();
    setWantsSecond(false);
    flow.startAgain();
  };

  return (
    <Stack>
      <PageTitle>{t("import.title")}</PageTitle>
      <Text>{t("import.intro")}</Text>
      <Text size="sm">{t("peopleImportShapes.recognised")}</Text>
      {flow.done ? (
        <ImportDone report={flow.done} onStartAgain={startAgain} />
      ) : (
        <>
          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h3">
                {t("import.kindSection")}
              </Title>
              <KindChooser value={kind} onChange={flow.chooseKind} />
            </Stack>
          </Paper>

          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h3">
                {t("import.fileSection")}
              </Title>
              <FileInput
                label={t("import.fileLabel")}
                description={kind ? t("import.fileHint") : t("import.fileNeedsKind")}
                placeholder={t("import.filePlaceholder")}
                accept=".csv,.txt,.tsv"
                value={flow.file}
                onChange={flow.chooseFile}
                resetRef={resetFileInput}
                disabled={!kind}
              />
              {kind &&
                (wantsSecond || flow.secondFile ? (
                  <FileInput
                    label={t(`peopleImportShapes.second.${second}.label`)}
                    description={t(`peopleImportShapes.second.${second}.hint`)}
                    placeholder={t("import.filePlaceholder")}
                    accept=".csv,.txt,.tsv"
                    value={flow.secondFile}
                    onChange={flow.chooseSecondFile}
                    resetRef={resetSecondInput}
                    clearable
                    clearButtonProps={{ "aria-label": t("peopleImportShapes.second.clear") }}
                  />
                ) : (
                  <Button
                    variant="subtle"
                    onClick={() => setWantsSecond(true)}
                    style={{ alignSelf: "flex-start" }}
                  >
                    {t(`peopleImportShapes.second.${second}.add`)}
                  </Button>
                ))}
              <Group gap="xs" wrap="nowrap">
                {checking && <Loader size="xs" aria-hidden />}
                <Text role="status" size="sm" style={{ overflowWrap: "anywhere" }}>
                  {checking
                    ? t("import.checking")
                    : report
                      ? report.secondFileName
                        ? t("peopleImportShapes.checkedWith", {
                            fileName: report.fileName,
                            secondFileName: report.secondFileName,
                            count: report.rows,
                          })
                        : t("import.checked", { fileName: report.fileName, count: report.rows })
                      : ""}
                </Text>
              </Group>
              {!layout && <ImportProblem error={check.error} />}
              {flow.file && !report && !checking && (
                <Button variant="default" onClick={startAgain} style={{ alignSelf: "flex-start" }}>
                  {t("import.startAgain")}
                </Button>
              )}
            </Stack>
          </Paper>

          {layout && (
            <Paper withBorder p="lg">
              <Stack>
                <Title order={2} size="h3">
                  {t("import.columns.heading")}
                </Title>
                <ImportProblem error={check.error} />
                <ColumnMappingEditor
                  columns={layout.columns}
                  fields={layout.fields}
                  mapping={flow.mapping ?? {}}
                  source={layout.source}
                  onChange={flow.changeMapping}
                />
              </Stack>
            </Paper>
          )}

          {report && (
            <Paper withBorder p="lg" aria-busy={checking}>
              <Stack>
                <Title order={2} size="h3">
                  {t("import.previewSection")}
                </Title>
                <ImportStats report={report} />
                <PreviewTabs report={report} />
                <ConfirmImport
                  report={report}
                  acceptErrors={flow.acceptErrors}
                  onAcceptErrorsChange={flow.setAcceptErrors}
                  ready={!checking}
                  pending={apply.isPending}
                  error={apply.error}
                  onConfirm={flow.confirm}
                  onStartAgain={startAgain}
                />
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
