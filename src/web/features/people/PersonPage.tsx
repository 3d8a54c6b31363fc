import { Button, Group, Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { PersonTrainingSection } from "../training/PersonTrainingSection";
import { InviteButton } from "./InviteButton";
import { MarkLeaverButton } from "./MarkLeaverButton";
import { PersonDetails } from "./PersonDetails";
import { usePerson } from "./peopleApi";
import { RelationsList } from "./RelationsList";
import { RolesEditor } from "./RolesEditor";
import { canHaveAccount } from "./types";

export function PersonPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: me } = useMe();
  const { data: person, error, isPending } = usePerson(id);
  const manage = can(me, "people.manage");

  return (
    <Stack>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {!person && !isPending && <PageTitle>{t("people.personTitle")}</PageTitle>}
      {person && (
        <>
          <PageTitle>{person.name}</PageTitle>
          {manage && (
            <Group align="flex-start">
              <Button component={Link} to={`/people/${person.id}/edit`}>
                {t("common.edit")}
              </Button>
              {person.status !== "left" && <MarkLeaverButton person={person} />}
              {canHaveAccount(person) && person.status !== "left" && <InviteButton person={person} />}
            </Group>
          )}
          <Paper withBorder p="lg">
            <PersonDetails person={person} />
          </Paper>
          <RelationsList person={person} />
          {person.leaveDate && can(me, "leavers.checklist") && (
            <Button
              component={Link}
              to={`/people/${person.id}/leaver`}
              variant="default"
              style={{ alignSelf: "flex-start" }}
            >
              {t("people.leaverChecklist")}
            </Button>
          )}
          {can(me, "training.read") && <PersonTrainingSection personId={person.id} />}
          {can(me, "roles.assign") && <RolesEditor person={person} />}
        </>
      )}
    </Stack>
  );
}
