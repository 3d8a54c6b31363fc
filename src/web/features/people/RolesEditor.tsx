import { Button, Checkbox, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { useSaveRoles } from "./peopleApi";
import { designatedRoles, type Person } from "./types";

export function RolesEditor({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<string[]>(person.roles);
  useEffect(() => setRoles(person.roles), [person.roles]);

  const save = useSaveRoles(person.id);

  const unchanged = [...roles].sort().join() === [...person.roles].sort().join();

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(roles, { onSuccess: () => notifySuccess(t("people.rolesSaved")) });
        }}
      >
        <Stack>
          <Title order={2} size="h3">
            {t("people.rolesLabel")}
          </Title>
          <Text size="sm">{t("people.rolesExplain")}</Text>
          <ErrorAlert error={save.error} />
          <Checkbox.Group
            label={t("people.rolesLegend", { name: person.name })}
            value={roles}
            onChange={setRoles}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {designatedRoles.map((role) => (
                <Checkbox key={role} value={role} label={t(`people.roles.${role}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={unchanged}
            style={{ alignSelf: "flex-start" }}
          >
            {t("people.saveRoles")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
