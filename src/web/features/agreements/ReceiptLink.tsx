import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";
import { receiptHref } from "./types";

/** The receipt PDF: a same-origin download, so the session cookie goes with it. */
export function ReceiptLink({
  signatureId,
  reference,
  children,
}: {
  signatureId: string;
  reference: string;
  children: ReactNode;
}) {
  return (
    <Anchor href={receiptHref(signatureId)} download={`receipt-${reference}.pdf`}>
      {children}
    </Anchor>
  );
}
