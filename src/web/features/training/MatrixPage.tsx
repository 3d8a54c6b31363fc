import {
  Anchor,
  Box,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { TrainingStatusBadge } from "./TrainingStatusBadge";
import { type MatrixFilters, matrixCsvHref, useTrainingMatrix } from "./trainingApi";
import { type MatrixView, type TrainingStatus, trainingStatuses } from "./types";

type Person = MatrixView["people"][number];
type Course = MatrixView["courses"][number];

/** People × courses, with filters in the address (Home links to "?status=expired") and a CSV. */
export function MatrixPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const filters: MatrixFilters = {
    course: params.get("course") ?? "",
    status: (trainingStatuses as readonly string[]).includes(params.get("status") ?? "")
      ? (params.get("status") as TrainingStatus)
      : "",
    department: params.get("department") ?? "",
  };
  const update = (changes: Partial<MatrixFilters>) => {
    const next = { ...filters, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)), { replace: true });
  };
  const matrix = useTrainingMatrix(filters);
  // Kept from the last answer, so the pick lists stay put while a new filter loads.
  const [options, setOptions] = useState<{ courses: Course[]; departments: string[] }>({
    courses: [],
    departments: [],
  });
  if (matrix.data && !filters.course && matrix.data.courses !== options.courses)
    setOptions({ courses: matrix.data.courses, departments: matrix.data.departments });
  const any = { value: "", label: t("common.any") };
  const data = matrix.data;
  // A line manager reads their team's rows but not the directory: names are links only for those who may.
  const linkPeople = can(me, "people.read");

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("training.matrix.title")}</PageTitle>
        <Group gap="lg">
          {can(me, "training.manage") && (
            <RouterLink to="/training/record">{t("training.inset.title")}</RouterLink>
          )}
          <Anchor href={matrixCsvHref(filters)} download>
            {t("training.matrix.exportCsv")}
          </Anchor>
        </Group>
      </Group>
      <Text>{data?.scope === "team" ? t("training.matrix.introTeam") : t("training.matrix.intro")}</Text>
      <Paper withBorder p="md" role="search" aria-label={t("training.matrix.filters")}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t("training.matrix.course")}
            data={[any, ...options.courses.map((c) => ({ value: c.key, label: c.name }))]}
            value={filters.course}
            onChange={(v) => update({ course: v ?? "" })}
            allowDeselect={false}
          />
          <Select
            label={t("training.matrix.status")}
            data={[any, ...trainingStatuses.map((s) => ({ value: s, label: t(`training.status.${s}`) }))]}
            value={filters.status}
            onChange={(v) => update({ status: (v ?? "") as TrainingStatus | "" })}
            allowDeselect={false}
          />
          <Select
            label={t("fields.department")}
            data={[any, ...options.departments.map((d) => ({ value: d, label: d }))]}
            value={filters.department}
            onChange={(v) => update({ department: v ?? "" })}
            allowDeselect={false}
            searchable
          />
        </SimpleGrid>
      </Paper>
      <ErrorAlert error={matrix.error} />
      {matrix.isPending && <SectionLoader />}
      {data && (
        <>
          <Stack component="section" aria-labelledby="training-counts-heading" gap="xs">
            <Title order={2} size="h3" id="training-counts-heading">
              {t("training.matrix.countsHeading")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
              {trainingStatuses.map((s) => (
                <Box key={s}>
                  <Text component="dt" size="sm" c="dimmed">
                    {t(`training.status.${s}`)}
                  </Text>
                  <Text component="dd" m={0} fw={700} size="xl">
                    {data.counts[s]}
                  </Text>
                </Box>
              ))}
            </SimpleGrid>
          </Stack>
          <Stack component="section" aria-labelledby="training-people-heading" gap="xs">
            <Title order={2} size="h3" id="training-people-heading">
              {t("training.matrix.peopleHeading")}
            </Title>
            <Text size="sm" c="dimmed" role="status">
              {t("training.matrix.count", { count: data.people.length })}
            </Text>
            <DataTable<Person>
              rows={data.people}
              columns={columns(t, data.courses, linkPeople)}
              empty={<Text>{t("training.matrix.empty")}</Text>}
              scroll={{ label: t("training.matrix.tableLabel"), minWidth: 220 + data.courses.length * 150 }}
              card={(p) => <PersonCard person={p} courses={data.courses} linkPeople={linkPeople} />}
            />
          </Stack>
        </>
      )}
    </Stack>
  );
}

function NotRequired() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed">
      <span aria-hidden>—</span>
      <VisuallyHidden>{t("training.status.notRequired")}</VisuallyHidden>
    </Text>
  );
}

/** A person's name, as a link to their page where the reader may open it. */
function PersonName({ person, link, fw }: { person: Person; link: boolean; fw: number }) {
  if (!link) return <Text fw={fw}>{person.name}</Text>;
  return (
    <RouterLink to={`/people/${person.id}`} fw={fw}>
      {person.name}
    </RouterLink>
  );
}

function columns(t: (key: string) => string, courses: Course[], linkPeople: boolean): Column<Person>[] {
  return [
    {
      header: t("training.matrix.person"),
      rowHeader: true,
      minWidth: 200,
      cell: (p) => (
        <Stack gap={0}>
          <PersonName person={p} link={linkPeople} fw={500} />
          {(p.jobTitle || p.department) && (
            <Text size="sm" c="dimmed">
              {[p.jobTitle, p.department].filter(Boolean).join(" · ")}
            </Text>
          )}
        </Stack>
      ),
    },
    ...courses.map(
      (c): Column<Person> => ({
        key: c.key,
        header: c.name,
        minWidth: 140,
        cell: (p) => (p.cells[c.key] ? <TrainingStatusBadge cell={p.cells[c.key]} /> : <NotRequired />),
      }),
    ),
  ];
}

/** On a phone: the person, then only the courses they must take, each with its standing. */
function PersonCard({
  person,
  courses,
  linkPeople,
}: {
  person: Person;
  courses: Course[];
  linkPeople: boolean;
}) {
  const required = courses.filter((c) => person.cells[c.key]);
  return (
    <Stack gap={6}>
      <Stack gap={0}>
        <PersonName person={person} link={linkPeople} fw={600} />
        {(person.jobTitle || person.department) && (
          <Text size="sm" c="dimmed">
            {[person.jobTitle, person.department].filter(Boolean).join(" · ")}
          </Text>
        )}
      </Stack>
      <Box component="dl" m={0}>
        {required.map((c) => (
          <Box
            key={c.key}
            style={{
              display: "grid",
              gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
              gap: "var(--mantine-spacing-xs)",
              paddingBlock: 3,
            }}
          >
            <Text component="dt" size="sm">
              {c.name}
            </Text>
            <Box component="dd" m={0}>
              <TrainingStatusBadge cell={person.cells[c.key]} />
            </Box>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
