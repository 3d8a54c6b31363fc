import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { ActionItem } from "./ActionItem";
import { useMyActions } from "./filteringApi";

/** The actions a review gave the signed-in person: open to anyone given one, reader of reviews or not. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const mine = useMyActions();
  return (
    <Stack maw={720}>
      <PageTitle>{t("filtering.mine.title")}</PageTitle>
      <Text>{t("filtering.mine.intro")}</Text>
      <ErrorAlert error={mine.error} />
      {mine.isPending && <SectionLoader />}
      {mine.data && mine.data.actions.length === 0 && <Text>{t("filtering.mine.empty")}</Text>}
      {mine.data && mine.data.actions.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {mine.data.actions.map((a) => (
            <ActionItem key={a.id} action={a} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
