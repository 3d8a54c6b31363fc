import { useQuery } from "@tanstack/react-query";
import type { HomeView } from "../../../modules/home/schema";
import { api } from "../../api";

export type AttentionItem = HomeView["attention"][number];
/** The school at a glance: only the headteacher and admins get one. */
export type SchoolGlance = NonNullable<HomeView["glance"]>;

export const homeQueryKey = ["home"] as const;

export function useAttention() {
  return useQuery({
    queryKey: homeQueryKey,
    queryFn: () => api.get<HomeView>("/home"),
  });
}
