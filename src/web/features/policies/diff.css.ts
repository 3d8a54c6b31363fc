import type { CSSProperties } from "react";

// Added and removed words are marked by <ins>/<del> and by colour, never by colour alone.
export const addedStyle: CSSProperties = {
  backgroundColor: "var(--mantine-color-green-1)",
  color: "#14532d",
  textDecoration: "underline",
  textDecorationThickness: "2px",
  borderRadius: 2,
  padding: "0 2px",
  margin: "0 1px",
};

export const removedStyle: CSSProperties = {
  backgroundColor: "var(--mantine-color-red-1)",
  color: "#7f1d1d",
  textDecoration: "line-through",
  borderRadius: 2,
  padding: "0 2px",
  margin: "0 1px",
};

export const textFlowStyle: CSSProperties = {
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  fontFamily: "var(--mantine-font-family-monospace)",
  fontSize: "var(--mantine-font-size-sm)",
  lineHeight: 1.7,
  margin: 0,
};
