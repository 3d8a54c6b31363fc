import { Alert, Drawer, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { usePersonSignatures } from "../agreements/agreementsApi";
import { SignatureHistory } from "../agreements/SignatureHistory";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import type { ComplianceAgreement, CompliancePerson } from "./types";

/**
 * One person's signing history, with receipts, opened from the compliance table. Admins may
 * withdraw a signature here (the DSL's view is read-only).
 */
export function PersonSignaturesDrawer({
  person,
  agreements,
  onClose,
}: {
  person: CompliancePerson | null;
  agreements: ComplianceAgreement[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const history = usePersonSignatures(person?.id ?? null);
  // Escape in the withdraw dialog closes that dialog, not the drawer behind it as well.
  const [dialogOpen, setDialogOpen] = useState(false);
  // An admin looking at their own history acts as its signer (and their fellow admins are told).
  const whoActs = !can(me, "agreements.manage") ? undefined : person?.id === me?.id ? "signer" : "admin";
  return (
    <Drawer
      opened={person !== null}
      onClose={onClose}
      closeOnEscape={!dialogOpen}
      position="right"
      size="md"
      title={person ? t("compliance.person.title", { name: person.name }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("compliance.person.intro")}</Text>
        {/* A parent covered by another carer signed nothing: the history below is theirs alone. */}
        {agreements
          .filter((a) => person?.cells[a.id]?.status === "covered")
          .map((a) => (
            <Alert key={a.id} color="teal" title={a.title}>
              {t("compliance.person.covered", { name: person?.cells[a.id]?.coveredBy })}
            </Alert>
          ))}
        {history.isPending && <SectionLoader />}
        <ErrorAlert error={history.error} />
        {history.data && (
          <SignatureHistory
            signatures={history.data.signatures}
            actions={whoActs}
            onDialogChange={setDialogOpen}
          />
        )}
      </Stack>
    </Drawer>
  );
}
