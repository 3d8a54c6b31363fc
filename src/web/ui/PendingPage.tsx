import { useEffect, useState } from "react";
import { SectionLoader } from "./SectionLoader";

// Most page chunks arrive within a few hundred milliseconds; a spinner that blinks on and off in that
// time reads as a glitch, so nothing is shown until the wait is long enough to be noticed.
const quietMs = 300;

/** Shown inside the app shell while a page's chunk is still on its way. */
export function PendingPage() {
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedLong(true), quietMs);
    return () => clearTimeout(timer);
  }, []);
  return waitedLong ? <SectionLoader /> : null;
}
