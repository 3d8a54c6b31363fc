import type { Me } from "./sessionApi";

export function can(me: Me | null | undefined, action: string): boolean {
  return Boolean(me?.permissions?.includes(action));
}

export function schoolNameOf(me: Me): string {
  return me.school.name;
}
