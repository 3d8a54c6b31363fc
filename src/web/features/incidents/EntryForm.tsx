import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { AGENCIES, ENTRY_KINDS } from "../../../modules/incidents/schema";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { useAddEntry } from "./incidentsApi";
import type { Entry } from "./types";

interface EntryValues {
  kind: string;
  text: string;
  agency: string | null;
  reference: string;
  outcome: string;
}

const blank: EntryValues = { kind: "action", text: "", agency: null, reference: "", outcome: "" };

/** Add to the timeline: a note, an action, a decision, contact with parents or an agency, or a referral. */
export function EntryForm({
  incidentId,
  correcting,
  onDoneCorrecting,
}: {
  incidentId: string;
  correcting: Entry | null;
  onDoneCorrecting: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddEntry(incidentId);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const form = useForm<EntryValues>({
    mode: "controlled",
    initialValues: correcting
      ? {
          kind: correcting.kind,
          text: correcting.text,
          agency: correcting.agency,
          reference: correcting.reference ?? "",
          outcome: correcting.outcome ?? "",
        }
      : blank,
    validate: {
      text: (v) => (v.trim().length >= 2 ? null : t("incidents.entry.textRequired")),
      agency: (v, all) => (all.kind === "referral" && !v ? t("incidents.entry.agencyRequired") : null),
    },
  });
  // The form is keyed by the entry being corrected: choosing one starts it afresh, with the cursor in it.
  const correctingNow = Boolean(correcting);
  useEffect(() => {
    if (correctingNow) textRef.current?.focus();
  }, [correctingNow]);

  const referral = form.values.kind === "referral";
  const submit = form.onSubmit((v) => {
    add.mutate(
      {
        kind: v.kind as (typeof ENTRY_KINDS)[number],
        text: v.text.trim(),
        agency: referral ? ((v.agency ?? undefined) as (typeof AGENCIES)[number] | undefined) : undefined,
        reference: v.reference.trim() || undefined,
        outcome: v.outcome.trim() || undefined,
        correctsId: correcting?.id,
      },
      {
        onSuccess: () => {
          notifySuccess(correcting ? t("incidents.entry.corrected") : t("incidents.entry.added"));
          form.setValues(blank);
          onDoneCorrecting();
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {correcting && (
          <Alert color="orange" variant="light" title={t("incidents.entry.correctingTitle")}>
            {t("incidents.entry.correctingBody", { at: formatDateTime(correcting.at) })}
          </Alert>
        )}
        <Select
          label={t("incidents.entry.kind")}
          data={ENTRY_KINDS.map((k) => ({ value: k, label: t(`incidents.entryKinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
        {referral && (
          <Select
            label={t("incidents.entry.agency")}
            placeholder={t("incidents.entry.agencyPlaceholder")}
            data={AGENCIES.map((a) => ({ value: a, label: t(`incidents.agencies.${a}`) }))}
            required
            {...form.getInputProps("agency")}
          />
        )}
        <Textarea
          ref={textRef}
          label={referral ? t("incidents.entry.referralText") : t("incidents.entry.text")}
          description={t(`incidents.entry.hints.${form.values.kind}`)}
          required
          autosize
          minRows={3}
          maxLength={10_000}
          {...form.getInputProps("text")}
        />
        {(referral || form.values.kind === "contact") && (
          <TextInput
            label={t("incidents.entry.reference")}
            description={t("incidents.entry.referenceHint")}
            maxLength={200}
            {...form.getInputProps("reference")}
          />
        )}
        {referral && (
          <Textarea
            label={t("incidents.entry.outcome")}
            description={t("incidents.entry.outcomeHint")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("outcome")}
          />
        )}
        <ErrorAlert error={add.error} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {correcting ? t("incidents.entry.saveCorrection") : t("incidents.entry.add")}
          </Button>
          {correcting && (
            <Button
              variant="default"
              onClick={() => {
                form.setValues(blank);
                onDoneCorrecting();
              }}
            >
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
