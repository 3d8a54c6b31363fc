import { AppShell, Button, NavLink, ScrollArea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMe } from "../session/sessionApi";
import { type NavItem, navItemsFor } from "./navItems";

function isActive(pathname: string, item: NavItem): boolean {
  const { to, activeFor } = item;
  if (activeFor) return activeFor.test(pathname);
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** `folded`: closed on a phone, so hidden from keyboards and screen readers, not just moved aside. */
export function AppNavbar({ folded }: { folded: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const items = me ? navItemsFor(me) : [];

  const renderItem = (item: NavItem) => {
    const active = isActive(pathname, item);
    if (item.children) {
      return (
        <NavLink
          key={item.key}
          component="button"
          type="button"
          label={t(`nav.${item.key}`)}
          defaultOpened={active}
          active={false}
        >
          {item.children.map(renderItem)}
        </NavLink>
      );
    }
    if (item.prominent)
      return (
        <Button
          key={item.key}
          component={Link}
          to={item.to}
          color="red"
          fullWidth
          my={6}
          aria-current={active ? "page" : undefined}
        >
          {t(`nav.${item.key}`)}
        </Button>
      );
    return (
      <NavLink
        key={item.key}
        component={Link}
        to={item.to}
        label={t(`nav.${item.key}`)}
        active={active}
        aria-current={active ? "page" : undefined}
      />
    );
  };

  return (
    <AppShell.Navbar
      id="app-navbar"
      p="sm"
      component="nav"
      aria-label={t("shell.mainNavigation")}
      style={folded ? { visibility: "hidden" } : undefined}
    >
      {/* A long menu (a group opened) scrolls, instead of squashing its links to fit the height. */}
      <AppShell.Section grow component={ScrollArea} scrollbarSize={6} type="scroll">
        {items.map(renderItem)}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
