import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export interface AttentionItem {
  key: string;
  params?: Record<string, unknown>;
  href: string | null;
  severity: "info" | "warning";
}

// Pages the server may point at that do not exist in the web app yet.
const hrefFallbacks: Record<string, string> = { "/people/import": "/people" };

export function attentionHref(href: string | null): string | null {
  if (!href) return null;
  return hrefFallbacks[href] ?? href;
}

export function useAttention() {
  return useQuery({
    queryKey: ["home"],
    queryFn: () => api.get<{ attention: AttentionItem[] }>("/home"),
  });
}
