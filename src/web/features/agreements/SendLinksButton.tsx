import { Alert, Anchor, Box, List, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { notifySuccess } from "../../ui/notify";
import { paperFormsHref, useParentLinksPlan, useSendParentLinks } from "./agreementsApi";
import type { Agreement, ParentLinksPlan } from "./types";

/**
 * For a parents' agreement: email each assigned carer with parental responsibility a single-use
 * signing link. Before anything goes, the dialog says how many links, and lists the carers
 * without an email address and the children no link can reach, with their printed forms.
 */
export function SendLinksButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const plan = useParentLinksPlan(agreement.id, opened);
  const send = useSendParentLinks(agreement.id);
  return (
    <ConfirmButton
      button={{ variant: "default", size: "compact-md" }}
      ariaLabel={t("agreements.links.buttonFor", { title: agreement.title })}
      onOpenChange={setOpened}
      size="lg"
      title={t("agreements.links.title", { title: agreement.title })}
      body={
        <>
          <Text size="sm">
            {t(
              agreement.parentMode === "per_family"
                ? "agreements.links.explainFamily"
                : "agreements.links.explainChild",
            )}
          </Text>
          {plan.data && <PreSendList agreementId={agreement.id} plan={plan.data} />}
        </>
      }
      confirm={t("agreements.links.confirm")}
      pending={send.isPending}
      error={send.error ?? plan.error}
      onConfirm={(close) =>
        send.mutate(undefined, {
          onSuccess: ({ sent, delivery }) => {
            close();
            notifySuccess(
              t(delivery === "outbox" ? "agreements.links.queued" : "agreements.links.done", {
                count: sent,
                title: agreement.title,
              }),
            );
          },
        })
      }
    >
      {t("agreements.links.button")}
    </ConfirmButton>
  );
}

function PreSendList({ agreementId, plan }: { agreementId: string; plan: ParentLinksPlan }) {
  const { t } = useTranslation();
  const { carersWithoutEmail, unreachableChildren, withoutResponsibility } = plan;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status">
        {t("agreements.links.willSend", { count: plan.sent })}
      </Text>
      {plan.delivery === "outbox" && (
        <Alert color="yellow" p="xs">
          <Text size="sm">{t("agreements.links.outbox")}</Text>
        </Alert>
      )}
      {withoutResponsibility > 0 && (
        <Text size="sm">{t("agreements.links.withoutResponsibility", { count: withoutResponsibility })}</Text>
      )}
      {carersWithoutEmail.length > 0 && (
        <Box>
          <Title order={3} size="h5">
            {t("agreements.links.noEmailHeading", { count: carersWithoutEmail.length })}
          </Title>
          <ListBox label={t("agreements.links.noEmailHeading", { count: carersWithoutEmail.length })}>
            {carersWithoutEmail.map((c) => (
              <List.Item key={c.id}>
                {t("agreements.links.carerFor", {
                  carer: c.name,
                  children: c.children.map((k) => k.name).join(", "),
                })}
              </List.Item>
            ))}
          </ListBox>
        </Box>
      )}
      {unreachableChildren.length > 0 && (
        <Box>
          <Title order={3} size="h5">
            {t("agreements.links.unreachableHeading", { count: unreachableChildren.length })}
          </Title>
          <ListBox label={t("agreements.links.unreachableHeading", { count: unreachableChildren.length })}>
            {unreachableChildren.map((c) => (
              <List.Item key={c.id}>
                {c.regGroup ? `${c.name} (${c.regGroup})` : c.name}
                {" — "}
                {t(`agreements.links.reason.${c.reason}`)}
              </List.Item>
            ))}
          </ListBox>
          <Text size="sm" mt="xs">
            {t("agreements.links.paperExplain")}{" "}
            <Anchor href={paperFormsHref(agreementId)} download>
              {t("agreements.paper.printUnreachable")}
            </Anchor>
          </Text>
        </Box>
      )}
    </Stack>
  );
}

/** A list that may be long (a whole school's children): it scrolls, and a keyboard can scroll it. */
function ListBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} mah={180} style={{ overflowY: "auto" }} mt={4}>
      <List size="sm" spacing={2}>
        {children}
      </List>
    </Box>
  );
}
