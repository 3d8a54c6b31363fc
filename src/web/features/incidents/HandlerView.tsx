import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AttachmentList, AttachmentUpload } from "./Attachments";
import { EntryForm } from "./EntryForm";
import { IcoClock } from "./IcoClock";
import { ImagesWarning } from "./ImagesWarning";
import { AddPeopleButton, CloseButton, IcoDecision, ReopenButton } from "./IncidentActions";
import { BackToList } from "./IncidentPage";
import { categoryLabel, routedToWords } from "./labels";
import { StatusBadge } from "./StatusBadge";
import { Timeline } from "./Timeline";
import type { Entry, IncidentView } from "./types";

const prose = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Everything about the incident for the people handling it. */
export function HandlerView({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const open = incident.status === "open";
  const chronology = can(me, "incidents.chronology");
  const isBreach = incident.category === "data_breach";

  const person = (p: { id: string | null; name: string; regGroup: string | null }) => {
    const name = p.regGroup ? `${p.name} (${p.regGroup})` : p.name;
    return chronology && p.id ? (
      <Anchor
        component={Link}
        to={`/incidents/chronology/${p.id}`}
        aria-label={t("incidents.view.chronologyOf", { name: p.name })}
      >
        {name}
      </Anchor>
    ) : (
      name
    );
  };

  return (
    <Stack maw={860} gap="lg">
      <BackToList />
      <PageTitle>
        {t("incidents.view.title", {
          category: categoryLabel(t, incident.category),
          reference: incident.reference,
        })}
      </PageTitle>
      <Group gap="xs">
        <Text fw={600}>{t("incidents.view.status")}</Text>
        <StatusBadge status={incident.status} />
        {incident.outcome && (
          <Text size="sm" style={prose}>
            — {incident.outcome}
          </Text>
        )}
      </Group>
      {incident.icoDeadline && <IcoClock deadline={incident.icoDeadline} closed={!open} />}
      {/* A filtering breach is a reason to review filtering and monitoring (decision 019). */}
      {incident.category === "filtering_breach" && can(me, "filtering.record") && (
        <Group gap="sm">
          <Button
            component={Link}
            to={`/filtering/new?incident=${encodeURIComponent(incident.id)}`}
            variant="light"
          >
            {t("incidents.filteringReview.start")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("incidents.filteringReview.hint")}
          </Text>
        </Group>
      )}

      <Section title={t("incidents.view.report")} id="report">
        <DetailList
          items={[
            { label: t("incidents.view.occurredAt"), value: formatDateTime(incident.occurredAt) },
            { label: t("incidents.view.awareAt"), value: formatDateTime(incident.awareAt) },
            { label: t("incidents.view.reportedAt"), value: formatDateTime(incident.reportedAt) },
            { label: t("incidents.view.reporter"), value: incident.reporter.name },
            { label: t("incidents.view.location"), value: incident.location || t("common.notRecorded") },
            { label: t("incidents.view.routedTo"), value: routedToWords(t, incident.routedTo).join("; ") },
          ]}
        />
        <Title order={3} size="h5">
          {t("incidents.view.summary")}
        </Title>
        <Text style={prose}>{incident.summary}</Text>
        {incident.actionsTaken && (
          <>
            <Title order={3} size="h5">
              {t("incidents.view.actionsTaken")}
            </Title>
            <Text style={prose}>{incident.actionsTaken}</Text>
          </>
        )}
      </Section>

      <Section title={t("incidents.view.people")} id="people">
        <DetailList
          items={[
            {
              label: t("incidents.view.involved"),
              value: incident.involved.length ? (
                <List size="sm">
                  {incident.involved.map((p, i) => (
                    <List.Item key={p.id ?? `${p.name}-${i}`}>{person(p)}</List.Item>
                  ))}
                </List>
              ) : (
                t("incidents.view.nobodyNamed")
              ),
            },
            ...(incident.involvedDescribed
              ? [
                  {
                    label: t("incidents.view.involvedDescribed"),
                    value: <span style={prose}>{incident.involvedDescribed}</span>,
                  },
                ]
              : []),
            ...(incident.subject
              ? [{ label: t("incidents.view.subject"), value: incident.subject.name }]
              : []),
            {
              label: t("incidents.view.handlers"),
              value: (
                <List size="sm">
                  {incident.handlers.map((h) => (
                    <List.Item key={h.id}>
                      {h.name}{" "}
                      <Text span size="sm" c="dimmed">
                        ({t(`incidents.handlerWhy.${h.why}`, { defaultValue: h.why })})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              ),
            },
          ]}
        />
        {open && <AddPeopleButton incidentId={incident.id} />}
      </Section>

      {isBreach && open && (
        <Section title={t("incidents.icoDecision.title")} id="ico">
          <IcoDecision incidentId={incident.id} entries={incident.entries} />
        </Section>
      )}

      <Section title={t("incidents.timeline.title")} id="timeline">
        <Text size="sm" c="dimmed">
          {t("incidents.timeline.insertOnly")}
        </Text>
        <Timeline entries={incident.entries} onCorrect={open ? setCorrecting : undefined} />
      </Section>

      {open && (
        <Section
          title={correcting ? t("incidents.entry.correctTitle") : t("incidents.entry.title")}
          id="add-entry"
        >
          <EntryForm
            key={correcting?.id ?? "new"}
            incidentId={incident.id}
            correcting={correcting}
            onDoneCorrecting={() => setCorrecting(null)}
          />
        </Section>
      )}

      <Section title={t("incidents.attachments.title")} id="attachments">
        {incident.attachmentsAllowed ? (
          <>
            <AttachmentList incident={incident} />
            {open && <AttachmentUpload incidentId={incident.id} />}
          </>
        ) : (
          <ImagesWarning instead />
        )}
      </Section>

      <Group>
        {open ? <CloseButton incidentId={incident.id} /> : <ReopenButton incidentId={incident.id} />}
      </Group>
    </Stack>
  );
}
