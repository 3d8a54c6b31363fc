import { Drawer, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { usePersonSignatures } from "../agreements/agreementsApi";
import { SignatureHistory } from "../agreements/SignatureHistory";
import type { CompliancePerson } from "./types";

/** One person's signing history, with receipts, opened from the compliance table. */
export function PersonSignaturesDrawer({
  person,
  onClose,
}: {
  person: CompliancePerson | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = usePersonSignatures(person?.id ?? null);
  return (
    <Drawer
      opened={person !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={person ? t("compliance.person.title", { name: person.name }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("compliance.person.intro")}</Text>
        {history.isPending && <SectionLoader />}
        <ErrorAlert error={history.error} />
        {history.data && <SignatureHistory signatures={history.data.signatures} />}
      </Stack>
    </Drawer>
  );
}
