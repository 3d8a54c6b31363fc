import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api";
import { reportUnauthorized } from "./features/session/sessionEvents";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors (4xx) will not fix themselves; network blips and 5xx get one more try.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 401)) reportUnauthorized();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // Sign-in and change-password use 401 for "wrong password", not for an ended session.
        if (mutation.meta?.expectsUnauthorized) return;
        if (isApiError(error, 401)) reportUnauthorized();
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
