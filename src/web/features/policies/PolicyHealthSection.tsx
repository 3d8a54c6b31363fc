import { Alert, Anchor, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { DismissedFinding, OpenFinding } from "./HealthFindingCard";
import { usePolicyHealth } from "./policyHealthApi";

/**
 * The health check's findings on a policy (its newest version) or on one version: open ones to
 * act on or dismiss with a reason, policies the text refers to that the library holds, and the
 * dismissed ones apart, each with who dismissed it and why.
 */
export function PolicyHealthSection({
  policyId,
  versionId = null,
}: {
  policyId: string;
  versionId?: string | null;
}) {
  const { t } = useTranslation();
  const { data, error, isPending } = usePolicyHealth(policyId, versionId);
  // Findings are for those who see the policy's drafts; a reader of the published text gets 404.
  if (isApiError(error, 404)) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="policy-health-heading" id="policy-health">
      <Stack>
        <Title order={2} size="h3" id="policy-health-heading">
          {t("policyHealth.heading")}
        </Title>
        {isPending && <SectionLoader />}
        <ErrorAlert error={error} />
        {data && (
          <>
            <Text size="sm" c="dimmed">
              {t("policyHealth.intro", {
                number: data.version?.number ?? "",
                country: t(`policyHealth.countries.${data.country}`),
              })}
            </Text>
            {data.findings.length === 0 ? (
              <Alert color="green" role="status">
                {t("policyHealth.none")}
              </Alert>
            ) : (
              <Stack gap="xs">
                <Text fw={600}>{t("policyHealth.openCount", { count: data.findings.length })}</Text>
                <Stack component="ul" p={0} m={0} gap="sm" aria-label={t("policyHealth.openList")}>
                  {data.findings.map((f) => (
                    <OpenFinding
                      key={f.fingerprint}
                      policyId={policyId}
                      finding={f}
                      canDismiss={data.canDismiss}
                    />
                  ))}
                </Stack>
              </Stack>
            )}
            {data.linked.length > 0 && (
              <Stack gap={4}>
                <Title order={3} size="h5">
                  {t("policyHealth.linkedHeading")}
                </Title>
                <List size="sm">
                  {data.linked.map((l) => (
                    <List.Item key={l.policyId + l.name}>
                      <Anchor component={Link} to={`/policies/${l.policyId}`}>
                        {l.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
            {data.dismissed.length > 0 && (
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {t("policyHealth.dismissedHeading", { count: data.dismissed.length })}
                </Title>
                <Stack component="ul" p={0} m={0} gap="sm" aria-label={t("policyHealth.dismissedList")}>
                  {data.dismissed.map((f) => (
                    <DismissedFinding
                      key={f.fingerprint}
                      policyId={policyId}
                      finding={f}
                      canDismiss={data.canDismiss}
                    />
                  ))}
                </Stack>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
