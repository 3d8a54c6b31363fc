import { Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { KINDS, ROLES } from "../../../modules/access/roles";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrorsOf } from "../../ui/fieldErrorsOf";
import { KeyNameFields } from "../../ui/KeyNameFields";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { roleLabel } from "../policies/roleLabel";
import { useCourses, useCreateCourse, useUpdateCourse } from "./trainingApi";
import { type CourseView, evidenceKinds } from "./types";

/** The school's courses: who must take each and for how long it counts; add, change, retire. */
export function CoursesPage() {
  const { t } = useTranslation();
  const courses = useCourses(true);
  const update = useUpdateCourse();
  const [editing, setEditing] = useState<CourseView | "new" | null>(null);
  const whoTakes = (c: CourseView) =>
    [
      ...c.requiredFor.kinds.map((k) => t(`people.kinds.${k}`)),
      ...c.requiredFor.roles.map((r) => roleLabel(t, r)),
    ].join(", ");
  const columns: Column<CourseView>[] = [
    {
      header: t("training.courses.name"),
      rowHeader: true,
      minWidth: 200,
      cell: (c) => (
        <Stack gap={4}>
          <Text fw={600}>{c.name}</Text>
          {c.retired && (
            <Badge color="gray" tt="none" style={{ alignSelf: "flex-start" }}>
              {t("training.courses.retired")}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      header: t("training.courses.validity"),
      minWidth: 120,
      cell: (c) =>
        c.validityMonths === null
          ? t("training.courses.noExpiry")
          : t("training.courses.months", { count: c.validityMonths }),
    },
    {
      header: t("training.courses.who"),
      minWidth: 200,
      cell: (c) => (
        <Stack gap={2}>
          <Text size="sm">{whoTakes(c)}</Text>
          {c.dueWithinDays !== null && (
            <Text size="sm" c="dimmed">
              {t("training.courses.dueWithin", { count: c.dueWithinDays })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      header: t("training.courses.evidence"),
      minWidth: 120,
      cell: (c) => t(`training.evidence.${c.evidence}`),
    },
    {
      header: t("training.courses.actions"),
      headerHidden: true,
      minWidth: 200,
      cell: (c) => (
        <Group gap="xs">
          <Button
            size="compact-md"
            variant="default"
            aria-label={t("training.courses.editFor", { name: c.name })}
            onClick={() => setEditing(c)}
          >
            {t("common.edit")}
          </Button>
          <Button
            size="compact-md"
            variant="subtle"
            aria-label={t(c.retired ? "training.courses.restoreFor" : "training.courses.retireFor", {
              name: c.name,
            })}
            onClick={() =>
              update.mutate(
                { key: c.key, patch: { retired: !c.retired } },
                { onSuccess: () => notifySuccess(t("training.courses.saved")) },
              )
            }
          >
            {t(c.retired ? "training.courses.restore" : "training.courses.retire")}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <PageTitle>{t("training.courses.title")}</PageTitle>
      <Text>{t("training.courses.intro")}</Text>
      <Button style={{ alignSelf: "flex-start" }} onClick={() => setEditing("new")}>
        {t("training.courses.add")}
      </Button>
      <ErrorAlert error={courses.error ?? update.error} />
      {courses.isPending && <SectionLoader />}
      {courses.data && <DataTable rows={courses.data} columns={columns} />}
      {editing && (
        <CourseDialog course={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function CourseDialog({ course, onClose }: { course: CourseView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const saving = course ? update : create;
  const [key, setKey] = useState(course?.key ?? "");
  const [name, setName] = useState(course?.name ?? "");
  const [description, setDescription] = useState(course?.description ?? "");
  const [validity, setValidity] = useState<string | number>(course?.validityMonths ?? "");
  const [kinds, setKinds] = useState<string[]>(course?.requiredFor.kinds ?? []);
  const [roles, setRoles] = useState<string[]>(course?.requiredFor.roles ?? []);
  const [evidence, setEvidence] = useState<string>(course?.evidence ?? "certificate");
  const [dueWithin, setDueWithin] = useState<string | number>(course?.dueWithinDays ?? "");
  const errors = fieldErrorsOf(saving.error);
  const done = {
    onSuccess: () => {
      notifySuccess(t("training.courses.saved"));
      onClose();
    },
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      description,
      validityMonths: validity === "" ? null : Number(validity),
      requiredFor: {
        kinds: kinds as CourseView["requiredFor"]["kinds"],
        roles: roles as CourseView["requiredFor"]["roles"],
      },
      evidence: evidence as CourseView["evidence"],
      dueWithinDays: dueWithin === "" ? null : Number(dueWithin),
    };
    if (course) update.mutate({ key: course.key, patch: body }, done);
    else create.mutate({ key, ...body }, done);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={course ? t("training.courses.editTitle", { name: course.name }) : t("training.courses.addTitle")}
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={saving.error} />
          <KeyNameFields
            ns="training.courses"
            isNew={!course}
            values={{ key, name, description }}
            errors={errors}
            onChange={(field, value) =>
              ({ key: setKey, name: setName, description: setDescription })[field](value)
            }
          />
          <NumberInput
            label={t("training.courses.validity")}
            description={t("training.courses.validityHint")}
            min={1}
            max={120}
            allowDecimal={false}
            value={validity}
            error={errors.validityMonths}
            onChange={setValidity}
          />
          <MultiSelect
            label={t("training.courses.kinds")}
            data={KINDS.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))}
            value={kinds}
            error={errors.requiredFor}
            onChange={setKinds}
          />
          <MultiSelect
            label={t("training.courses.roles")}
            data={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            value={roles}
            onChange={setRoles}
          />
          <Select
            label={t("training.courses.evidence")}
            data={evidenceKinds.map((k) => ({ value: k, label: t(`training.evidence.${k}`) }))}
            value={evidence}
            allowDeselect={false}
            onChange={(v) => setEvidence(v ?? "certificate")}
          />
          <NumberInput
            label={t("training.courses.dueWithinLabel")}
            description={t("training.courses.dueWithinHint")}
            min={1}
            max={365}
            allowDecimal={false}
            value={dueWithin}
            error={errors.dueWithinDays}
            onChange={setDueWithin}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
