import { Alert, Badge, Button, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TrustSchoolRow } from "../../../modules/trust/schema";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useTermName } from "../reports/TermPicker";
import { useAddTrustSchool, useTrustSchools } from "./trustApi";

const pct = (v: number | null) => (v === null ? "–" : `${v}%`);

/** The trust admin's form: a school and its headteacher, who is invited by email. */
function AddSchoolForm() {
  const { t } = useTranslation();
  const add = useAddTrustSchool();
  const [name, setName] = useState("");
  const [country, setCountry] = useState<"england" | "wales">("england");
  const [adminName, setAdminName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { name, country, admin: { name: adminName, email: adminEmail } },
      {
        onSuccess: () => {
          setName("");
          setAdminName("");
          setAdminEmail("");
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-school">
      <form noValidate onSubmit={submit}>
        <Stack maw={520}>
          <Title order={2} size="h3" id="add-school">
            {t("trust.add.title")}
          </Title>
          <Text size="sm">{t("trust.add.intro")}</Text>
          <ErrorAlert error={add.error} />
          {add.isSuccess && (
            <Alert color="green" role="status">
              {t("trust.add.done", { school: add.data.school.name })}
            </Alert>
          )}
          <TextInput
            label={t("trust.add.name")}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t("trust.add.country")}
            data={[
              { value: "england", label: t("trust.countries.england") },
              { value: "wales", label: t("trust.countries.wales") },
            ]}
            value={country}
            onChange={(v) => setCountry((v as "england" | "wales") ?? "england")}
            allowDeselect={false}
          />
          <TextInput
            label={t("trust.add.adminName")}
            required
            value={adminName}
            onChange={(e) => setAdminName(e.currentTarget.value)}
          />
          <TextInput
            label={t("trust.add.adminEmail")}
            type="email"
            required
            value={adminEmail}
            onChange={(e) => setAdminEmail(e.currentTarget.value)}
          />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: "flex-start" }}>
            {t("trust.add.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The trust's schools side by side: this term's headline figures, counts only (issue 20). */
export function TrustPage() {
  const { t } = useTranslation();
  const termName = useTermName();
  const schools = useTrustSchools();
  if (schools.error) return <ErrorAlert error={schools.error} />;
  if (!schools.data) return <SectionLoader />;
  const view = schools.data;
  const columns: Column<TrustSchoolRow>[] = [
    {
      header: t("trust.columns.school"),
      rowHeader: true,
      cell: (r) => r.name,
      link: (r) => `/trust/schools/${r.id}`,
    },
    {
      header: t("trust.columns.agreements"),
      cell: (r) => `${pct(r.agreements.percent)} (${r.agreements.done}/${r.agreements.required})`,
    },
    {
      header: t("trust.columns.consent"),
      cell: (r) => `${pct(r.consent.percent)} (${r.consent.given}/${r.consent.pupils})`,
    },
    { header: t("trust.columns.incidents"), cell: (r) => r.incidentsThisTerm },
    { header: t("trust.columns.policiesOverdue"), cell: (r) => r.policiesOverdue },
    {
      header: t("trust.columns.training"),
      cell: (r) => `${pct(r.training.percent)} (${r.training.inDate}/${r.training.required})`,
    },
    {
      header: t("trust.columns.filtering"),
      cell: (r) =>
        r.filtering.overdue ? (
          <Badge color="red" variant="light">
            {r.filtering.lastReviewedOn ? t("trust.filtering.overdue") : t("trust.filtering.never")}
          </Badge>
        ) : (
          r.filtering.lastReviewedOn
        ),
    },
  ];
  return (
    <Stack>
      <PageTitle>{view.trust.name}</PageTitle>
      <Text>{t("trust.intro", { count: view.schools.length, term: termName(view.term) })}</Text>
      <Text size="sm" c="dimmed">
        {t("trust.yourRoles", { roles: view.roles.map((r) => t(`trust.roles.${r}`)).join(", ") })}
      </Text>
      <DataTable
        rows={view.schools}
        rowKey={(r) => r.id}
        columns={columns}
        scroll={{ label: t("trust.caption"), minWidth: 900 }}
      />
      {view.roles.includes("trust_admin") && <AddSchoolForm />}
    </Stack>
  );
}
