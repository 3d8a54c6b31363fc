import { Group, Radio, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Question } from "./types";

/** One of a request type's questions, drawn for its kind of answer: words, yes or no, a date. */
export function QuestionField({
  question,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: string | boolean | undefined;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useTranslation();
  if (question.kind === "yesno")
    return (
      <Radio.Group
        label={question.label}
        required={question.required}
        error={error}
        value={value === undefined ? "" : value ? "yes" : "no"}
        onChange={(v) => onChange(v === "yes")}
      >
        <Group mt="xs">
          <Radio value="yes" label={t("requests.yes")} />
          <Radio value="no" label={t("requests.no")} />
        </Group>
      </Radio.Group>
    );
  if (question.kind === "date")
    return (
      <TextInput
        type="date"
        label={question.label}
        required={question.required}
        error={error}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.currentTarget.value)}
        maw={220}
      />
    );
  return (
    <Textarea
      label={question.label}
      required={question.required}
      error={error}
      autosize
      minRows={2}
      maxLength={5000}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
