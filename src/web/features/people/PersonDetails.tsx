import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { formatDate } from "../../ui/format";
import { KindBadges } from "./KindBadges";
import { StatusBadge } from "./StatusBadge";
import type { PersonDetail } from "./types";

export function PersonDetails({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const none = t("common.notRecorded");
  const or = (value: string | null) => value || none;
  return (
    <DetailList
      items={[
        { label: t("fields.kinds"), value: <KindBadges kinds={person.kinds} /> },
        { label: t("people.columns.status"), value: <StatusBadge status={person.status} /> },
        { label: t("fields.email"), value: or(person.email) },
        { label: t("fields.phone"), value: or(person.phone) },
        { label: t("fields.jobTitle"), value: or(person.jobTitle) },
        { label: t("fields.department"), value: or(person.department) },
        ...(person.lineManager
          ? [
              {
                label: t("fields.lineManager"),
                value: (
                  <Anchor component={Link} to={`/people/${person.lineManager.id}`}>
                    {person.lineManager.name}
                  </Anchor>
                ),
              },
            ]
          : []),
        { label: t("fields.yearGroup"), value: or(person.yearGroup) },
        { label: t("fields.regGroup"), value: or(person.regGroup) },
        { label: t("fields.startDate"), value: person.startDate ? formatDate(person.startDate) : none },
        { label: t("fields.leaveDate"), value: person.leaveDate ? formatDate(person.leaveDate) : none },
        { label: t("people.accountLabel"), value: t(`people.account.${person.account}`) },
        {
          label: t("people.rolesLabel"),
          value: person.roles.length ? person.roles.map((r) => t(`people.roles.${r}`)).join(", ") : none,
        },
      ]}
    />
  );
}
