import type { TFunction } from "i18next";

/** A designated role's name, e.g. "Chair of governors", from the labels the people pages use. */
export function roleLabel(t: TFunction, role: string): string {
  return t(`people.roles.${role}`);
}

export function roleList(t: TFunction, roles: string[]): string {
  return roles.map((role) => roleLabel(t, role)).join(", ");
}
