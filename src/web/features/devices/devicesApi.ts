import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import { homeQueryKey } from "../home/homeApi";
import type {
  CheckedOut,
  CheckoutTarget,
  Device,
  DeviceDetail,
  DeviceImportReport,
  DeviceInput,
  DeviceList,
  DeviceStatus,
  DeviceType,
  DisposeInput,
  Holder,
  LeaverChecklist,
  Reported,
  ReportInput,
} from "./types";

const enc = encodeURIComponent;

export const devicesKeys = {
  all: ["devices"] as const,
  list: (filters: DeviceFilters) => ["devices", "list", filters] as const,
  one: (id: string) => ["devices", "one", id] as const,
  mine: () => ["devices", "mine"] as const,
  leaver: (personId: string) => ["devices", "leaver", personId] as const,
};

export interface DeviceFilters {
  q: string;
  status: DeviceStatus | "";
  type: DeviceType | "";
  page: number;
}

export const PAGE_SIZE = 25;

/** Anything done to a device changes the register, the device's page, someone's devices and the home page. */
function useRefreshDevices() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: devicesKeys.all }),
      queryClient.invalidateQueries({ queryKey: homeQueryKey }),
    ]);
}

export function useDevices(filters: DeviceFilters) {
  return useQuery({
    queryKey: devicesKeys.list(filters),
    queryFn: () =>
      api.get<DeviceList>("/devices", {
        q: filters.q.trim(),
        status: filters.status,
        type: filters.type,
        page: filters.page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useDevice(id: string) {
  return useQuery({
    queryKey: devicesKeys.one(id),
    queryFn: () => api.get<DeviceDetail>(`/devices/${enc(id)}`),
  });
}

export function useMyDevices() {
  return useQuery({
    queryKey: devicesKeys.mine(),
    queryFn: async () => (await api.get<{ devices: Device[] }>("/me/devices")).devices,
  });
}

export function useAddDevice() {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: DeviceInput) => api.post<{ id: string }>("/devices", body),
    onSuccess: () => void refresh(),
  });
}

export function useUpdateDevice(id: string) {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: Partial<DeviceInput>) => api.patch<Device>(`/devices/${enc(id)}`, body),
    onSuccess: () => void refresh(),
  });
}

export function useCheckOut() {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: CheckoutTarget & { deviceIds: string[] }) =>
      api.post<CheckedOut>("/devices/checkout", body),
    onSuccess: () => void refresh(),
  });
}

/** Ask a pupil and their parents to sign the device agreement; the device waits for them. */
export function useAskDeviceAgreement() {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: ({ deviceId, personId }: { deviceId: string; personId: string }) =>
      api.post<{ linksSent: number; pledgeAsked: boolean }>(`/devices/${enc(deviceId)}/ask-agreement`, {
        personId,
      }),
    onSuccess: () => void refresh(),
  });
}

type AgreementRef = { id: string; title: string };
export type DeviceSettings = {
  pupilAgreement: AgreementRef | null;
  parentAgreement: AgreementRef | null;
  choices: { pupils: AgreementRef[]; parents: AgreementRef[] };
};

export function useDeviceSettings(enabled = true) {
  return useQuery({
    queryKey: ["devices", "settings"],
    queryFn: () => api.get<DeviceSettings>("/devices/settings"),
    enabled,
  });
}

export function useSaveDeviceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { pupilAgreementId: string | null; parentAgreementId: string | null }) =>
      api.put<DeviceSettings>("/devices/settings", body),
    onSuccess: (saved) => queryClient.setQueryData(["devices", "settings"], saved),
  });
}

export function useCheckIn(id: string) {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: () => api.post<Device>(`/devices/${enc(id)}/return`),
    onSuccess: () => void refresh(),
  });
}

export function useReportDevice(id: string) {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: ReportInput) => api.post<Reported>(`/devices/${enc(id)}/report`, body),
    onSuccess: () => void refresh(),
  });
}

export function useDisposeDevice(id: string) {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: DisposeInput) => api.post<Device>(`/devices/${enc(id)}/dispose`, body),
    onSuccess: () => void refresh(),
  });
}

/** A dry run (the preview) or the import itself: all rows or none. */
export function useImportDevices() {
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("file", file);
      return api.postForm<DeviceImportReport>(withQuery("/devices/import", { dryRun }), form);
    },
    onSuccess: (report) => {
      if (report.applied) void refresh();
    },
  });
}

/** The PDF of QR labels for these devices (21 to an A4 sheet). */
export function labelsHref(ids: string[]): string {
  return withQuery("/api/v1/devices/labels.pdf", { ids: ids.join(",") });
}

/** Members of staff and governors by name (anyone may look them up to report a concern). */
export function useStaffSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["devices", "staff", term],
    queryFn: async () =>
      (
        await api.get<{ people: { id: string; name: string; jobTitle: string | null }[] }>(
          "/incidents/people",
          { q: term },
        )
      ).people.map((p): Holder => ({ id: p.id, name: p.name, detail: p.jobTitle })),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Pupils by name, and the school's classes (for staff: the photo-consent pupil search). */
export function usePupilSearch(q: string, enabled: boolean) {
  const term = q.trim();
  return useQuery({
    queryKey: ["devices", "pupils", term],
    queryFn: async () => {
      const list = await api.get<{
        pupils: { id: string; name: string; regGroup: string | null }[];
        classes: string[];
      }>("/consent/pupils", { q: term });
      return {
        pupils: list.pupils.map((p): Holder => ({ id: p.id, name: p.name, detail: p.regGroup })),
        classes: list.classes,
      };
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useLeaverChecklist(personId: string) {
  return useQuery({
    queryKey: devicesKeys.leaver(personId),
    queryFn: () => api.get<LeaverChecklist>(`/people/${enc(personId)}/leaver-checklist`),
  });
}

/** Tick an item (`done`), or take a mistaken tick back. */
export function useTickLeaverItem(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, done }: { key: string; done: boolean }) => {
      const path = `/people/${enc(personId)}/leaver-checklist/${enc(key)}`;
      return done ? api.post<LeaverChecklist>(path) : api.delete<LeaverChecklist>(path);
    },
    onSuccess: (list) => {
      queryClient.setQueryData(devicesKeys.leaver(personId), list);
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
    },
  });
}

export type LeaverSystems = { systems: { key: string; name: string }[] };

export function useLeaverSystems(enabled: boolean) {
  return useQuery({
    queryKey: ["devices", "leaver-systems"],
    queryFn: () => api.get<LeaverSystems>("/leaver-systems"),
    enabled,
  });
}

/** Add a system to every leaver's checklist, or take one off (`retire` with its key). */
export function useChangeLeaverSystems(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { add: string } | { retire: string }) =>
      "add" in change
        ? api.post<LeaverSystems>("/leaver-systems", { name: change.add })
        : api.delete<LeaverSystems>(`/leaver-systems/${enc(change.retire)}`),
    onSuccess: (list) => {
      queryClient.setQueryData(["devices", "leaver-systems"], list);
      void queryClient.invalidateQueries({ queryKey: devicesKeys.leaver(personId) });
    },
  });
}
