import type { TFunction } from "i18next";
import { CATEGORIES, CATEGORY_AREA, type Category } from "../../../modules/incidents/schema";

export const AREAS = ["content", "contact", "conduct", "commerce", "school"] as const;

/** The categories of each area of online risk, in the order the form shows them. */
export const CATEGORIES_BY_AREA = AREAS.map((area) => ({
  area,
  categories: CATEGORIES.filter((c) => CATEGORY_AREA[c] === area),
}));

/** Categories where the concern is about an adult: the form asks who. */
export const ABOUT_AN_ADULT: readonly Category[] = ["staff_misuse"];

export const categoryLabel = (t: TFunction, category: string) => t(`incidents.categories.${category}.label`);

/**
 * Who a report went to, in words: the DSL and deputies are one team to the person reporting.
 * Returns one phrase per recipient (shown as a list, so no language's "and" needs building).
 */
export function routedToWords(t: TFunction, roles: readonly string[]): string[] {
  const words: string[] = [];
  const rest = new Set(roles);
  if (rest.has("dsl") || rest.has("deputy_dsl")) {
    words.push(t("incidents.routedTo.dslTeam"));
    rest.delete("dsl");
    rest.delete("deputy_dsl");
  }
  for (const role of rest)
    words.push(t(`incidents.routedTo.${role}`, { defaultValue: t(`people.roles.${role}`) }));
  return words;
}
