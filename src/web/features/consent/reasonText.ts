import type { TFunction } from "i18next";
import { formatDate } from "../../ui/format";
import type { Reason } from "./types";

/** A status's reason in words ("Withdrawn on 3 March 2027"), never the API's key. */
export function reasonText(t: TFunction, reason: Reason, since: string | null): string {
  if (reason === "withdrawn" && since) return t("consent.reason.withdrawnOn", { date: formatDate(since) });
  return t(`consent.reason.${reason}`);
}
