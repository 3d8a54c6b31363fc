import { useLocation } from "react-router";

// Messages carried to the next page in router state, as i18n keys under "flash.".
export type FlashKey = "schoolCreated" | "sessionEnded" | "passwordSet" | "passwordChanged" | "passwordReset";

export interface RouteState {
  flash?: FlashKey;
  from?: string;
}

export function useRouteState(): RouteState {
  const location = useLocation();
  return (location.state ?? {}) as RouteState;
}
