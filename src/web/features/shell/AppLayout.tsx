import { AppShell, Container } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect } from "react";
import { Outlet, useLocation } from "react-router";
import { AppHeader } from "./AppHeader";
import { AppNavbar } from "./AppNavbar";

export function AppLayout() {
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  // On a phone the navbar covers the page: fold it away once the person has chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose
  useEffect(() => {
    close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppHeader navOpen={navOpen} onToggleNav={toggle} />
      <AppNavbar />
      <AppShell.Main>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
