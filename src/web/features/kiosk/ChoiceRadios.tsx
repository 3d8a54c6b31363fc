import { Radio, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { optionLabel } from "./optionLabel";
import type { AgreementChoice } from "./types";

interface Props {
  choice: AgreementChoice;
  value?: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}

/** One choice (e.g. photo consent) as large radio buttons, each answer clearly worded. */
export function ChoiceRadios({ choice, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={choice.label}
      withAsterisk
      value={value}
      onChange={onChange}
      error={error}
      size="lg"
      styles={{ label: { fontSize: "var(--mantine-font-size-lg)", lineHeight: 1.4 } }}
    >
      <Stack mt="sm" gap="lg">
        {choice.options.map((option) => (
          <Radio key={option} value={option} label={optionLabel(t, option)} size="lg" />
        ))}
      </Stack>
    </Radio.Group>
  );
}
