import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";
import type { LinkAnswered, LinkAnswers, LinkFormView } from "../types";

// The parent's page from an emailed link: no account, no session.

const linkPath = (token: string) => `/consent/links/${encodeURIComponent(token)}`;
const linkKey = (token: string) => ["consent-link", token] as const;

export function useConsentLink(token: string) {
  return useQuery({
    queryKey: linkKey(token),
    queryFn: () => api.get<LinkFormView>(linkPath(token)),
    // A parent part-way through the form must not have it reloaded under them.
    refetchOnWindowFocus: false,
  });
}

/** Answers (or, once answered, a withdrawal): the link then shows what is recorded now. */
export function useAnswerByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAnswers) => api.post<LinkAnswered>(linkPath(token), body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}
