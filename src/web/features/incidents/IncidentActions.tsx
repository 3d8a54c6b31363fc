import { Button, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { ReasonDialog } from "../../ui/ReasonDialog";
import { useAddPeople, useCloseIncident, useIcoDecision, useReopenIncident } from "./incidentsApi";
import { AdultsPicker } from "./PeoplePickers";
import type { Entry, PersonChoice } from "./types";

/** Close with the outcome, asked for in the dialog that confirms it. */
export function CloseButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const close = useCloseIncident(incidentId);
  const [outcome, setOutcome] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmButton
      button={{ color: "dark" }}
      title={t("incidents.close.title")}
      body={
        <Stack gap="sm">
          <Text size="sm">{t("incidents.close.explain")}</Text>
          <Textarea
            label={t("incidents.close.outcome")}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
        </Stack>
      }
      confirm={t("incidents.close.confirm")}
      pending={close.isPending}
      error={close.error}
      onOpenChange={() => {
        setError(null);
        close.reset();
      }}
      onConfirm={(done) => {
        if (outcome.trim().length < 5) return setError(t("incidents.close.outcomeRequired"));
        setError(null);
        close.mutate(outcome.trim(), {
          onSuccess: () => {
            notifySuccess(t("incidents.close.done"));
            setOutcome("");
            done();
          },
        });
      }}
    >
      {t("incidents.close.button")}
    </ConfirmButton>
  );
}

export function ReopenButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const reopen = useReopenIncident(incidentId);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t("incidents.reopen.button")}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t("incidents.reopen.title")}
        explain={t("incidents.reopen.explain")}
        label={t("incidents.reopen.reason")}
        requiredMessage={t("incidents.reopen.reasonRequired")}
        confirm={t("incidents.reopen.confirm")}
        pending={reopen.isPending}
        error={reopen.error}
        onReason={(reason) =>
          reopen.mutate(reason, {
            onSuccess: () => {
              notifySuccess(t("incidents.reopen.done"));
              close();
            },
          })
        }
      />
    </>
  );
}

/** A handler lets someone else see the incident (a deputy, the head), saying why. */
export function AddPeopleButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const add = useAddPeople(incidentId);
  const [people, setPeople] = useState<PersonChoice[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ people?: string; reason?: string }>({});
  return (
    <ConfirmButton
      button={{ variant: "default" }}
      title={t("incidents.addPeople.title")}
      body={
        <Stack gap="sm">
          <Text size="sm">{t("incidents.addPeople.explain")}</Text>
          <AdultsPicker label={t("incidents.addPeople.who")} value={people} onChange={setPeople} />
          {errors.people && (
            <Text size="sm" c="red.8">
              {errors.people}
            </Text>
          )}
          <TextInput
            label={t("incidents.addPeople.reason")}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        </Stack>
      }
      confirm={t("incidents.addPeople.confirm")}
      pending={add.isPending}
      error={add.error}
      onOpenChange={() => {
        setErrors({});
        add.reset();
      }}
      onConfirm={(done) => {
        const found = {
          people: people.length ? undefined : t("incidents.addPeople.peopleRequired"),
          reason: reason.trim().length >= 3 ? undefined : t("incidents.addPeople.reasonRequired"),
        };
        setErrors(found);
        if (found.people || found.reason) return;
        add.mutate(
          { personIds: people.map((p) => p.id), reason: reason.trim() },
          {
            onSuccess: () => {
              notifySuccess(t("incidents.addPeople.done", { count: people.length }));
              setPeople([]);
              setReason("");
              done();
            },
          },
        );
      }}
    >
      {t("incidents.addPeople.button")}
    </ConfirmButton>
  );
}

/**
 * The regulator decision as the timeline holds it (a referral to the ICO, or a decision not to
 * refer): shown once made, with the form to record a different one a click away.
 */
export function IcoDecision({ incidentId, entries }: { incidentId: string; entries: Entry[] }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const latest = entries
    .filter((e) => e.agency === "ico" && (e.kind === "referral" || e.kind === "decision"))
    .at(-1);
  if (!latest || changing)
    return <IcoDecisionForm incidentId={incidentId} onDone={() => setChanging(false)} />;
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {latest.kind === "referral"
          ? t("incidents.icoDecision.wasReported")
          : t("incidents.icoDecision.wasNotReported")}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {latest.kind === "referral" && latest.reference
          ? t("incidents.icoDecision.withReference", { reference: latest.reference })
          : latest.text}
      </Text>
      <Button
        variant="subtle"
        size="compact-sm"
        style={{ alignSelf: "flex-start" }}
        onClick={() => setChanging(true)}
      >
        {t("incidents.icoDecision.change")}
      </Button>
    </Stack>
  );
}

/** A data breach: was it reported to the ICO (with its reference), or why not. */
function IcoDecisionForm({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useIcoDecision(incidentId);
  const [reported, setReported] = useState<string>("");
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t("incidents.icoDecision.question")}
        value={reported}
        onChange={setReported}
        required
      >
        <Stack gap="xs" mt="xs">
          <Radio value="yes" label={t("incidents.icoDecision.yes")} />
          <Radio value="no" label={t("incidents.icoDecision.no")} />
        </Stack>
      </Radio.Group>
      {reported === "yes" && (
        <TextInput
          label={t("incidents.icoDecision.reference")}
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
      )}
      {reported === "no" && (
        <Textarea
          label={t("incidents.icoDecision.reason")}
          description={t("incidents.icoDecision.reasonHint")}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
        />
      )}
      <ErrorAlert error={decide.error} />
      <Button
        style={{ alignSelf: "flex-start" }}
        disabled={!reported}
        loading={decide.isPending}
        onClick={() => {
          if (reported === "no" && !reason.trim()) return setError(t("incidents.icoDecision.reasonRequired"));
          setError(null);
          decide.mutate(
            reported === "yes"
              ? { reported: true, reference: reference.trim() || undefined }
              : { reported: false, reason: reason.trim() },
            {
              onSuccess: () => {
                notifySuccess(t("incidents.icoDecision.done"));
                onDone();
              },
            },
          );
        }}
      >
        {t("incidents.icoDecision.save")}
      </Button>
    </Stack>
  );
}
