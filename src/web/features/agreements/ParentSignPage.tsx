import { Alert, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { SectionLoader } from "../../ui/SectionLoader";
import { AgreementText } from "./AgreementText";
import { DeclineButton } from "./DeclineButton";
import { LinkReceipt } from "./LinkReceipt";
import { useDeclineByLink, useSignByLink, useSigningLink } from "./publicApi";
import { SignatureForm } from "./SignatureForm";

/** The page an emailed signing link opens: no account, no navigation, one agreement. */
export function ParentSignPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const link = useSigningLink(token);
  const sign = useSignByLink(token);
  const decline = useDeclineByLink(token);
  const data = link.data;
  // What was given is shown only just after giving it; a used link opened again says when it was
  // answered and nothing more (no names, no answers: the parent's copy is the emailed receipt).
  const signature = sign.data;
  const declined = decline.data;
  const answered = data && data.state !== "open" && !signature && !declined ? data : null;
  const title = data ? (data.state === "open" ? data.agreement.title : data.agreementTitle) : null;
  const childName = data?.state === "open" ? data.childName : null;

  const conflict = isApiError(sign.error, 409) ? (
    <Alert color="orange" role="alert" title={t("agreements.sign.conflictTitle")}>
      {sign.error.problem.detail || sign.error.problem.title}
    </Alert>
  ) : null;

  return (
    <PublicLayout
      size={720}
      // Kept with the parent's record: the receipt and what the school sends later follow it.
      onLanguageChosen={(language) => void api.put(`/sign/${token}/language`, { language }).catch(() => {})}
    >
      <Stack>
        {link.isPending && <SectionLoader />}
        {!title && !link.isPending && <PageTitle>{t("agreements.link.title")}</PageTitle>}
        {isApiError(link.error, 404) ? (
          <Alert color="red" role="alert" title={t("sharedSigning.invalidLink.title")}>
            {t("sharedSigning.invalidLink.body")}
          </Alert>
        ) : (
          <ErrorAlert error={link.error} />
        )}
        {data && title && (
          <>
            <PageTitle>{title}</PageTitle>
            <Text fw={500}>{data.schoolName}</Text>
            {childName && <Text>{t("agreements.link.forChild", { name: childName })}</Text>}
            {answered ? (
              <Alert color="blue" variant="light" role="status" title={t("agreements.link.answeredTitle")}>
                <Text>
                  {t(
                    answered.state === "declined"
                      ? "agreements.link.answeredDeclined"
                      : "agreements.link.answeredSigned",
                    {
                      when: formatDateTime(answered.answeredAt),
                    },
                  )}
                </Text>
                <Text mt="xs">{t("agreements.link.answeredPrivacy")}</Text>
              </Alert>
            ) : declined ? (
              <Alert color="orange" variant="light" role="status" title={t("agreements.link.declinedTitle")}>
                <Text>
                  {t("agreements.link.declinedDetail", { when: formatDateTime(declined.signedAt) })}
                </Text>
                {declined.reason && (
                  <Text mt="xs">{t("agreements.history.reason", { reason: declined.reason })}</Text>
                )}
              </Alert>
            ) : signature ? (
              <LinkReceipt signature={signature} childName={childName} />
            ) : (
              data.state === "open" && (
                <>
                  <Text>{t("agreements.link.intro")}</Text>
                  <Paper withBorder p="lg">
                    <AgreementText agreement={data.agreement} />
                  </Paper>
                  <Paper withBorder p="lg">
                    <SignatureForm
                      key={data.agreement.textSha256}
                      agreement={data.agreement}
                      defaultName={data.parentName ?? ""}
                      askJobTitle={false}
                      onSign={(body) =>
                        sign.mutateAsync(body, {
                          onError: (error) => {
                            // The text changed, or the link was used meanwhile: show what is true now.
                            if (isApiError(error, 409) || isApiError(error, 410)) void link.refetch();
                          },
                        })
                      }
                      signing={sign.isPending}
                      conflict={conflict}
                      extraActions={<DeclineButton agreement={data.agreement} decline={decline} />}
                    />
                  </Paper>
                </>
              )
            )}
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
