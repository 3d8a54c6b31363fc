import { Alert } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { QueueFullError } from "../signing-queue/store";
import type { SigningQueue } from "../signing-queue/useSigningQueue";
import { AboutYouStep } from "./AboutYouStep";
import { AgreementStep } from "./AgreementStep";
import { KioskDone } from "./KioskDone";
import { kioskSigning, useKioskSignature } from "./kioskApi";
import { SignStep } from "./SignStep";
import { StepFrame } from "./StepFrame";
import type { SignableAgreement } from "./types";
import {
  blankVisitor,
  fieldPath,
  firstName,
  stepErrors,
  stepOfField,
  type VisitorStep,
  type VisitorValues,
  visitorSteps,
} from "./visitorForm";

interface Props {
  token: string;
  agreement: SignableAgreement;
  reload: () => Promise<SignableAgreement | undefined>;
  onGone: () => void;
  onFinish: () => void;
  /** Where a signature waits when the network is down (decision 039). */
  queue: SigningQueue;
}

/**
 * One visitor's sign-in, from their name to the thank-you screen. Everything they type lives in
 * this component only: the kiosk unmounts it to wipe the visit.
 */
export function VisitorFlow({ token, agreement: shown, reload, onGone, onFinish, queue }: Props) {
  const { t, i18n } = useTranslation();
  // The text the visitor reads is fixed for their visit; only a 409 (the text changed) replaces it.
  const [agreement, setAgreement] = useState(shown);
  const [step, setStep] = useState<VisitorStep | "done">("about");
  const [textChanged, setTextChanged] = useState(false);
  const [queued, setQueued] = useState(false);
  const [queueFull, setQueueFull] = useState(false);
  const form = useForm<VisitorValues>({ initialValues: blankVisitor(shown) });
  const sign = useKioskSignature(token);

  const passes = (s: VisitorStep) => {
    const errors = stepErrors(s, form.getValues(), agreement, t);
    form.setErrors(errors);
    return Object.keys(errors).length === 0;
  };
  const goTo = (s: VisitorStep) => {
    sign.reset();
    setStep(s);
  };

  const submit = () => {
    if (!passes("sign")) return;
    const v = form.getValues();
    const body = {
      fullName: v.fullName.trim(),
      organisation: v.organisation.trim(),
      visiting: v.visiting.trim(),
      choices: v.choices,
      textSha256: agreement.textSha256,
      language: i18n.language === "cy" ? ("cy" as const) : ("en-GB" as const),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(v.signatureImage ? { signatureImage: v.signatureImage } : {}),
      // Chosen as the visitor presses sign: sent again from the queue, it is still one signature.
      idempotencyKey: crypto.randomUUID(),
    };
    sign.mutate(body, {
      onSuccess: () => setStep("done"),
      onError: async (error) => {
        if (isApiError(error, 0)) {
          // No network: the signature waits on this tablet and goes when the connection is back.
          try {
            await queue.keep(kioskSigning(token, body));
            setQueued(true);
            setStep("done");
          } catch (e) {
            if (e instanceof QueueFullError) setQueueFull(true);
            else throw e;
          }
          return;
        }
        if (isApiError(error, 410)) return onGone();
        if (isApiError(error, 409)) {
          const fresh = await reload();
          if (fresh) {
            setAgreement(fresh);
            form.setFieldValue("choices", { ...blankVisitor(fresh).choices });
          }
          setTextChanged(true);
          setStep("agreement");
          return;
        }
        if (!isApiError(error, 400) || error.fieldErrors.length === 0) return;
        let earliest: VisitorStep = "sign";
        for (const { field, message } of error.fieldErrors) {
          const path = fieldPath(field);
          form.setFieldError(path, message);
          const owner = stepOfField(path);
          if (visitorSteps.indexOf(owner) < visitorSteps.indexOf(earliest)) earliest = owner;
        }
        setStep(earliest);
      },
    });
  };

  if (step === "done" && (sign.data || queued))
    return (
      <KioskDone
        name={firstName(form.getValues().fullName)}
        reference={sign.data?.verificationReference ?? null}
        onFinish={onFinish}
      />
    );
  if (step === "done") return null;

  const index = visitorSteps.indexOf(step);
  const next = () => {
    if (step === "sign") return submit();
    if (passes(step)) goTo(visitorSteps[index + 1]);
  };
  const showError =
    sign.error && !isApiError(sign.error, 409) && !isApiError(sign.error, 0) ? sign.error : null;

  return (
    <StepFrame
      step={index + 1}
      total={visitorSteps.length}
      title={t(`kiosk.steps.${step}`)}
      notice={
        textChanged && step === "agreement" ? (
          <Alert color="orange" role="status">
            {t("kiosk.textChanged")}
          </Alert>
        ) : queueFull ? (
          <Alert color="red" role="alert">
            {t("signingQueue.full")}
          </Alert>
        ) : null
      }
      error={showError}
      submitLabel={step === "sign" ? t("kiosk.sign.submit") : t("kiosk.next")}
      busy={sign.isPending}
      onSubmit={next}
      onBack={index > 0 ? () => goTo(visitorSteps[index - 1]) : undefined}
      onCancel={onFinish}
    >
      {step === "about" && <AboutYouStep form={form} />}
      {step === "agreement" && <AgreementStep form={form} agreement={agreement} />}
      {step === "sign" && <SignStep form={form} />}
    </StepFrame>
  );
}
