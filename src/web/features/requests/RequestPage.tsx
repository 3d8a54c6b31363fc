import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { roleList } from "../policies/roleLabel";
import { useMe } from "../session/sessionApi";
import { fieldErrorsOf, useConfirmFollowUp, useDecide, useReply, useRequest } from "./requestsApi";
import { StatusBadge } from "./StatusBadge";
import type { RequestView } from "./types";

/** One request: what was asked, what has happened, and what the reader may do now. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const request = useRequest(id);
  const me = useMe();
  const r = request.data;
  // The requester goes back to their own requests; an approver or an admin to those to decide.
  const theirs = !r || !me.data || r.requester.id === me.data.id;
  const open = r?.status === "pending" || r?.status === "more_info";
  // The latest refusal or question, shown at the top: the history below keeps every step.
  const latest = (kind: "refused" | "more_info") =>
    r?.entries.filter((e) => e.kind === kind).at(-1)?.text ?? "";
  return (
    <Stack maw={760}>
      <RouterLink to={theirs ? "/requests" : "/requests/decide"}>
        {t(theirs ? "requests.view.back" : "requests.view.backToDecide")}
      </RouterLink>
      <ErrorAlert error={request.error} />
      {request.isPending && <SectionLoader />}
      {r && (
        <>
          <PageTitle>{r.type.name}</PageTitle>
          <Group gap="sm">
            <StatusBadge status={r.status} />
            <Text>{t("requests.view.askedBy", { name: r.requester.name, date: formatDate(r.madeAt) })}</Text>
          </Group>
          {open && (
            <Text size="sm" c="dimmed">
              {t("requests.view.decidedBy", { roles: roleList(t, r.approverRoles) })}
            </Text>
          )}
          {r.status === "approved" && (
            <Alert color="green" title={t("requests.status.approved")}>
              {r.conditions && (
                <Text>
                  <strong>{t("requests.view.conditions")}:</strong> {r.conditions}
                </Text>
              )}
              <Text>
                <strong>{t("requests.view.validUntil")}:</strong>{" "}
                {r.validUntil ? formatDate(r.validUntil) : t("requests.view.noEnd")}
              </Text>
            </Alert>
          )}
          {r.status === "refused" && (
            <Alert color="red" title={t("requests.status.refused")}>
              <Text style={{ whiteSpace: "pre-wrap" }}>{latest("refused")}</Text>
            </Alert>
          )}
          {r.status === "more_info" && (
            <Alert color="orange" title={t("requests.view.question")}>
              <Text style={{ whiteSpace: "pre-wrap" }}>{latest("more_info")}</Text>
            </Alert>
          )}
          <Answers r={r} />
          <History r={r} />
          {r.followUp && <FollowUp r={r} />}
          {r.canReply && <ReplyForm id={r.id} />}
          {r.canDecide && <DecisionForm r={r} />}
        </>
      )}
    </Stack>
  );
}

function Answers({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  const shown = (v: string | boolean | undefined, kind: string) =>
    v === undefined || v === ""
      ? t("requests.view.notAnswered")
      : typeof v === "boolean"
        ? t(v ? "requests.yes" : "requests.no")
        : kind === "date"
          ? formatDate(v)
          : v;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        {t("requests.view.answers")}
      </Title>
      <dl style={{ margin: 0 }}>
        {r.questions.map((q) => (
          <div key={q.key} style={{ marginBottom: "0.75rem" }}>
            <dt style={{ fontWeight: 600 }}>{q.label}</dt>
            <dd style={{ margin: 0, whiteSpace: "pre-wrap" }}>{shown(r.details[q.key], q.kind)}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

function History({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t("requests.view.history")}
      </Title>
      {r.entries.length === 0 && <Text>{t("requests.view.nothingYet")}</Text>}
      <ol style={{ margin: 0, paddingLeft: "1.25rem" }}>
        {r.entries.map((e) => (
          <li key={e.id} style={{ marginBottom: "0.5rem" }}>
            <Text fw={600}>
              {t(`requests.view.entry.${e.kind}`, { name: e.author.name })} · {formatDateTime(e.at)}
            </Text>
            {e.conditions && (
              <Text>
                {t("requests.view.conditions")}: {e.conditions}
              </Text>
            )}
            {e.validUntil && (
              <Text>
                {t("requests.view.validUntil")}: {formatDate(e.validUntil)}
              </Text>
            )}
            {e.text && <Text style={{ whiteSpace: "pre-wrap" }}>{e.text}</Text>}
          </li>
        ))}
      </ol>
    </Stack>
  );
}

function FollowUp({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  const confirm = useConfirmFollowUp(r.id);
  const f = r.followUp!;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t("requests.followUp.title")}
        </Title>
        <Text>{f.text}</Text>
        {f.confirmedAt ? (
          <Text fw={600}>{t("requests.followUp.confirmed", { date: formatDateTime(f.confirmedAt) })}</Text>
        ) : (
          <Text fw={600} c={f.overdue ? "red.8" : undefined}>
            {t(f.overdue ? "requests.followUp.overdue" : "requests.followUp.due", {
              date: formatDate(f.dueOn),
            })}
          </Text>
        )}
        <ErrorAlert error={confirm.error} />
        {r.canConfirmFollowUp && (
          <Button
            style={{ alignSelf: "flex-start" }}
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(undefined, { onSuccess: () => notifySuccess(t("requests.followUp.done")) })
            }
          >
            {t("requests.followUp.confirm")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function ReplyForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const reply = useReply(id);
  const [text, setText] = useState("");
  const errors = fieldErrorsOf(reply.error);
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          reply.mutate(text, {
            onSuccess: () => {
              setText("");
              notifySuccess(t("requests.reply.sent"));
            },
          });
        }}
      >
        <Stack>
          <Title order={2} size="h3">
            {t("requests.reply.title")}
          </Title>
          <ErrorAlert error={errors.text ? null : reply.error} />
          <Textarea
            label={t("requests.reply.text")}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={text}
            error={errors.text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit" loading={reply.isPending} style={{ alignSelf: "flex-start" }}>
            {t("requests.reply.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

type Choice = "approve" | "refuse" | "more_info";

function DecisionForm({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  const decide = useDecide(r.id);
  const [choice, setChoice] = useState<Choice | "">("");
  const [conditions, setConditions] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [reason, setReason] = useState("");
  const [addToRegister, setAddToRegister] = useState(false);
  const [entry, setEntry] = useState<Record<string, string>>({});
  const errors = fieldErrorsOf(decide.error);
  const placed = Object.keys(errors).length > 0;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    const register =
      addToRegister && r.register === "service"
        ? {
            name: entry.name ?? "",
            personalData: entry.personalData ?? "",
            ...(entry.reviewOn ? { reviewOn: entry.reviewOn } : {}),
            ...(entry.dpoView ? { dpoView: entry.dpoView } : {}),
          }
        : addToRegister && r.register === "social_account"
          ? { platform: entry.platform ?? "", handle: entry.handle ?? "", purpose: entry.purpose ?? "" }
          : undefined;
    decide.mutate(
      {
        decision: choice,
        ...(choice === "approve"
          ? {
              ...(conditions ? { conditions } : {}),
              ...(validUntil ? { validUntil } : {}),
              ...(register ? { addToRegister: register } : {}),
            }
          : { reason }),
      },
      { onSuccess: () => notifySuccess(t("requests.decision.done")) },
    );
  };
  const field = (key: string, label: string, multiline = false) =>
    multiline ? (
      <Textarea
        key={key}
        label={label}
        autosize
        minRows={2}
        value={entry[key] ?? ""}
        error={errors[`addToRegister.${key}`]}
        onChange={(e) => setEntry({ ...entry, [key]: e.currentTarget.value })}
      />
    ) : (
      <TextInput
        key={key}
        label={label}
        type={key === "reviewOn" ? "date" : "text"}
        value={entry[key] ?? ""}
        error={errors[`addToRegister.${key}`]}
        onChange={(e) => setEntry({ ...entry, [key]: e.currentTarget.value })}
      />
    );
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Title order={2} size="h3">
            {t("requests.decision.title")}
          </Title>
          <ErrorAlert error={placed ? null : decide.error} />
          <Radio.Group
            label={t("requests.decision.choice")}
            required
            value={choice}
            onChange={(v) => setChoice(v as Choice)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="approve" label={t("requests.decision.approve")} />
              <Radio value="refuse" label={t("requests.decision.refuse")} />
              <Radio value="more_info" label={t("requests.decision.moreInfo")} />
            </Stack>
          </Radio.Group>
          {choice === "approve" && (
            <>
              <Textarea
                label={t("requests.decision.conditions")}
                description={t("requests.decision.conditionsHint")}
                autosize
                minRows={2}
                maxLength={2000}
                value={conditions}
                error={errors.conditions}
                onChange={(e) => setConditions(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("requests.decision.validUntil")}
                description={t("requests.decision.validUntilHint")}
                value={validUntil}
                error={errors.validUntil}
                onChange={(e) => setValidUntil(e.currentTarget.value)}
                maw={220}
              />
              {r.register && (
                <Radio.Group
                  label={t(
                    r.register === "service"
                      ? "requests.decision.addService"
                      : "requests.decision.addAccount",
                  )}
                  value={addToRegister ? "yes" : "no"}
                  onChange={(v) => setAddToRegister(v === "yes")}
                >
                  <Group mt="xs">
                    <Radio value="yes" label={t("requests.yes")} />
                    <Radio value="no" label={t("requests.no")} />
                  </Group>
                </Radio.Group>
              )}
              {addToRegister && r.register === "service" && (
                <>
                  {field("name", t("requests.services.name"))}
                  {field("personalData", t("requests.services.personalData"), true)}
                  {field("reviewOn", t("requests.services.reviewOn"))}
                  {field("dpoView", t("requests.services.dpoView"), true)}
                </>
              )}
              {addToRegister && r.register === "social_account" && (
                <>
                  {field("platform", t("requests.accounts.platform"))}
                  {field("handle", t("requests.accounts.handle"))}
                  {field("purpose", t("requests.accounts.purpose"), true)}
                </>
              )}
            </>
          )}
          {(choice === "refuse" || choice === "more_info") && (
            <Textarea
              label={t(choice === "refuse" ? "requests.decision.reason" : "requests.decision.wanted")}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={reason}
              error={errors.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <Button
            type="submit"
            disabled={!choice}
            loading={decide.isPending}
            style={{ alignSelf: "flex-start" }}
          >
            {t("requests.decision.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
