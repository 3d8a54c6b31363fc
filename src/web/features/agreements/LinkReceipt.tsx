import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { formatDateTime } from "../../ui/format";
import { ReferenceText } from "./ReferenceText";
import type { Signature } from "./types";

interface Props {
  signature: Signature;
  childName: string | null;
}

/** What a parent sees once the link has been used: the record, and the reference to keep. */
export function LinkReceipt({ signature, childName }: Props) {
  const { t } = useTranslation();
  const { token } = useParams();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert color="green" variant="light" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t("agreements.link.signedHeading")}
        </Title>
        <DetailList
          items={[
            { label: t("agreements.link.signedBy"), value: signature.fullName },
            ...(childName ? [{ label: t("agreements.link.signedFor"), value: childName }] : []),
            { label: t("agreements.link.signedAt"), value: formatDateTime(signature.signedAt) },
            {
              label: t("agreements.signed.reference"),
              value: <ReferenceText reference={signature.verificationReference} />,
            },
          ]}
        />
        <Text>{t("agreements.link.keepReference")}</Text>
        <a href={`/api/v1/sign/${token}/receipt.pdf`} download>
          {t("agreements.signed.receipt")}
        </a>
        <Button variant="default" onClick={() => window.print()} style={{ alignSelf: "flex-start" }}>
          {t("agreements.link.print")}
        </Button>
      </Stack>
    </Alert>
  );
}
