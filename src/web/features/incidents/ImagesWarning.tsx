import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Always on the form, and in place of attachments for nude image sharing: viewing, copying or
 * sending on a sexual image of a child is itself an offence, even to report it (UKCIS guidance).
 */
export function ImagesWarning({ instead = false }: { instead?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t("incidents.images.title")} role="note">
      <Text size="sm">{t("incidents.images.body")}</Text>
      {instead && (
        <Text size="sm" mt="xs" fw={600}>
          {t("incidents.images.noAttachments")}
        </Text>
      )}
    </Alert>
  );
}
