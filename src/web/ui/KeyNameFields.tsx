import { Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * The first three fields of a school's own list entry (a request type, a training course): a short
 * key, typed once when it is made and fixed after (records point at it), a name and a description.
 * Labels come from the page's strings: `<ns>.key`, `<ns>.keyHint`, `<ns>.name`, `<ns>.description`.
 */
export function KeyNameFields({
  ns,
  isNew,
  values,
  errors,
  onChange,
}: {
  ns: string;
  isNew: boolean;
  values: { key: string; name: string; description: string };
  errors: Record<string, string | undefined>;
  onChange: (field: "key" | "name" | "description", value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {isNew && (
        <TextInput
          label={t(`${ns}.key`)}
          description={t(`${ns}.keyHint`)}
          required
          value={values.key}
          error={errors.key}
          onChange={(e) => onChange("key", e.currentTarget.value)}
        />
      )}
      <TextInput
        label={t(`${ns}.name`)}
        required
        value={values.name}
        error={errors.name}
        onChange={(e) => onChange("name", e.currentTarget.value)}
      />
      <Textarea
        label={t(`${ns}.description`)}
        autosize
        minRows={2}
        value={values.description}
        error={errors.description}
        onChange={(e) => onChange("description", e.currentTarget.value)}
      />
    </>
  );
}
