import { Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { fieldErrorsOf, useSaveService, useServices } from "./requestsApi";
import type { ServiceView } from "./types";

/** The register of approved online services; kept by the admins and the DPO. */
export function ServicesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const keeper = can(me.data, "requests.manageRegisters");
  const services = useServices();
  const [editing, setEditing] = useState<ServiceView | "new" | null>(null);
  const columns: Column<ServiceView>[] = [
    {
      header: t("requests.services.name"),
      rowHeader: true,
      minWidth: 150,
      cell: (s) => <Text fw={600}>{s.name}</Text>,
    },
    { header: t("requests.services.personalData"), minWidth: 200, cell: (s) => s.personalData },
    { header: t("requests.services.approvedBy"), minWidth: 130, cell: (s) => s.approvedBy?.name ?? "" },
    {
      header: t("requests.services.reviewOn"),
      minWidth: 130,
      cell: (s) => (
        <Group gap="xs">
          <span>{s.reviewOn ? formatDate(s.reviewOn) : ""}</span>
          {s.reviewDue && (
            <Badge color="orange" tt="none">
              {t("requests.services.reviewDue")}
            </Badge>
          )}
        </Group>
      ),
    },
    { header: t("requests.services.dpoView"), minWidth: 200, cell: (s) => s.dpoView ?? "" },
    ...(keeper
      ? [
          {
            header: t("requests.services.edit"),
            headerHidden: true,
            cell: (s: ServiceView) => (
              <Button
                size="compact-md"
                variant="default"
                aria-label={t("requests.services.editFor", { name: s.name })}
                onClick={() => setEditing(s)}
              >
                {t("requests.services.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <PageTitle>{t("requests.services.title")}</PageTitle>
      <Text>{t("requests.services.intro")}</Text>
      {keeper && (
        <Button style={{ alignSelf: "flex-start" }} onClick={() => setEditing("new")}>
          {t("requests.services.add")}
        </Button>
      )}
      <ErrorAlert error={services.error} />
      {services.isPending && <SectionLoader />}
      {services.data && (
        <DataTable
          rows={services.data.services}
          columns={columns}
          empty={<Text>{t("requests.services.empty")}</Text>}
        />
      )}
      {editing && (
        <ServiceDialog service={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function ServiceDialog({ service, onClose }: { service: ServiceView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveService();
  const [v, setV] = useState({
    name: service?.name ?? "",
    personalData: service?.personalData ?? "",
    reviewOn: service?.reviewOn ?? "",
    dpoView: service?.dpoView ?? "",
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = service
      ? {
          name: v.name,
          personalData: v.personalData,
          reviewOn: v.reviewOn || null,
          dpoView: v.dpoView || null,
        }
      : {
          name: v.name,
          personalData: v.personalData,
          ...(v.reviewOn ? { reviewOn: v.reviewOn } : {}),
          ...(v.dpoView ? { dpoView: v.dpoView } : {}),
        };
    save.mutate(
      { id: service?.id ?? null, body },
      {
        onSuccess: () => {
          notifySuccess(t("requests.services.saved"));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        service ? t("requests.services.editTitle", { name: service.name }) : t("requests.services.addTitle")
      }
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          <TextInput
            label={t("requests.services.name")}
            required
            value={v.name}
            error={errors.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          />
          <Textarea
            label={t("requests.services.personalData")}
            autosize
            minRows={2}
            value={v.personalData}
            error={errors.personalData}
            onChange={(e) => setV({ ...v, personalData: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t("requests.services.reviewOn")}
            value={v.reviewOn}
            error={errors.reviewOn}
            onChange={(e) => setV({ ...v, reviewOn: e.currentTarget.value })}
            maw={220}
          />
          <Textarea
            label={t("requests.services.dpoView")}
            autosize
            minRows={2}
            value={v.dpoView}
            error={errors.dpoView}
            onChange={(e) => setV({ ...v, dpoView: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
