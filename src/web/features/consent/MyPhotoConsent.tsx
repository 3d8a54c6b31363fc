import { Paper, Radio, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { useAnswerMyPhotoConsent, useMyPhotoConsent } from "./consentApi";

/**
 * A member of staff's own photo consent, on their account page: each staff purpose with Yes or No.
 * Silence is no, as for pupils; a change is recorded at once (a no tells the website managers).
 */
export function MyPhotoConsent() {
  const { t } = useTranslation();
  const mine = useMyPhotoConsent();
  const answer = useAnswerMyPhotoConsent();
  // The choice shows within the click itself (local state: the mutation's own state arrives a tick
  // later, and until then the controlled radio would snap back), and the server's answer replaces it.
  const [chosen, setChosen] = useState<Record<string, "yes" | "no">>({});
  const purposes = mine.data?.purposes ?? [];
  if (mine.isLoading || purposes.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-photo-heading">
      <Stack>
        <Title order={2} size="h3" id="my-photo-heading">
          {t("consent.mine.title")}
        </Title>
        <Text size="sm">{t("consent.mine.intro")}</Text>
        <ErrorAlert error={mine.error ?? answer.error} />
        {purposes.map((p) => (
          <Radio.Group
            key={p.key}
            label={p.name}
            description={p.description}
            value={chosen[p.key] ?? (p.reason === "no_answer" ? null : p.status)}
            onChange={(value) => {
              const said = value as "yes" | "no";
              setChosen((c) => ({ ...c, [p.key]: said }));
              answer.mutate([{ purposeKey: p.key, answer: said }], {
                onSettled: () => setChosen(({ [p.key]: _, ...rest }) => rest),
              });
            }}
          >
            <Stack gap={6} mt="xs">
              <Radio value="yes" label={t("consent.mine.yes")} disabled={answer.isPending} />
              <Radio value="no" label={t("consent.mine.no")} disabled={answer.isPending} />
              <Text size="sm" c="dimmed">
                {p.reason === "no_answer"
                  ? t("consent.mine.unanswered")
                  : t("consent.mine.since", { date: formatDate(p.since) })}
              </Text>
            </Stack>
          </Radio.Group>
        ))}
      </Stack>
    </Paper>
  );
}
