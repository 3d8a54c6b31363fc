import { Button, Group, Radio, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SignaturePad } from "../../ui/SignaturePad";
import { optionLabel } from "./optionLabel";
import { applySignatureErrors } from "./signatureFormErrors";
import type { Agreement, SignatureInput } from "./types";

export interface SignatureFormValues {
  fullName: string;
  jobTitle: string;
  choices: Record<string, string | null>;
}

interface Props {
  agreement: Agreement;
  defaultName: string;
  askJobTitle: boolean;
  /** Sends the signature; rejects with the server's problem. */
  onSign: (body: SignatureInput) => Promise<unknown>;
  signing: boolean;
  /** Shown beside the Sign button, e.g. "Decline…". */
  extraActions?: ReactNode;
  /** A refusal that is not about a field (409: the text changed), shown above the button. */
  conflict?: ReactNode;
  /** Answers to start from, e.g. the signature being corrected; otherwise nothing is chosen. */
  initial?: { fullName: string; jobTitle: string | null; choices: Record<string, string> };
}

/**
 * The signing form: typed name (always enough), job title when asked, each choice as a radio
 * group with nothing chosen for the signer, and an optional drawing. Pressing Sign is the act.
 */
export function SignatureForm({
  agreement,
  defaultName,
  askJobTitle,
  onSign,
  signing,
  extraActions,
  conflict,
  initial,
}: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [image, setImage] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<SignatureFormValues>({
    initialValues: {
      fullName: initial?.fullName ?? defaultName,
      jobTitle: initial?.jobTitle ?? "",
      // An earlier answer is kept only while it is still one of the question's options.
      choices: Object.fromEntries(
        agreement.choices.map((c) => {
          const earlier = initial?.choices[c.key];
          return [c.key, earlier && c.options.includes(earlier) ? earlier : null];
        }),
      ),
    },
    validate: {
      fullName: (v) => (v.trim().length >= 2 ? null : t("agreements.sign.nameRequired")),
      jobTitle: (v) => (!askJobTitle || v.trim() ? null : t("agreements.sign.jobTitleRequired")),
      choices: Object.fromEntries(
        agreement.choices.map((c) => [
          c.key,
          (v: string | null) => (v ? null : t("agreements.sign.choiceRequired")),
        ]),
      ),
    },
  });

  // Keyboard and screen-reader users land on the first thing to put right.
  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>(
        '[aria-invalid="true"], [data-field-error="true"] input',
      );
      invalid?.focus();
    });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const body: SignatureInput = {
      fullName: values.fullName.trim(),
      choices: Object.fromEntries(Object.entries(values.choices).filter(([, v]) => v)) as Record<
        string,
        string
      >,
      textSha256: agreement.textSha256,
    };
    if (askJobTitle) body.jobTitle = values.jobTitle.trim();
    if (image) body.signatureImage = image;
    try {
      await onSign(body);
    } catch (error) {
      if (isApiError(error, 409)) return; // the page shows why and fetches the text again
      if (!applySignatureErrors(form, error)) setProblem(error);
      focusFirstError();
    }
  }, focusFirstError);

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-labelledby="signature-heading">
      <Stack>
        <Title order={2} size="h3" id="signature-heading">
          {t("agreements.sign.heading")}
        </Title>
        <ErrorAlert error={problem} />
        <TextInput
          label={t("agreements.sign.fullName")}
          description={t("agreements.sign.fullNameHint")}
          autoComplete="name"
          required
          {...form.getInputProps("fullName")}
        />
        {askJobTitle && (
          <TextInput
            label={t("fields.jobTitle")}
            autoComplete="organization-title"
            required
            {...form.getInputProps("jobTitle")}
          />
        )}
        {agreement.choices.map((choice) => {
          const path = `choices.${choice.key}`;
          const props = form.getInputProps(path);
          return (
            <div key={choice.key} data-field-error={props.error ? "true" : undefined}>
              <Radio.Group
                label={choice.label}
                withAsterisk
                value={(props.value as string | null) ?? null}
                onChange={(value) => form.setFieldValue(path, value)}
                error={props.error}
                name={`choice-${choice.key}`}
              >
                <Stack gap="xs" mt="xs">
                  {choice.options.map((option) => (
                    <Radio key={option} value={option} label={optionLabel(t, option)} />
                  ))}
                </Stack>
              </Radio.Group>
            </div>
          );
        })}
        <SignaturePad
          onChange={setImage}
          hint={t("agreements.sign.drawHint")}
          drawnNote={t("agreements.sign.drawn")}
        />
        {conflict}
        <Group>
          <Button type="submit" loading={signing}>
            {t("agreements.sign.submit")}
          </Button>
          {extraActions}
        </Group>
      </Stack>
    </form>
  );
}
