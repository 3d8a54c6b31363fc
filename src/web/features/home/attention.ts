import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export interface AttentionItem {
  key: string;
  params?: Record<string, unknown>;
  href: string | null;
  severity: "info" | "warning";
}

export function useAttention() {
  return useQuery({
    queryKey: ["home"],
    queryFn: () => api.get<{ attention: AttentionItem[] }>("/home"),
  });
}
