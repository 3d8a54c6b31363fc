import { Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { useRecordAnswers } from "./consentApi";
import { type Answer, type PupilConsentView, staffMethods } from "./types";

type StaffMethod = (typeof staffMethods)[number];
const NOBODY = "";
/** The pupil answered for themself (the server allows it from the school's chosen age). */
const PUPIL = "pupil";

/** The office records a paper form or a phone call: who answered, how, and yes or no per purpose. */
export function RecordAnswersButton({ consent }: { consent: PupilConsentView }) {
  const { t } = useTranslation();
  const record = useRecordAnswers(consent.pupil.id);
  const carers = consent.carers.filter((c) => c.parentalResponsibility);
  const [carerId, setCarerId] = useState<string>(carers[0]?.id ?? NOBODY);
  const [method, setMethod] = useState<StaffMethod>("paper");
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const reset = () => {
    setCarerId(carers[0]?.id ?? NOBODY);
    setMethod("paper");
    setAnswers({});
    setNote("");
    setMissing(null);
  };

  return (
    <ConfirmButton
      button={{ variant: "default" }}
      size="lg"
      onOpenChange={(open) => open && reset()}
      title={t("consent.record.title", { name: consent.pupil.name })}
      body={
        <>
          <Text size="sm">{t("consent.record.explain")}</Text>
          <Radio.Group label={t("consent.record.carer")} value={carerId} onChange={setCarerId}>
            <Stack gap="xs" mt="xs">
              {carers.map((c) => (
                <Radio key={c.id} value={c.id} label={c.name} />
              ))}
              <Radio value={PUPIL} label={t("consent.record.byPupil", { name: consent.pupil.name })} />
              <Radio value={NOBODY} label={t("consent.record.carerOther")} />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t("consent.record.method")}
            value={method}
            onChange={(v) => setMethod(v as StaffMethod)}
          >
            <Group gap="md" mt="xs">
              {staffMethods.map((m) => (
                <Radio key={m} value={m} label={t(`consent.method.${m}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Stack gap="sm">
            {consent.purposes.map((p) => (
              <Radio.Group
                key={p.key}
                label={p.name}
                value={answers[p.key] ?? null}
                onChange={(v) => {
                  setMissing(null);
                  setAnswers((a) => ({ ...a, [p.key]: v as Answer }));
                }}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="yes" label={t("consent.status.yes")} />
                  <Radio value="no" label={t("consent.status.no")} />
                </Group>
              </Radio.Group>
            ))}
          </Stack>
          {missing && (
            <Text c="red.8" size="sm" role="alert">
              {missing}
            </Text>
          )}
          <Textarea
            label={t("consent.record.note")}
            description={t("consent.record.noteHint")}
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </>
      }
      confirm={t("consent.record.confirm")}
      pending={record.isPending}
      error={record.error}
      onConfirm={(close) => {
        const given = Object.entries(answers).map(([purposeKey, answer]) => ({ purposeKey, answer }));
        if (given.length === 0) {
          setMissing(t("consent.record.answerRequired"));
          return;
        }
        record.mutate(
          {
            method,
            answers: given,
            ...(carerId === PUPIL ? { byPupil: true } : carerId ? { carerId } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
          {
            onSuccess: ({ recorded }) => {
              close();
              notifySuccess(t("consent.record.done", { count: recorded, name: consent.pupil.name }));
            },
          },
        );
      }}
    >
      {t("consent.record.button")}
    </ConfirmButton>
  );
}
