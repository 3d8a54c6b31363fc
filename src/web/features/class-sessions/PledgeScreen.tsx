import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AgreementText } from "../kiosk/AgreementText";
import { ChoiceRadios } from "../kiosk/ChoiceRadios";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import type { SignableAgreement, SignatureReceipt } from "../kiosk/types";
import { useSignPledge } from "./classSessionsApi";
import type { DevicePupil } from "./types";

interface Props {
  token: string;
  agreement: SignableAgreement;
  pupil: DevicePupil;
  onSigned: (receipt: SignatureReceipt) => void;
  onBack: () => void;
  onEnded: () => void;
}

/** One child's turn: read the promise, type your name, press the big button. */
export function PledgeScreen({ token, agreement, pupil, onSigned, onBack, onEnded }: Props) {
  const { t } = useTranslation();
  const sign = useSignPledge(token);
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
  const submit = form.onSubmit(({ fullName, choices }) =>
    sign.mutate(
      { pupilId: pupil.id, fullName: fullName.trim(), choices, textSha256: agreement.textSha256 },
      {
        onSuccess: onSigned,
        onError: (error) => {
          if (isApiError(error, 410)) onEnded();
        },
      },
    ),
  );

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
          <ErrorAlert error={sign.error} />
          <Button type="submit" size="xl" h={80} fz={28} loading={sign.isPending} color="green.9">
            {t("classDevice.pledge.promise")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
