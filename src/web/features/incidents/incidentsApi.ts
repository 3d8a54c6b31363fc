import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type {
  AlertImport,
  AlertImported,
  AlertList,
  AlertToIncident,
  Breaches,
  Chronology,
  EntryInput,
  Incident,
  IncidentList,
  IncidentView,
  PersonChoice,
  Reported,
  ReportInput,
} from "./types";

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (status: string) => ["incidents", "list", status] as const,
  one: (id: string) => ["incidents", "one", id] as const,
  chronology: (personId: string) => ["incidents", "chronology", personId] as const,
  alerts: () => ["incidents", "alerts"] as const,
  breaches: () => ["incidents", "breaches"] as const,
};

const enc = encodeURIComponent;
const incidentPath = (id: string) => `/incidents/${enc(id)}`;

/** Incidents the person handles and their own reports. */
export function useIncidents(status: "open" | "closed" | "all") {
  return useQuery({
    queryKey: incidentKeys.list(status),
    queryFn: () => api.get<IncidentList>("/incidents", { status }),
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.one(id),
    queryFn: () => api.get<Incident>(incidentPath(id)),
    // A 404 is the answer (not theirs to see), not a blip to retry.
    retry: false,
  });
}

export function useReportConcern() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => api.post<Reported>("/incidents", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

/** Pupils any member of staff may search (the consent module's search: name and class only). */
async function searchPupils(q: string): Promise<PersonChoice[]> {
  const found = await api.get<{ pupils: { id: string; name: string; regGroup: string | null }[] }>(
    "/consent/pupils",
    { q },
  );
  return found.pupils.map((p) => ({ id: p.id, name: p.name, detail: p.regGroup }));
}

/** Staff and governors by name and job title only: the adult a concern is about, or a person to add. */
async function searchAdults(q: string): Promise<PersonChoice[]> {
  const found = await api.get<{ people: { id: string; name: string; jobTitle?: string | null }[] }>(
    "/incidents/people",
    { q },
  );
  return found.people.map((p) => ({ id: p.id, name: p.name, detail: p.jobTitle ?? null }));
}

export type PersonSearchKind = "pupils" | "adults";

export function usePersonSearch(kind: PersonSearchKind, q: string) {
  return useQuery({
    queryKey: ["incidents", "person-search", kind, q],
    queryFn: () => (kind === "pupils" ? searchPupils(q) : searchAdults(q)),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useIncidentMutation<B, R = IncidentView>(id: string, call: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    // Wait only for the incident itself: the form that called clears itself when this settles, and
    // waiting for the list and home page too left a gap (on a busy server, seconds) in which the new
    // entry showed but the form had not yet cleared, so what was typed next was wiped.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["incidents", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["home"] });
      return queryClient.invalidateQueries({ queryKey: incidentKeys.one(id) });
    },
  });
}

export const useAddEntry = (id: string) =>
  useIncidentMutation(id, (body: EntryInput) => api.post<unknown>(`${incidentPath(id)}/entries`, body));
export const useCloseIncident = (id: string) =>
  useIncidentMutation(id, (outcome: string) =>
    api.post<IncidentView>(`${incidentPath(id)}/close`, { outcome }),
  );
export const useReopenIncident = (id: string) =>
  useIncidentMutation(id, (reason: string) =>
    api.post<IncidentView>(`${incidentPath(id)}/reopen`, { reason }),
  );
export const useAddPeople = (id: string) =>
  useIncidentMutation(id, (body: { personIds: string[]; reason: string }) =>
    api.post<IncidentView>(`${incidentPath(id)}/people`, body),
  );
export const useIcoDecision = (id: string) =>
  useIncidentMutation(id, (body: { reported: boolean; reference?: string; reason?: string }) =>
    api.post<IncidentView>(`${incidentPath(id)}/ico-decision`, body),
  );
export const useUploadAttachment = (id: string) =>
  useIncidentMutation(id, (file: File) => {
    const form = new FormData();
    form.append("file", file);
    return api.postForm<{ id: string }>(`${incidentPath(id)}/attachments`, form);
  });

/** Where a handler downloads an attachment (a plain link: the browser fetches it with the cookie). */
export const attachmentUrl = (incidentId: string, attachmentId: string) =>
  `/api/v1${incidentPath(incidentId)}/attachments/${enc(attachmentId)}`;

export function useChronology(personId: string) {
  return useQuery({
    queryKey: incidentKeys.chronology(personId),
    queryFn: () => api.get<Chronology>(`/incidents/chronology/${enc(personId)}`),
    retry: false,
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: incidentKeys.alerts(),
    queryFn: () => api.get<AlertList>("/incidents/alerts"),
  });
}

function useAlertMutation<B, R>(call: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

export const useImportAlerts = () =>
  useAlertMutation((body: AlertImport) => api.post<AlertImported>("/incidents/alerts/import", body));
export const useDismissAlert = () =>
  useAlertMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<unknown>(`/incidents/alerts/${enc(id)}/dismiss`, { reason }),
  );
export const useAlertToIncident = () =>
  useAlertMutation(({ id, ...body }: AlertToIncident & { id: string }) =>
    api.post<Reported>(`/incidents/alerts/${enc(id)}/incident`, body),
  );

export function useBreaches() {
  return useQuery({
    queryKey: incidentKeys.breaches(),
    queryFn: () => api.get<Breaches>("/incidents/breaches", { format: "json" }),
  });
}

export const breachesCsvUrl = "/api/v1/incidents/breaches?format=csv";
