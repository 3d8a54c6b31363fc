// One place for talking to the Accord API: same-origin cookies, JSON in and out, and
// RFC 9457 problem+json turned into an ApiError that forms and alerts can read.

export interface ProblemFieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): ProblemFieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || "Request failed", status: response.status };
  const text = await response.text().catch(() => "");
  if (!text) return fallback;
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? response.status };
  } catch {
    return fallback;
  }
}

/** Extra request headers, e.g. a public kiosk's `x-kiosk-token` (it has no session cookie). */
export type RequestHeaders = Record<string, string>;

async function request<T>(method: Method, path: string, body?: unknown, extra?: RequestHeaders): Promise<T> {
  const headers: Record<string, string> = { ...extra, Accept: "application/json, application/problem+json" };
  // The server writes its messages (problems, field errors) in the language this screen shows.
  const language = typeof document === "undefined" ? "" : document.documentElement.lang;
  if (language) headers["Accept-Language"] = language;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    // A file upload: the browser writes the multipart Content-Type, boundary included.
    payload = body;
  } else if (method !== "GET") {
    // Mutations always send a JSON body so the Content-Type header is honest.
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, credentials: "same-origin", headers, body: payload });
  } catch {
    throw new ApiError({ title: "Network error", status: 0 });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams, headers?: RequestHeaders) =>
    request<T>("GET", params ? withQuery(path, params) : path, undefined, headers),
  post: <T>(path: string, body?: unknown, headers?: RequestHeaders) =>
    request<T>("POST", path, body, headers),
  /** POST multipart/form-data, e.g. a file from a file input. */
  postForm: <T>(path: string, form: FormData) => request<T>("POST", path, form),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};
