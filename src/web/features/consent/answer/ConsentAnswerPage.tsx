import { Alert, Button, Code, Group, Paper, Radio, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../../api";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { formatDate } from "../../../ui/format";
import { PageTitle } from "../../../ui/PageTitle";
import { PublicLayout } from "../../../ui/PublicLayout";
import { SectionLoader } from "../../../ui/SectionLoader";
import type { Answer, LinkAnswered, LinkFormView } from "../types";
import { useAnswerByLink, useConsentLink } from "./answerApi";
import { WithdrawButton } from "./WithdrawButton";

type Child = LinkFormView["children"][number];
type Question = Child["purposes"][number];
const answerKey = (child: Child, purpose: Question) => `${child.id}:${purpose.key}`;

/**
 * The page a carer's emailed link opens, written as a letter: each child, each way the school
 * would like to use photos and videos, and a plain yes or no. Once answered, the same link shows
 * the answers and lets the carer withdraw a yes at any time.
 */
export function ConsentAnswerPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const link = useConsentLink(token);
  const answer = useAnswerByLink(token);
  const data = link.data;
  return (
    <PublicLayout size={720}>
      <Stack gap="lg">
        {link.isPending && <SectionLoader />}
        {!data && !link.isPending && <PageTitle>{t("consent.link.title", { count: 1 })}</PageTitle>}
        {isApiError(link.error, 404) || isApiError(link.error, 410) ? (
          <Alert color="red" role="alert" title={t("consent.link.invalidTitle")}>
            {t("consent.link.invalidBody")}
          </Alert>
        ) : (
          <ErrorAlert error={link.error} />
        )}
        {data && (
          <>
            <PageTitle>{t("consent.link.title", { count: data.children.length })}</PageTitle>
            <Text fw={600}>{data.schoolName}</Text>
            {answer.data && <Thanks result={answer.data} />}
            {data.answered ? (
              <Answered form={data} token={token} />
            ) : (
              <Letter
                form={data}
                onSend={(answers) => answer.mutate({ answers })}
                sending={answer.isPending}
                error={answer.error}
              />
            )}
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}

function Letter({
  form,
  onSend,
  sending,
  error,
}: {
  form: LinkFormView;
  onSend: (answers: { pupilId: string; purposeKey: string; answer: Answer; wordingSha256: string }[]) => void;
  sending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState(false);
  const names = form.children.map((c) => c.name);
  const submit = () => {
    const answers = form.children.flatMap((child) =>
      child.purposes
        .filter((p) => chosen[answerKey(child, p)])
        .map((p) => ({
          pupilId: child.id,
          purposeKey: p.key,
          answer: chosen[answerKey(child, p)],
          wordingSha256: p.wordingSha256,
        })),
    );
    setMissing(answers.length === 0);
    if (answers.length > 0) onSend(answers);
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        <Stack gap="sm">
          <Text>{t("consent.link.dear", { name: form.carerName })}</Text>
          <Text>
            {t("consent.link.intro", {
              school: form.schoolName,
              children: names.join(t("consent.link.and")),
              count: names.length,
            })}
          </Text>
          <Text>{t("consent.link.twoKinds")}</Text>
          <Text>{t("consent.link.byDate", { date: formatDate(form.dueDate) })}</Text>
        </Stack>
        {form.children.map((child) => (
          <ChildSection key={child.id} child={child}>
            {child.purposes.map((p) => (
              <Question
                key={p.key}
                purpose={p}
                value={chosen[answerKey(child, p)] ?? null}
                onChange={(v) => {
                  setMissing(false);
                  setChosen((c) => ({ ...c, [answerKey(child, p)]: v }));
                }}
              />
            ))}
          </ChildSection>
        ))}
        <Text>{t("consent.link.changeLater")}</Text>
        {missing && (
          <Alert color="red" role="alert">
            {t("consent.link.answerOne")}
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Button type="submit" size="lg" loading={sending} style={{ alignSelf: "flex-start" }}>
          {t("consent.link.submit")}
        </Button>
        <Text>{t("consent.link.signOff", { school: form.schoolName })}</Text>
      </Stack>
    </form>
  );
}

function ChildSection({ child, children }: { child: Child; children: React.ReactNode }) {
  const { t } = useTranslation();
  const headingId = `child-${child.id}`;
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby={headingId}>
      <Stack gap="lg">
        <Title order={2} size="h3" id={headingId}>
          {t("consent.link.childHeading", { name: child.name })}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Question({
  purpose,
  value,
  onChange,
}: {
  purpose: Question;
  value: Answer | null;
  onChange: (answer: Answer) => void;
}) {
  const { t } = useTranslation();
  const consent = purpose.basis === "consent";
  return (
    <Radio.Group
      label={
        <Text fw={700} component="span" fz="lg">
          {purpose.name}
        </Text>
      }
      description={
        <Stack gap={4} component="span" mt={4}>
          <Text component="span" size="sm" c="var(--mantine-color-text)">
            {purpose.description}
          </Text>
          <Text component="span" size="sm" fs="italic">
            {purpose.basisText}
          </Text>
        </Stack>
      }
      value={value}
      onChange={(v) => onChange(v as Answer)}
    >
      <Group gap="xl" mt="sm">
        <Radio
          value="yes"
          size="md"
          label={t(consent ? "consent.link.yesConsent" : "consent.link.yesTask")}
        />
        <Radio value="no" size="md" label={t(consent ? "consent.link.noConsent" : "consent.link.noTask")} />
      </Group>
    </Radio.Group>
  );
}

/** What the carer has said so far; a yes can be withdrawn with one click (and a confirmation). */
function Answered({ form, token }: { form: LinkFormView; token: string }) {
  const { t } = useTranslation();
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      {withdrawn && (
        <Alert color="blue" variant="light" role="status" title={t("consent.withdraw.doneTitle")}>
          {withdrawn}
        </Alert>
      )}
      <Text>{t("consent.link.dear", { name: form.carerName })}</Text>
      <Text>{t("consent.link.answeredIntro")}</Text>
      {form.children.map((child) => (
        <ChildSection key={child.id} child={child}>
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {child.purposes.map((p) => (
              <Stack key={p.key} component="li" gap={4}>
                <Text fw={700}>{p.name}</Text>
                <Text size="sm">{p.description}</Text>
                <Group justify="space-between" gap="sm">
                  <Text>
                    {t("consent.link.yourAnswer")}{" "}
                    <Text span fw={700}>
                      {p.yourAnswer === "yes"
                        ? t("consent.status.yes")
                        : p.yourAnswer === "no"
                          ? t("consent.status.no")
                          : t(
                              p.basis === "consent"
                                ? "consent.link.notAnsweredConsent"
                                : "consent.link.notAnsweredTask",
                            )}
                    </Text>
                  </Text>
                  {p.yourAnswer === "yes" && (
                    <WithdrawButton token={token} child={child} purpose={p} onWithdrawn={setWithdrawn} />
                  )}
                </Group>
              </Stack>
            ))}
          </Stack>
        </ChildSection>
      ))}
      <Text>{t("consent.link.contact", { school: form.schoolName })}</Text>
    </Stack>
  );
}

function Thanks({ result }: { result: LinkAnswered }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert color="green" variant="light" p="lg" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t("consent.link.thanksHeading")}
        </Title>
        <Text>{t("consent.link.thanksBody", { count: result.recorded })}</Text>
        <div>
          <Text size="sm">{t("consent.link.reference")}</Text>
          <Code
            fz="lg"
            fw={600}
            style={{ letterSpacing: "0.05em", overflowWrap: "anywhere", whiteSpace: "normal" }}
          >
            {result.reference}
          </Code>
        </div>
        <Text size="sm">{t("consent.link.keepReference")}</Text>
      </Stack>
    </Alert>
  );
}
