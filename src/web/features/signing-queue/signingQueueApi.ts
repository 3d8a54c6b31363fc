import { api, isApiError } from "../../api";
import type { QueuedSigning } from "./store";

export type SendOutcome = "sent" | "offline" | "refused";

/**
 * Send one waiting signature. The body carries the key chosen when the person pressed sign, so a
 * signature that did arrive before the connection dropped is answered, not recorded again.
 * No connection, a server error or too many requests: try again later. Any other refusal
 * (the kiosk closed, the session over): the school will not take it, so it is not kept.
 */
export async function sendWaiting(signing: QueuedSigning): Promise<SendOutcome> {
  try {
    await api.post(signing.path, signing.body, signing.headers);
    return "sent";
  } catch (error) {
    if (!isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500)
      return "offline";
    return "refused";
  }
}
