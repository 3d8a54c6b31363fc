import { Alert, Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { useVerifyReference } from "./publicApi";

/** Anyone holding a receipt can check that Accord recorded that signature. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const verify = useVerifyReference();
  const form = useForm({
    initialValues: { reference: searchParams.get("reference") ?? "" },
    validate: {
      reference: (v) =>
        v.replace(/[^0-9a-z]/gi, "").length >= 10 ? null : t("agreements.verify.referenceRequired"),
    },
    // An answer belongs to the reference it was given for: a new reference clears it.
    onValuesChange: () => verify.reset(),
  });
  const result = verify.data;

  return (
    <PublicLayout size={640}>
      <Stack>
        <PageTitle>{t("agreements.verify.title")}</PageTitle>
        <Text>{t("agreements.verify.intro")}</Text>
        <Paper withBorder p="lg">
          <form
            noValidate
            onSubmit={form.onSubmit(
              ({ reference }) => verify.mutate(reference),
              () => verify.reset(),
            )}
          >
            <Stack>
              <TextInput
                label={t("agreements.verify.reference")}
                description={t("agreements.verify.referenceHint")}
                autoComplete="off"
                spellCheck={false}
                required
                {...form.getInputProps("reference")}
              />
              <Button type="submit" loading={verify.isPending} style={{ alignSelf: "flex-start" }}>
                {t("agreements.verify.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
        <ErrorAlert error={verify.error} />
        <div role="status">
          {result?.valid === true && (
            <Alert
              color={result.withdrawnAt || result.correctedAt ? "orange" : "green"}
              title={t("agreements.verify.valid")}
            >
              {/* The receipt is genuine either way; the checker also needs to know it no longer stands. */}
              {result.withdrawnAt ? (
                <Text fw={600} mb="sm">
                  {t("agreements.verify.withdrawn", { when: formatDateTime(result.withdrawnAt) })}
                </Text>
              ) : result.correctedAt ? (
                <Text fw={600} mb="sm">
                  {t("agreements.verify.corrected", { when: formatDateTime(result.correctedAt) })}
                </Text>
              ) : null}
              <DetailList
                items={[
                  { label: t("agreements.verify.school"), value: result.schoolName },
                  {
                    label: t("agreements.verify.agreement"),
                    value: t("agreements.history.item", {
                      title: result.agreementTitle,
                      number: result.versionNumber,
                    }),
                  },
                  { label: t("agreements.verify.signer"), value: result.signerName },
                  { label: t("agreements.verify.signedAt"), value: formatDateTime(result.signedAt) },
                  {
                    label: t("agreements.verify.hash"),
                    value: (
                      <Text span size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                        {result.textSha256}
                      </Text>
                    ),
                  },
                ]}
              />
            </Alert>
          )}
          {result?.valid === false && (
            <Alert
              color="red"
              title={t(
                result.reason === "record_mismatch"
                  ? "agreements.verify.mismatch"
                  : "agreements.verify.invalid",
              )}
            >
              {t(
                result.reason === "record_mismatch"
                  ? "agreements.verify.mismatchDetail"
                  : "agreements.verify.invalidDetail",
              )}
            </Alert>
          )}
        </div>
      </Stack>
    </PublicLayout>
  );
}
