import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type QueryParams } from "../../api";
import type { PeopleList, PersonDetail } from "./types";

export const PAGE_SIZE = 50;

export const peopleKeys = {
  all: ["people"] as const,
  list: (params: QueryParams) => ["people", "list", params] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

export function usePeople(params: QueryParams) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: () => api.get<PeopleList>("/people", params),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.detail(id),
    queryFn: () => api.get<PersonDetail>(`/people/${encodeURIComponent(id)}`),
  });
}
