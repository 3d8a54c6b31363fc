import { useEffect, useRef } from "react";

const activity = ["pointerdown", "keydown", "input", "wheel", "touchstart"] as const;

/**
 * Calls onIdle once nobody has touched, clicked or typed for `ms` milliseconds while `active`.
 * Used by shared devices (reception kiosk, class signing) to wipe what the last person entered.
 */
export function useIdleTimeout(active: boolean, ms: number, onIdle: () => void) {
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => callback.current(), ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), ms);
    };
    for (const type of activity) window.addEventListener(type, reset, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, reset, { capture: true });
    };
  }, [active, ms]);
}
