import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export interface AttentionItem {
  key: string;
  params?: Record<string, unknown>;
  href: string | null;
  severity: "info" | "warning";
}

export const homeQueryKey = ["home"] as const;

export function useAttention() {
  return useQuery({
    queryKey: homeQueryKey,
    queryFn: () => api.get<{ attention: AttentionItem[] }>("/home"),
  });
}
