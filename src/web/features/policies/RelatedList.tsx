import { Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isSafeLink } from "../../../kernel/links";
import { RouterLink } from "../../ui/RouterLink";
import type { RelatedItem } from "./types";

/** Policies and documents to be read in conjunction with this one. */
export function RelatedList({ items }: { items: RelatedItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t("common.notRecorded")}</Text>;
  return (
    <List size="sm" spacing={2}>
      {items.map((item, index) => {
        const key = "policyId" in item ? item.policyId : `${item.title}-${index}`;
        if ("policyId" in item)
          return (
            <List.Item key={key}>
              <RouterLink to={`/policies/${item.policyId}`}>{t("policies.relatedPolicy")}</RouterLink>
            </List.Item>
          );
        return (
          <List.Item key={key}>
            {/* Saved before links were checked, an unsafe address is shown as the title alone. */}
            {item.url && isSafeLink(item.url) ? (
              <Anchor href={item.url} target="_blank" rel="noreferrer">
                {item.title}
              </Anchor>
            ) : (
              item.title
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
