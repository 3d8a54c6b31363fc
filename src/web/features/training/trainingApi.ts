import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import { homeQueryKey } from "../home/homeApi";
import type {
  AttendanceMatchView,
  Certificate,
  CourseInput,
  CoursePatch,
  CourseView,
  MatrixView,
  PersonTrainingView,
  Recorded,
  StaffMember,
  TrainingImportView,
  TrainingStatus,
} from "./types";

const enc = encodeURIComponent;

export const trainingKeys = {
  all: ["training"] as const,
  courses: (all: boolean) => ["training", "courses", all] as const,
  mine: () => ["training", "mine"] as const,
  person: (id: string) => ["training", "person", id] as const,
  matrix: (filters: MatrixFilters) => ["training", "matrix", filters] as const,
  staff: () => ["training", "staff"] as const,
};

export interface MatrixFilters {
  course: string;
  status: TrainingStatus | "";
  department: string;
}

/** Anything recorded changes someone's training, the matrix and the home page. */
function useRefreshTraining() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
      queryClient.invalidateQueries({ queryKey: homeQueryKey }),
    ]);
}

export function useCourses(all = false) {
  return useQuery({
    queryKey: trainingKeys.courses(all),
    queryFn: async () => (await api.get<{ courses: CourseView[] }>("/training/courses", { all })).courses,
  });
}

export function useMyTraining() {
  return useQuery({
    queryKey: trainingKeys.mine(),
    queryFn: () => api.get<PersonTrainingView>("/me/training"),
  });
}

export function usePersonTraining(personId: string, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.person(personId),
    queryFn: () => api.get<PersonTrainingView>(`/people/${enc(personId)}/training`),
    enabled,
    retry: false,
  });
}

const matrixParams = (f: MatrixFilters) => ({ course: f.course, status: f.status, department: f.department });

export function useTrainingMatrix(filters: MatrixFilters) {
  return useQuery({
    queryKey: trainingKeys.matrix(filters),
    queryFn: () => api.get<MatrixView>("/compliance/training", matrixParams(filters)),
    placeholderData: keepPreviousData,
  });
}

export function matrixCsvHref(filters: MatrixFilters): string {
  return withQuery("/api/v1/compliance/training", { format: "csv", ...matrixParams(filters) });
}

export function certificateHref(id: string): string {
  return `/api/v1/training/certificates/${enc(id)}`;
}

export function useStaffList(enabled = true) {
  return useQuery({
    queryKey: trainingKeys.staff(),
    queryFn: async () => (await api.get<{ people: StaffMember[] }>("/training/staff")).people,
    enabled,
  });
}

export function useRecordCompletions() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: {
      courseKey: string;
      completedOn: string;
      personIds: string[];
      certificateId?: string;
    }) => api.post<Recorded>("/training/completions", body),
    onSuccess: () => void refresh(),
  });
}

/** One's own completion with its certificate: the file first, then the record pointing at it. */
export function useRecordOwn() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: async (input: {
      courseKey: string;
      completedOn: string;
      personId: string;
      file: File | null;
    }) => {
      let certificateId: string | undefined;
      if (input.file) {
        const form = new FormData();
        form.append("file", input.file);
        certificateId = (await api.postForm<Certificate>("/training/certificates", form)).id;
      }
      return api.post<Recorded>("/training/completions", {
        courseKey: input.courseKey,
        completedOn: input.completedOn,
        personIds: [input.personId],
        certificateId,
      });
    },
    onSuccess: () => void refresh(),
  });
}

export function useWithdrawCompletion() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<void>(`/training/completions/${enc(id)}/withdraw`, { reason }),
    onSuccess: () => void refresh(),
  });
}

export function useMatchAttendance() {
  return useMutation({
    mutationFn: (text: string) => api.post<AttendanceMatchView>("/training/attendance/match", { text }),
  });
}

/** A dry run (the preview) or the import itself: all rows or none. */
export function useImportTraining() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("file", file);
      return api.postForm<TrainingImportView>(withQuery("/training/import", { dryRun }), form);
    },
    onSuccess: (report) => {
      if (report.applied) void refresh();
    },
  });
}

export function useCreateCourse() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: (body: CourseInput) => api.post<CourseView>("/training/courses", body),
    onSuccess: () => void refresh(),
  });
}

export function useUpdateCourse() {
  const refresh = useRefreshTraining();
  return useMutation({
    mutationFn: ({ key, patch }: { key: string; patch: CoursePatch }) =>
      api.patch<CourseView>(`/training/courses/${enc(key)}`, patch),
    onSuccess: () => void refresh(),
  });
}
