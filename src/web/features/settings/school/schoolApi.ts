import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SchoolSettingsView } from "../../../../modules/schools/schema";
import { api } from "../../../api";

const key = ["school", "settings"] as const;

export function useSchoolSettings() {
  return useQuery({ queryKey: key, queryFn: () => api.get<SchoolSettingsView>("/school/settings") });
}

/** The country decides which guidance policies are checked against: every finding may change. */
export function useSaveSchoolSettings(onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      country: SchoolSettingsView["country"];
      language: SchoolSettingsView["language"];
    }) => api.put<SchoolSettingsView>("/school/settings", body),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: ["policyHealth"] });
      onSaved();
    },
  });
}
