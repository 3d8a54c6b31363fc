import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ROLES, type Role } from "../../../modules/access/roles";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { KeyNameFields } from "../../ui/KeyNameFields";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { roleLabel, roleList } from "../policies/roleLabel";
import { fieldErrorsOf, useCreateType, useRequestTypes, useUpdateType } from "./requestsApi";
import { type Question, questionKinds, type TypeView } from "./types";

/** Request types, for admins: who decides each, the questions it asks; add, change, stop using. */
export function TypesPage() {
  const { t } = useTranslation();
  const types = useRequestTypes(true);
  const update = useUpdateType();
  // A policy statement that asks someone's permission offers a type here, approver and wording filled in.
  const [params, setParams] = useSearchParams();
  const offered = ROLES.find((r) => r === params.get("approver"));
  const [editing, setEditing] = useState<TypeView | "new" | null>(offered ? "new" : null);
  const columns: Column<TypeView>[] = [
    {
      header: t("requests.types.name"),
      rowHeader: true,
      minWidth: 200,
      cell: (x) => (
        <Stack gap={4}>
          <Text fw={600}>{x.name}</Text>
          {x.retired && (
            <Badge color="gray" tt="none" style={{ alignSelf: "flex-start" }}>
              {t("requests.types.retired")}
            </Badge>
          )}
          {x.followUp && <Text size="sm">{t("requests.types.followUp")}</Text>}
        </Stack>
      ),
    },
    { header: t("requests.types.approverRoles"), minWidth: 180, cell: (x) => roleList(t, x.approverRoles) },
    {
      header: t("requests.types.questions"),
      minWidth: 220,
      cell: (x) => x.questions.map((q) => q.label).join(" · "),
    },
    {
      header: t("requests.types.edit"),
      headerHidden: true,
      minWidth: 200,
      cell: (x) => (
        <Group gap="xs">
          <Button
            size="compact-md"
            variant="default"
            aria-label={t("requests.types.editFor", { name: x.name })}
            onClick={() => setEditing(x)}
          >
            {t("requests.types.edit")}
          </Button>
          <Button
            size="compact-md"
            variant="subtle"
            onClick={() =>
              update.mutate(
                { key: x.key, patch: { retired: !x.retired } },
                { onSuccess: () => notifySuccess(t("requests.types.saved")) },
              )
            }
          >
            {t(x.retired ? "requests.types.restore" : "requests.types.retire")}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <PageTitle>{t("requests.types.title")}</PageTitle>
      <Text>{t("requests.types.intro")}</Text>
      <Button style={{ alignSelf: "flex-start" }} onClick={() => setEditing("new")}>
        {t("requests.types.add")}
      </Button>
      <ErrorAlert error={types.error ?? update.error} />
      {types.isPending && <SectionLoader />}
      {types.data && <DataTable rows={types.data.types} columns={columns} />}
      {editing && (
        <TypeDialog
          type={editing === "new" ? null : editing}
          offer={
            editing === "new" && offered
              ? { role: offered, description: params.get("description") ?? "" }
              : null
          }
          onClose={() => {
            setEditing(null);
            if (offered) setParams({}, { replace: true });
          }}
        />
      )}
    </Stack>
  );
}

function TypeDialog({
  type,
  offer,
  onClose,
}: {
  type: TypeView | null;
  offer: { role: Role; description: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateType();
  const update = useUpdateType();
  const saving = type ? update : create;
  const [key, setKey] = useState(type?.key ?? "");
  const [name, setName] = useState(type?.name ?? "");
  const [description, setDescription] = useState(
    type?.description ?? offer?.description.slice(0, 1000) ?? "",
  );
  const [roles, setRoles] = useState<string[]>(type?.approverRoles ?? (offer ? [offer.role] : []));
  // Each question row keeps its own id while it is edited, so removing one leaves the others' inputs alone.
  const [questions, setQuestions] = useState<(Question & { uid: number })[]>(
    (type?.questions ?? []).map((q, uid) => ({ ...q, uid })),
  );
  const [nextUid, setNextUid] = useState(questions.length);
  const errors = fieldErrorsOf(saving.error);
  const setQuestion = (i: number, q: Partial<Question>) =>
    setQuestions(questions.map((old, j) => (j === i ? { ...old, ...q } : old)));
  const done = {
    onSuccess: () => {
      notifySuccess(t("requests.types.saved"));
      onClose();
    },
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      description,
      approverRoles: roles as TypeView["approverRoles"],
      questions: questions.map(({ uid: _, ...q }) => q),
    };
    if (type) update.mutate({ key: type.key, patch: body }, done);
    else create.mutate({ key, ...body }, done);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={type ? t("requests.types.editTitle", { name: type.name }) : t("requests.types.addTitle")}
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={saving.error} />
          <KeyNameFields
            ns="requests.types"
            isNew={!type}
            values={{ key, name, description }}
            errors={errors}
            onChange={(field, value) =>
              ({ key: setKey, name: setName, description: setDescription })[field](value)
            }
          />
          <MultiSelect
            label={t("requests.types.approverRoles")}
            required
            data={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            value={roles}
            error={errors.approverRoles}
            onChange={setRoles}
          />
          <Text fw={600}>{t("requests.types.questions")}</Text>
          {questions.map((q, i) => (
            <Paper key={q.uid} withBorder p="sm">
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t("requests.types.questionKey")}
                  value={q.key}
                  w={160}
                  onChange={(e) => setQuestion(i, { key: e.currentTarget.value })}
                />
                <TextInput
                  label={t("requests.types.questionLabel")}
                  value={q.label}
                  style={{ flex: 1, minWidth: 200 }}
                  onChange={(e) => setQuestion(i, { label: e.currentTarget.value })}
                />
                <Select
                  label={t("requests.types.kind")}
                  w={140}
                  data={questionKinds.map((k) => ({ value: k, label: t(`requests.types.kinds.${k}`) }))}
                  value={q.kind}
                  allowDeselect={false}
                  onChange={(k) => setQuestion(i, { kind: (k ?? "text") as Question["kind"] })}
                />
                <Checkbox
                  label={t("requests.types.required")}
                  checked={q.required}
                  onChange={(e) => setQuestion(i, { required: e.currentTarget.checked })}
                  mb={8}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("requests.types.removeQuestion", { n: i + 1 })}
                  onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
                  mb={4}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Button
            variant="default"
            style={{ alignSelf: "flex-start" }}
            onClick={() => {
              setQuestions([
                ...questions,
                { key: "", label: "", required: true, kind: "text", uid: nextUid },
              ]);
              setNextUid(nextUid + 1);
            }}
          >
            {t("requests.types.addQuestion")}
          </Button>
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
