import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { homeQueryKey } from "../home/homeApi";
import { meQueryKey } from "../session/sessionApi";
import type {
  ActionView,
  MyActionsView,
  ResponsiblesInput,
  ResponsiblesView,
  ReviewInput,
  ReviewListView,
  ReviewView,
  StatusView,
} from "./types";

const enc = encodeURIComponent;

export const filteringKeys = {
  all: ["filtering"] as const,
  status: () => ["filtering", "status"] as const,
  list: () => ["filtering", "list"] as const,
  one: (id: string) => ["filtering", "one", id] as const,
  mine: () => ["filtering", "mine"] as const,
};

export const reviewPdfUrl = (id: string) => `/api/v1/filtering-reviews/${enc(id)}/review.pdf`;

/** A review or an action done changes the status, the list, the review and the home page. */
function useRefreshFiltering() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: filteringKeys.all }),
      queryClient.invalidateQueries({ queryKey: homeQueryKey }),
      // Being named the filtering leader or governor changes what the menu offers.
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
}

export function useFilteringStatus() {
  return useQuery({
    queryKey: filteringKeys.status(),
    queryFn: () => api.get<StatusView>("/filtering-reviews/status"),
  });
}

export function useReviews() {
  return useQuery({
    queryKey: filteringKeys.list(),
    queryFn: () => api.get<ReviewListView>("/filtering-reviews"),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: filteringKeys.one(id),
    queryFn: () => api.get<ReviewView>(`/filtering-reviews/${enc(id)}`),
  });
}

export function useMyActions() {
  return useQuery({
    queryKey: filteringKeys.mine(),
    queryFn: () => api.get<MyActionsView>("/filtering-reviews/actions/mine"),
  });
}

export function useRecordReview() {
  const refresh = useRefreshFiltering();
  return useMutation({
    mutationFn: (body: ReviewInput) => api.post<{ id: string }>("/filtering-reviews", body),
    onSuccess: () => void refresh(),
  });
}

export function useNameResponsibles() {
  const refresh = useRefreshFiltering();
  return useMutation({
    mutationFn: (body: ResponsiblesInput) =>
      api.put<ResponsiblesView>("/filtering-reviews/responsibles", body),
    onSuccess: () => void refresh(),
  });
}

export function useMarkDone() {
  const refresh = useRefreshFiltering();
  return useMutation({
    mutationFn: (action: { id: string; reviewId: string }) =>
      api.post<ActionView>(`/filtering-reviews/${enc(action.reviewId)}/actions/${enc(action.id)}/done`, {}),
    onSuccess: () => void refresh(),
  });
}
