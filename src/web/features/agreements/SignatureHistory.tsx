import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime, formatShortDate } from "../../ui/format";
import { ReceiptLink } from "./ReceiptLink";
import { correctSignaturePath, type SignatureRecord } from "./types";
import { type WithdrawnBy, WithdrawSignatureButton } from "./WithdrawSignatureButton";

/** What a record says about the person's standing, in words first and colour second. */
function standing(s: SignatureRecord, t: TFunction): { label: string; color: string } {
  if (s.kind === "declined") return { label: t("agreements.history.declined"), color: "orange" };
  if (s.kind === "withdrawn") return { label: t("agreements.history.withdrawal"), color: "gray" };
  if (s.withdrawnAt)
    return {
      label: t("agreements.history.withdrawnOn", { date: formatShortDate(s.withdrawnAt) }),
      color: "gray",
    };
  if (s.correctedAt)
    return {
      label: t("agreements.history.correctedOn", { date: formatShortDate(s.correctedAt) }),
      color: "gray",
    };
  return { label: t("agreements.history.signed"), color: "green" };
}

/**
 * A person's signatures, declines and withdrawals, newest first, each with its reference and
 * receipt. A signature withdrawn or corrected later stays, marked so: its receipt is still genuine.
 * `actions` says who is looking, and so what they may do with a signature still in force: the
 * signer corrects or withdraws their own; an admin withdraws (only the signer can sign again).
 */
export function SignatureHistory({
  signatures,
  actions,
  onDialogChange,
}: {
  signatures: SignatureRecord[];
  actions?: WithdrawnBy;
  /** Told when a withdraw dialog opens or closes (e.g. so a drawer keeps its Escape to itself). */
  onDialogChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const titles = useRef(new Map<string, HTMLElement>());
  if (signatures.length === 0) return <Text c="dimmed">{t("agreements.history.none")}</Text>;
  const byId = new Map(signatures.map((s) => [s.id, s]));
  // After a withdrawal its button goes: keep keyboard users on the record they acted on.
  const focusRecord = (id: string) => window.setTimeout(() => titles.current.get(id)?.focus(), 250);

  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {signatures.map((s) => {
        const title = t("agreements.history.item", { title: s.agreementTitle, number: s.versionNumber });
        const { label, color } = standing(s, t);
        const earlier = s.correctsId ? byId.get(s.correctsId) : undefined;
        const inForce = s.kind === "signed" && !s.withdrawnAt && !s.correctedAt;
        return (
          <Paper key={s.id} component="li" withBorder p="sm">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text
                  fw={600}
                  style={{ overflowWrap: "anywhere", outlineOffset: 2 }}
                  tabIndex={-1}
                  ref={(el) => {
                    if (el) titles.current.set(s.id, el);
                    else titles.current.delete(s.id);
                  }}
                >
                  {title}
                </Text>
                <Badge color={color} size="sm" tt="none" style={{ whiteSpace: "nowrap" }}>
                  {label}
                </Badge>
              </Group>
              <Text size="sm">{formatDateTime(s.signedAt)}</Text>
              {s.kind === "signed" && (
                <>
                  {earlier && (
                    <Text size="sm">
                      {t("agreements.history.corrects", { when: formatDateTime(earlier.signedAt) })}
                    </Text>
                  )}
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {t("agreements.history.reference", { reference: s.verificationReference })}
                  </Text>
                  <ReceiptLink signatureId={s.id} reference={s.verificationReference}>
                    {t("agreements.history.receipt", { title: s.agreementTitle })}
                  </ReceiptLink>
                  {inForce && actions && (
                    <Group gap="xs" mt={4}>
                      {actions === "signer" && s.agreementInForce && (
                        <Button
                          component={Link}
                          to={correctSignaturePath(s.id)}
                          variant="default"
                          size="xs"
                          aria-label={t("agreements.correct.linkLabel", { title })}
                        >
                          {t("agreements.correct.link")}
                        </Button>
                      )}
                      <WithdrawSignatureButton
                        signature={s}
                        by={actions}
                        onOpenChange={onDialogChange}
                        onWithdrawn={() => focusRecord(s.id)}
                      />
                    </Group>
                  )}
                </>
              )}
              {s.kind === "withdrawn" && (
                <>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {t("agreements.history.withdrawnBy", { name: s.fullName })}
                  </Text>
                  {earlier && (
                    <Text size="sm">
                      {t("agreements.history.withdraws", { when: formatDateTime(earlier.signedAt) })}
                    </Text>
                  )}
                </>
              )}
              {s.kind !== "signed" && s.reason && (
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {t("agreements.history.reason", { reason: s.reason })}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
