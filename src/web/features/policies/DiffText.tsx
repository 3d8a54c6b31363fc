import { VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { addedStyle, removedStyle, textFlowStyle } from "./diff.css";
import type { DiffPart } from "./types";

interface Props {
  parts: DiffPart[];
  /** Which changes to show: both (inline), or one side of a side-by-side view. */
  show: "both" | "old" | "new";
}

/** Text with added words as <ins> and removed words as <del>, each also named for screen readers. */
export function DiffText({ parts, show }: Props) {
  const { t } = useTranslation();
  return (
    <div style={textFlowStyle}>
      {parts.map((part, index) => {
        const key = index;
        if (part.added) {
          if (show === "old") return null;
          return (
            <ins key={key} style={addedStyle}>
              <VisuallyHidden>{t("policies.diff.addedStart")}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{t("policies.diff.addedEnd")}</VisuallyHidden>
            </ins>
          );
        }
        if (part.removed) {
          if (show === "new") return null;
          return (
            <del key={key} style={removedStyle}>
              <VisuallyHidden>{t("policies.diff.removedStart")}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{t("policies.diff.removedEnd")}</VisuallyHidden>
            </del>
          );
        }
        return <span key={key}>{part.value}</span>;
      })}
    </div>
  );
}
