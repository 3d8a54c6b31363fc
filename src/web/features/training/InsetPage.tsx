import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrorsOf } from "../../ui/fieldErrorsOf";
import { todayInLondon } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useCourses, useMatchAttendance, useRecordCompletions, useStaffList } from "./trainingApi";
import type { AttendanceMatchView, StaffMember } from "./types";

/**
 * An INSET or staff meeting recorded at once: the course and the day, then who was there, ticked
 * from the staff list or pasted from the sign-in sheet and checked against the directory first.
 */
export function InsetPage() {
  const { t } = useTranslation();
  const courses = useCourses();
  const staff = useStaffList();
  const record = useRecordCompletions();
  const [courseKey, setCourseKey] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState(todayInLondon());
  const [mode, setMode] = useState<"tick" | "paste">("tick");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(record.error), ...missing };
  // From the latest set each time: ticking everyone shown, or every matched line, is many calls at once.
  const toggle = (id: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const needed: Record<string, string> = {};
    if (!courseKey) needed.courseKey = t("training.record.chooseCourse");
    if (!completedOn) needed.completedOn = t("training.record.chooseDate");
    if (chosen.size === 0) needed.personIds = t("training.inset.choosePeople");
    setMissing(needed);
    if (Object.keys(needed).length > 0 || !courseKey) return;
    record.mutate({ courseKey, completedOn, personIds: [...chosen] });
  };

  if (record.data)
    return (
      <Stack maw={760}>
        <PageTitle>{t("training.inset.title")}</PageTitle>
        <Alert color="green" role="status" title={t("training.inset.doneTitle")}>
          {t("training.inset.done", { count: record.data.recorded })}
          {record.data.alreadyRecorded > 0 &&
            ` ${t("training.inset.already", { count: record.data.alreadyRecorded })}`}
        </Alert>
        <Group>
          <Button component={RouterLink} to="/training/matrix">
            {t("training.inset.toMatrix")}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              record.reset();
              setChosen(new Set());
            }}
          >
            {t("training.inset.another")}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack maw={760}>
      <PageTitle>{t("training.inset.title")}</PageTitle>
      <Text>{t("training.inset.intro")}</Text>
      <RouterLink to="/training/import" size="sm">
        {t("training.import.linkFromInset")}
      </RouterLink>
      <form noValidate onSubmit={submit}>
        <Stack>
          <Paper withBorder p="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("training.record.course")}
                required
                data={(courses.data ?? []).map((c) => ({ value: c.key, label: c.name }))}
                value={courseKey}
                onChange={setCourseKey}
                error={errors.courseKey}
                searchable
              />
              <TextInput
                type="date"
                label={t("training.record.date")}
                required
                max={todayInLondon()}
                value={completedOn}
                onChange={(e) => setCompletedOn(e.currentTarget.value)}
                error={errors.completedOn}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="inset-who-heading">
            <Stack>
              <Title order={2} size="h3" id="inset-who-heading">
                {t("training.inset.whoHeading")}
              </Title>
              <SegmentedControl
                value={mode}
                onChange={(v) => setMode(v as "tick" | "paste")}
                data={[
                  { value: "tick", label: t("training.inset.tick") },
                  { value: "paste", label: t("training.inset.paste") },
                ]}
                fullWidth
                // On a phone the two choices wrap onto two lines rather than being cut off.
                styles={{ label: { whiteSpace: "normal", lineHeight: 1.3 } }}
              />
              <ErrorAlert error={staff.error} />
              {staff.isPending && <SectionLoader />}
              {staff.data && mode === "tick" && (
                <TickNames staff={staff.data} chosen={chosen} onToggle={toggle} />
              )}
              {mode === "paste" && <PasteSheet chosen={chosen} onToggle={toggle} />}
            </Stack>
          </Paper>
          <ErrorAlert error={record.error} />
          {errors.personIds && (
            <Text c="red.8" size="sm" role="alert">
              {errors.personIds}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t("training.inset.record", { count: chosen.size })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function TickNames({
  staff,
  chosen,
  onToggle,
}: {
  staff: StaffMember[];
  chosen: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const term = q.trim().toLowerCase();
  const shown = term
    ? staff.filter((p) => [p.name, p.email, p.department].some((v) => v?.toLowerCase().includes(term)))
    : staff;
  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={t("training.inset.search")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <Group gap="sm">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            for (const p of shown) onToggle(p.id, true);
          }}
        >
          {t("training.inset.tickAll", { count: shown.length })}
        </Button>
        <Text size="sm" role="status">
          {t("training.inset.chosen", { count: chosen.size })}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={420} type="auto">
        <Stack gap={6} role="group" aria-label={t("training.inset.staffList")}>
          {shown.map((p) => (
            <Checkbox
              key={p.id}
              checked={chosen.has(p.id)}
              onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
              label={p.name}
              description={[p.jobTitle, p.department].filter(Boolean).join(" · ") || undefined}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** A pasted line with its place on the sheet: the same name may be written twice. */
type Line = AttendanceMatchView["lines"][number] & { place: number };

function PasteSheet({
  chosen,
  onToggle,
}: {
  chosen: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const match = useMatchAttendance();
  const lines: Line[] = (match.data?.lines ?? []).map((l, place) => ({ ...l, place }));
  const of = (outcome: Line["outcome"]) => lines.filter((l) => l.outcome === outcome);
  return (
    <Stack gap="sm">
      <Textarea
        label={t("training.inset.sheet")}
        description={t("training.inset.sheetHint")}
        autosize
        minRows={5}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button
        variant="default"
        style={{ alignSelf: "flex-start" }}
        loading={match.isPending}
        onClick={() =>
          match.mutate(text, {
            // Everyone matched is ticked at once; the ambiguous wait for a choice.
            onSuccess: (result) => {
              for (const l of result.lines) if (l.person) onToggle(l.person.id, true);
            },
          })
        }
      >
        {t("training.inset.check")}
      </Button>
      <ErrorAlert error={match.error} />
      {match.data && (
        <Stack gap="md" role="status">
          <Text size="sm">
            {t("training.inset.matchSummary", {
              matched: of("matched").length,
              ambiguous: of("ambiguous").length,
              unmatched: of("unmatched").length,
            })}
          </Text>
          {of("matched").length > 0 && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("training.inset.matched")}
              </Title>
              {of("matched").map((l) => (
                <Checkbox
                  key={l.place}
                  checked={chosen.has(l.person!.id)}
                  onChange={(e) => onToggle(l.person!.id, e.currentTarget.checked)}
                  label={l.person!.name}
                  description={
                    l.line !== l.person!.name ? t("training.inset.fromLine", { line: l.line }) : undefined
                  }
                />
              ))}
            </Stack>
          )}
          {of("ambiguous").map((l) => (
            <Radio.Group
              key={l.place}
              label={t("training.inset.whichOne", { line: l.line })}
              value={l.candidates.find((c) => chosen.has(c.id))?.id ?? ""}
              onChange={(id) => {
                for (const c of l.candidates) onToggle(c.id, c.id === id);
              }}
            >
              <Stack gap={4} mt={4}>
                {l.candidates.map((c) => (
                  <Radio key={c.id} value={c.id} label={c.email ? `${c.name} (${c.email})` : c.name} />
                ))}
              </Stack>
            </Radio.Group>
          ))}
          {of("unmatched").length > 0 && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("training.inset.unmatched")}
              </Title>
              <Text size="sm">{t("training.inset.unmatchedHint")}</Text>
              <Text component="ul" size="sm" m={0} pl="lg">
                {of("unmatched").map((l) => (
                  <li key={l.place}>{l.line}</li>
                ))}
              </Text>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
