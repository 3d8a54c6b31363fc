import { AppShell, Container } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { Outlet, useLocation } from "react-router";
import { PendingPage } from "../../ui/PendingPage";
import { SkipLink } from "../../ui/SkipLink";
import { AppHeader } from "./AppHeader";
import { AppNavbar } from "./AppNavbar";

export function AppLayout() {
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // Below Mantine's "sm" breakpoint the folded navbar is only moved off screen: keep its links
  // out of the tab order and away from screen readers until it is opened.
  const phone = useMediaQuery("(max-width: 47.99em)");

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
      <SkipLink target="main" />
      <AppHeader navOpen={navOpen} onToggleNav={toggle} />
      <AppNavbar folded={Boolean(phone) && !navOpen} />
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Suspense fallback={<PendingPage />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
