import { Badge, Button, Group, Modal, MultiSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
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
import { fieldErrorsOf, useAdults, useSaveSocialAccount, useSocialAccounts } from "./requestsApi";
import type { SocialAccountView } from "./types";

const accountName = (a: SocialAccountView) => `${a.platform} ${a.handle}`.trim();

/** The school's social media accounts: warned when one has a single administrator, or one who left. */
export function SocialAccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const keeper = can(me.data, "requests.manageRegisters");
  const accounts = useSocialAccounts();
  const [editing, setEditing] = useState<SocialAccountView | "new" | null>(null);
  const columns: Column<SocialAccountView>[] = [
    {
      header: t("requests.accounts.platform"),
      rowHeader: true,
      minWidth: 160,
      cell: (a) => (
        <Stack gap={4}>
          <Text fw={600}>{accountName(a)}</Text>
          {a.warnings.map((w) => (
            <Badge key={w} color="orange" tt="none" style={{ alignSelf: "flex-start" }}>
              {t(`requests.accounts.warnings.${w}`)}
            </Badge>
          ))}
        </Stack>
      ),
    },
    { header: t("requests.accounts.purpose"), minWidth: 180, cell: (a) => a.purpose },
    {
      header: t("requests.accounts.administrators"),
      minWidth: 180,
      cell: (a) =>
        a.administrators
          .map((p) => (p.left ? t("requests.accounts.left", { name: p.name }) : p.name))
          .join(", "),
    },
    { header: t("requests.accounts.approvedBy"), minWidth: 130, cell: (a) => a.approvedBy?.name ?? "" },
    {
      header: t("requests.accounts.lastReviewed"),
      minWidth: 120,
      cell: (a) => (a.lastReviewedOn ? formatDate(a.lastReviewedOn) : ""),
    },
    ...(keeper
      ? [
          {
            header: t("requests.accounts.edit"),
            headerHidden: true,
            cell: (a: SocialAccountView) => (
              <Button
                size="compact-md"
                variant="default"
                aria-label={t("requests.accounts.editFor", { name: accountName(a) })}
                onClick={() => setEditing(a)}
              >
                {t("requests.accounts.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <PageTitle>{t("requests.accounts.title")}</PageTitle>
      <Text>{t("requests.accounts.intro")}</Text>
      {keeper && (
        <Button style={{ alignSelf: "flex-start" }} onClick={() => setEditing("new")}>
          {t("requests.accounts.add")}
        </Button>
      )}
      <ErrorAlert error={accounts.error} />
      {accounts.isPending && <SectionLoader />}
      {accounts.data && (
        <DataTable
          rows={accounts.data.accounts}
          columns={columns}
          empty={<Text>{t("requests.accounts.empty")}</Text>}
        />
      )}
      {editing && (
        <AccountDialog account={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function AccountDialog({ account, onClose }: { account: SocialAccountView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSocialAccount();
  const [v, setV] = useState({
    platform: account?.platform ?? "",
    handle: account?.handle ?? "",
    purpose: account?.purpose ?? "",
    lastReviewedOn: account?.lastReviewedOn ?? "",
  });
  const [chosen, setChosen] = useState<{ value: string; label: string }[]>(
    account?.administrators.map((p) => ({ value: p.id ?? "", label: p.name })) ?? [],
  );
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const adults = useAdults(q);
  const options = [
    ...chosen,
    ...(adults.data?.people ?? [])
      .filter((p) => !chosen.some((c) => c.value === p.id))
      .map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name })),
  ];
  const errors = fieldErrorsOf(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const administratorIds = chosen.map((c) => c.value);
    const body = account
      ? { ...v, lastReviewedOn: v.lastReviewedOn || null, administratorIds }
      : {
          platform: v.platform,
          handle: v.handle,
          purpose: v.purpose,
          administratorIds,
          ...(v.lastReviewedOn ? { lastReviewedOn: v.lastReviewedOn } : {}),
        };
    save.mutate(
      { id: account?.id ?? null, body },
      {
        onSuccess: () => {
          notifySuccess(t("requests.accounts.saved"));
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
        account
          ? t("requests.accounts.editTitle", { name: accountName(account) })
          : t("requests.accounts.addTitle")
      }
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          <TextInput
            label={t("requests.accounts.platform")}
            required
            value={v.platform}
            error={errors.platform}
            onChange={(e) => setV({ ...v, platform: e.currentTarget.value })}
          />
          <TextInput
            label={t("requests.accounts.handle")}
            value={v.handle}
            error={errors.handle}
            onChange={(e) => setV({ ...v, handle: e.currentTarget.value })}
          />
          <Textarea
            label={t("requests.accounts.purpose")}
            autosize
            minRows={2}
            value={v.purpose}
            error={errors.purpose}
            onChange={(e) => setV({ ...v, purpose: e.currentTarget.value })}
          />
          <MultiSelect
            label={t("requests.accounts.administrators")}
            description={t("requests.accounts.administratorsHint")}
            searchable
            data={options}
            value={chosen.map((c) => c.value)}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            error={errors.administratorIds}
            onChange={(ids) =>
              setChosen(ids.map((id) => options.find((o) => o.value === id)!).filter(Boolean))
            }
          />
          <TextInput
            type="date"
            label={t("requests.accounts.lastReviewed")}
            description={account ? undefined : t("requests.accounts.lastReviewedHint")}
            value={v.lastReviewedOn}
            error={errors.lastReviewedOn}
            onChange={(e) => setV({ ...v, lastReviewedOn: e.currentTarget.value })}
            maw={360}
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
