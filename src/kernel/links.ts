/**
 * Links people type into Accord (a related document's address) open in other people's browsers:
 * only web pages and email addresses. `javascript:`, `data:` and `vbscript:` would run or show
 * whatever the writer chose in the reader's session, so they are refused when saved and never
 * rendered as links (decision 027).
 */
export const SAFE_LINK_SCHEMES = ["http:", "https:", "mailto:"] as const;

export function isSafeLink(address: string): boolean {
  try {
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(new URL(address.trim()).protocol);
  } catch {
    return false;
  }
}
