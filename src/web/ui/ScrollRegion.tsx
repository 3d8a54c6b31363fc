import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on small screens. Keyboard users must be able to scroll
 * it too, so the region is focusable and named (WCAG 2.1.1).
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    // position: relative keeps visually hidden text (position: absolute) inside the scroller;
    // otherwise it escapes to the page and makes the whole page scroll sideways on a phone.
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", position: "relative" }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
