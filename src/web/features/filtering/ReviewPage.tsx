import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { ActionItem } from "./ActionItem";
import { reviewPdfUrl, useReview } from "./filteringApi";
import type { ReviewView } from "./types";

/** One review as it was recorded, its actions (marked done here) and the PDF for governors. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const review = useReview(id);
  if (review.isPending) return <SectionLoader />;
  if (review.error)
    return (
      <Stack>
        <PageTitle>{t("filtering.title")}</PageTitle>
        <ErrorAlert error={review.error} />
      </Stack>
    );
  return <ReviewDetails review={review.data} />;
}

function ReviewDetails({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const none = t("filtering.review.none");
  const who = [...review.participants.map((p) => p.name), ...review.externalParticipants];
  return (
    <Stack maw={820}>
      <RouterLink to="/filtering" size="sm">
        {t("filtering.review.back")}
      </RouterLink>
      <PageTitle>{t("filtering.review.title", { date: formatDate(review.reviewedOn) })}</PageTitle>
      <Group>
        <Badge variant="light">{t(`filtering.trigger.${review.trigger}`)}</Badge>
        <Anchor href={reviewPdfUrl(review.id)} target="_blank" rel="noopener">
          {t("filtering.review.download")}
        </Anchor>
      </Group>
      {review.recordedBy && (
        <Text size="sm" c="dimmed">
          {t("filtering.review.recordedBy", {
            name: review.recordedBy.name,
            date: formatDateTime(review.recordedAt),
          })}
        </Text>
      )}
      <Paper withBorder p="md">
        <DetailList
          items={[
            { label: t("filtering.review.participants"), value: who.length ? who.join(", ") : none },
            {
              label: t("filtering.review.products"),
              value: review.products.length ? review.products.join(", ") : none,
            },
            ...(review.incident
              ? [
                  {
                    label: t("filtering.review.incident"),
                    value: (
                      <RouterLink to={`/incidents/${review.incident.id}`}>
                        {review.incident.reference}
                      </RouterLink>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Paper>
      <Title order={2} size="h3">
        {t("filtering.form.checksHeading")}
      </Title>
      <List spacing="xs" listStyleType="none" p={0} m={0}>
        {review.checks.map((c) => (
          <List.Item key={c.key}>
            <Text fw={600} span>
              {t(`filtering.check.${c.key}`)}:{" "}
            </Text>
            <Text span c={c.checked ? undefined : "red.9"} fw={c.checked ? undefined : 600}>
              {t(c.checked ? "filtering.review.yes" : "filtering.review.no")}
            </Text>
            {c.note && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {c.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      <Title order={2} size="h3">
        {t("filtering.review.findings")}
      </Title>
      <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{review.findings}</Text>
      <Title order={2} size="h3">
        {t("filtering.review.actions")}
      </Title>
      {review.actions.length === 0 && <Text>{t("filtering.review.noActions")}</Text>}
      {review.actions.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {review.actions.map((a) => (
            <ActionItem key={a.id} action={a} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
