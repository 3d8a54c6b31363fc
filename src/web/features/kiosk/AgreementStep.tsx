import { Stack } from "@mantine/core";
import { AgreementText } from "./AgreementText";
import { ChoiceRadios } from "./ChoiceRadios";
import type { SignableAgreement } from "./types";
import type { VisitorForm } from "./visitorForm";

export function AgreementStep({ form, agreement }: { form: VisitorForm; agreement: SignableAgreement }) {
  return (
    <Stack gap="xl">
      <AgreementText agreement={agreement} />
      {agreement.choices.map((choice) => (
        <ChoiceRadios key={choice.key} choice={choice} {...form.getInputProps(`choices.${choice.key}`)} />
      ))}
    </Stack>
  );
}
