import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AgreementText } from "../kiosk/AgreementText";
import { ChoiceRadios } from "../kiosk/ChoiceRadios";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import type { SignableAgreement, SignatureReceipt } from "../kiosk/types";
import { QueueFullError } from "../signing-queue/store";
import type { SigningQueue } from "../signing-queue/useSigningQueue";
import { classSigning, useSignPledge } from "./classSessionsApi";
import type { DevicePupil } from "./types";

interface Props {
  token: string;
  agreement: SignableAgreement;
  pupil: DevicePupil;
  /** The receipt, or null when the promise waits on the device for the network (decision 039). */
  onSigned: (receipt: SignatureReceipt | null) => void;
  onBack: () => void;
  onEnded: () => void;
  queue: SigningQueue;
}

/** One child's turn: read the promise, type your name, press the big button. */
export function PledgeScreen({ token, agreement, pupil, onSigned, onBack, onEnded, queue }: Props) {
  const { t } = useTranslation();
  const sign = useSignPledge(token);
  const [queueFull, setQueueFull] = useState(false);
  const form = useForm({
    initialValues: {
      fullName: "",
      choices: Object.fromEntries(agreement.choices.map((c) => [c.key, ""])) as Record<string, string>,
    },
    validate: {
      fullName: (v) => (v.trim().length >= 2 ? null : t("classDevice.pledge.nameNeeded")),
      choices: Object.fromEntries(
        agreement.choices.map((c) => [c.key, (v: string) => (v ? null : t("sharedSigning.errors.choose"))]),
      ),
    },
  });
  const submit = form.onSubmit(({ fullName, choices }) => {
    const body = {
      pupilId: pupil.id,
      fullName: fullName.trim(),
      choices,
      textSha256: agreement.textSha256,
      // Chosen as the pupil presses the button: sent again from the queue, it is one promise.
      idempotencyKey: crypto.randomUUID(),
    };
    sign.mutate(body, {
      onSuccess: onSigned,
      onError: async (error) => {
        if (isApiError(error, 410)) onEnded();
        if (!isApiError(error, 0)) return;
        // No network: the promise waits on this device and goes when the connection is back.
        try {
          await queue.keep(classSigning(token, body));
          onSigned(null);
        } catch (e) {
          if (e instanceof QueueFullError) setQueueFull(true);
          else throw e;
        }
      },
    });
  });

  return (
    <Stack gap="lg">
      <Button variant="default" size="lg" onClick={onBack} style={{ alignSelf: "flex-start" }}>
        {t("classDevice.pledge.notMe")}
      </Button>
      <ScreenTitle>{t("classDevice.pledge.title", { name: pupil.displayName })}</ScreenTitle>
      <Text fz="xl">{t("classDevice.pledge.intro")}</Text>
      <AgreementText agreement={agreement} fz="xl" declarationLabel={t("classDevice.pledge.declaration")} />
      <form noValidate autoComplete="off" onSubmit={submit}>
        <Stack gap="xl">
          {agreement.choices.map((choice) => (
            <ChoiceRadios key={choice.key} choice={choice} {...form.getInputProps(`choices.${choice.key}`)} />
          ))}
          <TextInput
            label={t("classDevice.pledge.typeName")}
            size="xl"
            required
            autoComplete="off"
            spellCheck={false}
            styles={{ label: { fontSize: 22 } }}
            {...form.getInputProps("fullName")}
          />
          {queueFull ? (
            <Alert color="red" role="alert">
              {t("signingQueue.full")}
            </Alert>
          ) : (
            !isApiError(sign.error, 0) && <ErrorAlert error={sign.error} />
          )}
          <Button type="submit" size="xl" h={80} fz={28} loading={sign.isPending} color="green.9">
            {t("classDevice.pledge.promise")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
