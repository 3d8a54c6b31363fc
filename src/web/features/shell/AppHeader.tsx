import { AppShell, Burger, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { schoolNameOf } from "../session/me";
import { useMe } from "../session/sessionApi";
import { UserMenu } from "./UserMenu";

export function AppHeader({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Burger
            opened={navOpen}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpen ? t("shell.closeNavigation") : t("shell.openNavigation")}
            aria-expanded={navOpen}
            aria-controls="app-navbar"
          />
          <Text component={Link} to="/" fw={700} size="lg" c="indigo.9" style={{ textDecoration: "none" }}>
            {t("app.name")}
          </Text>
          {me && (
            <Text size="sm" c="dimmed" truncate visibleFrom="xs">
              {schoolNameOf(me)}
            </Text>
          )}
        </Group>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          {/* Signed in, the choice is kept on their record: their emails follow it. */}
          <LanguageSwitch
            onChosen={
              me ? (language) => void api.put("/me/language", { language }).catch(() => {}) : undefined
            }
          />
          {me && <UserMenu name={me.name} />}
        </Group>
      </Group>
    </AppShell.Header>
  );
}
