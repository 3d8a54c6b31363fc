import { Alert, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { AgreementText } from "./AgreementText";
import { useCorrectSignature, useRefreshAgreements, useSignatureCorrection } from "./agreementsApi";
import { SignatureForm } from "./SignatureForm";
import { SignedConfirmation } from "./SignedConfirmation";

/**
 * The signer gives their signature again, corrected (a typo in the name, a changed answer). The
 * earlier signature stays on record, marked as corrected; the new one replaces it.
 */
export function CorrectSignaturePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const correction = useSignatureCorrection(id);
  const correct = useCorrectSignature(id);
  const refresh = useRefreshAgreements();
  // Kept once found: the confirmation still names the agreement whatever is fetched after.
  const [kept, setKept] = useState<string | null>(null);
  const found = correction.data;
  if (found && kept !== found.agreement.title) setKept(found.agreement.title);

  const onSign = (body: Parameters<typeof correct.mutateAsync>[0]) =>
    correct.mutateAsync(body, {
      // The text changed, or the signature was withdrawn or corrected meanwhile: show where it stands.
      onError: (error) => {
        if (isApiError(error, 409)) void Promise.all([refresh(), correction.refetch()]);
      },
    });

  const conflict = isApiError(correct.error, 409) ? (
    <Alert color="orange" role="alert" title={t("agreements.correct.conflictTitle")}>
      {correct.error.problem.detail || correct.error.problem.title}
    </Alert>
  ) : null;

  if (correct.data && kept)
    return (
      <Stack>
        <PageTitle>{kept}</PageTitle>
        <SignedConfirmation signature={correct.data} title={kept} />
      </Stack>
    );

  const back = (
    <RouterLink to="/agreements/sign" size="sm">
      {t("agreements.backToList")}
    </RouterLink>
  );

  // Refused: withdrawn or corrected already, or the agreement has a newer version.
  if (correction.error)
    return (
      <Stack>
        {back}
        <PageTitle>{t("agreements.correct.cannotTitle")}</PageTitle>
        {isApiError(correction.error, 409) ? (
          <Alert color="orange" role="alert">
            {correction.error.problem.detail || correction.error.problem.title}
          </Alert>
        ) : (
          <ErrorAlert error={correction.error} />
        )}
        <Text>{t("agreements.correct.cannotHint")}</Text>
      </Stack>
    );

  return (
    <Stack>
      {back}
      {correction.isPending && <SectionLoader />}
      {found && (
        <>
          <PageTitle>{t("agreements.correct.title", { title: found.agreement.title })}</PageTitle>
          <Text>{t("agreements.correct.explain", { when: formatDateTime(found.signature.signedAt) })}</Text>
          <Paper withBorder p="lg">
            <AgreementText agreement={found.agreement} />
          </Paper>
          <Paper withBorder p="lg">
            <SignatureForm
              key={found.agreement.textSha256}
              agreement={found.agreement}
              defaultName={found.signature.fullName}
              initial={found.signature}
              askJobTitle={found.agreement.requireJobTitle}
              onSign={onSign}
              signing={correct.isPending}
              conflict={conflict}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
