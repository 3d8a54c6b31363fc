import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddTrustSchoolInput,
  TrustSchoolAddedView,
  TrustSchoolsView,
  TrustSchoolView,
} from "../../../modules/trust/schema";
import { api } from "../../api";

const trustKeys = { schools: ["trust", "schools"] as const };

/** Every school of the person's trust with its headline figures (trust roles only). */
export const useTrustSchools = () =>
  useQuery({ queryKey: trustKeys.schools, queryFn: () => api.get<TrustSchoolsView>("/trust/schools") });

/** One school of the trust, as its dashboard. */
export const useTrustSchool = (id: string) =>
  useQuery({
    queryKey: [...trustKeys.schools, id],
    queryFn: () => api.get<TrustSchoolView>(`/trust/schools/${encodeURIComponent(id)}`),
  });

/** The trust admin adds a school; its headteacher is emailed an invitation. */
export function useAddTrustSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddTrustSchoolInput) => api.post<TrustSchoolAddedView>("/trust/schools", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trustKeys.schools }),
  });
}
