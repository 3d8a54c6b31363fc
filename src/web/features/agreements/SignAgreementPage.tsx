import { Alert, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useMe } from "../session/sessionApi";
import { AgreementText } from "./AgreementText";
import {
  useDeclineAgreement,
  useMyAgreements,
  useMySignatures,
  useRefreshAgreements,
  useSignAgreement,
} from "./agreementsApi";
import { ChangesSinceSigned } from "./ChangesSinceSigned";
import { DeclineButton } from "./DeclineButton";
import { DeclinedConfirmation } from "./DeclinedConfirmation";
import { DueText } from "./DueText";
import { SignatureForm } from "./SignatureForm";
import { SignedConfirmation } from "./SignedConfirmation";
import type { Signature } from "./types";

export function SignAgreementPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: me } = useMe();
  const mine = useMyAgreements();
  const history = useMySignatures();
  const sign = useSignAgreement(id);
  const decline = useDeclineAgreement(id);
  const refresh = useRefreshAgreements();
  const [declined, setDeclined] = useState<Signature | null>(null);
  // Kept once found: after signing, the agreement leaves the "to sign" list but the page stays.
  const [kept, setKept] = useState<string | null>(null);
  const agreement = mine.data?.agreements.find((a) => a.id === id);
  if (agreement && kept !== agreement.title) setKept(agreement.title);
  const title = agreement?.title ?? kept;

  const previous = agreement?.previouslySigned;
  const previousVersion = previous
    ? (history.data?.signatures.find((s) => s.agreementId === previous.agreementId)?.versionNumber ?? null)
    : null;

  const conflict = isApiError(sign.error, 409) ? (
    <Alert color="orange" role="alert" title={t("agreements.sign.conflictTitle")}>
      {sign.error.problem.detail || sign.error.problem.title}
    </Alert>
  ) : null;

  const onSign = (body: Parameters<typeof sign.mutateAsync>[0]) =>
    sign.mutateAsync(body, {
      // The text changed while they read: fetch what is in force now.
      onError: (error) => {
        if (isApiError(error, 409)) void refresh();
      },
    });

  if (sign.data && title)
    return (
      <Stack>
        <PageTitle>{title}</PageTitle>
        <SignedConfirmation signature={sign.data} title={title} />
      </Stack>
    );
  if (declined && title)
    return (
      <Stack>
        <PageTitle>{title}</PageTitle>
        <DeclinedConfirmation signature={declined} title={title} />
      </Stack>
    );

  return (
    <Stack>
      <RouterLink to="/agreements/sign" size="sm">
        {t("agreements.backToList")}
      </RouterLink>
      {mine.isPending && <SectionLoader />}
      <ErrorAlert error={mine.error} />
      {mine.data && !agreement && (
        <>
          <PageTitle>{t("agreements.sign.notWaitingTitle")}</PageTitle>
          {conflict}
          <Text>{t("agreements.sign.notWaiting")}</Text>
        </>
      )}
      {agreement && (
        <>
          <PageTitle>{agreement.title}</PageTitle>
          <DueText dueDate={agreement.dueDate} overdue={agreement.overdue} />
          {previous && (
            <ChangesSinceSigned
              before={previous.statements}
              after={agreement.statements}
              versionNumber={previousVersion}
              policy={{
                id: agreement.policy.id,
                title: agreement.policy.title,
                versionNumber: agreement.policy.versionNumber,
                changeSummary: previous.policyChangeSummary,
              }}
            />
          )}
          <Paper withBorder p="lg">
            <AgreementText agreement={agreement} duties="signer" />
          </Paper>
          <Paper withBorder p="lg">
            <SignatureForm
              key={agreement.textSha256}
              agreement={agreement}
              defaultName={me?.name ?? ""}
              initial={{ fullName: me?.name ?? "", jobTitle: me?.jobTitle ?? null, choices: {} }}
              askJobTitle={agreement.requireJobTitle}
              onSign={onSign}
              signing={sign.isPending}
              conflict={conflict}
              extraActions={
                <DeclineButton agreement={agreement} decline={decline} onDeclined={setDeclined} />
              }
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
