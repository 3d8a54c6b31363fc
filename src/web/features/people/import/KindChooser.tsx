import { Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ImportKind, importKinds } from "./importApi";

interface Props {
  value: ImportKind | null;
  onChange: (kind: ImportKind) => void;
}

/** Step 1: staff, pupils or parents and carers, each with the columns Accord recognises. */
export function KindChooser({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t("import.kindLabel")}
        value={value}
        onChange={(kind) => onChange(kind as ImportKind)}
        withAsterisk
      >
        <Stack gap="md" mt="xs">
          {importKinds.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={t(`import.kinds.${kind}`)}
              description={t(`import.kindHelp.${kind}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Text size="sm">{t("import.fullExport")}</Text>
    </Stack>
  );
}
