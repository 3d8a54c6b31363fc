import { useCallback, useEffect, useRef, useState } from "react";
import { sendWaiting } from "./signingQueueApi";
import { forgetSigning, keepSigning, type QueuedSigning, waitingSignings } from "./store";

/** How often a device with something waiting tries again, besides the browser's online event. */
const RETRY_MS = 15_000;

export interface SigningQueue {
  /** What is waiting, oldest first: when each was kept and its tag (never the details). */
  waiting: { queuedAt: number; tag?: string }[];
  /** Sent since something was last kept: the screen says they have gone. */
  sent: number;
  /** Refused by the school when sent (the kiosk closed, the session over). */
  refused: number;
  /** Keep a signature that could not be sent; rejects with QueueFullError when the queue is full. */
  keep: (signing: QueuedSigning) => Promise<void>;
}

/**
 * The device's queue of signatures waiting for the network (store.ts), sent in order when the
 * browser says it is online again and every RETRY_MS while anything waits. Used by the reception
 * kiosk and the class device alike; the next person can sign while earlier ones wait.
 */
export function useSigningQueue(onSent?: () => void): SigningQueue {
  const [waiting, setWaiting] = useState<SigningQueue["waiting"]>([]);
  const [sent, setSent] = useState(0);
  const [refused, setRefused] = useState(0);
  const sending = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const refresh = useCallback(async () => {
    const all = await waitingSignings();
    setWaiting(all.map((w) => ({ queuedAt: w.queuedAt, tag: w.signing.tag })));
    return all;
  }, []);

  const sendAll = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    let gone = 0;
    try {
      // In order: the oldest first, and stop at the first that cannot go yet.
      for (const entry of await refresh()) {
        const outcome = await sendWaiting(entry.signing);
        if (outcome === "offline") break;
        await forgetSigning(entry.id);
        if (outcome === "sent") setSent((n) => n + 1);
        else setRefused((n) => n + 1);
        gone++;
      }
    } finally {
      sending.current = false;
      await refresh();
      if (gone > 0) onSentRef.current?.();
    }
  }, [refresh]);

  const keep = useCallback(
    async (signing: QueuedSigning) => {
      await keepSigning(signing);
      setSent(0);
      setRefused(0);
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    sendAll().catch(() => {});
    const again = () => void sendAll().catch(() => {});
    window.addEventListener("online", again);
    return () => window.removeEventListener("online", again);
  }, [sendAll]);

  const anyWaiting = waiting.length > 0;
  useEffect(() => {
    if (!anyWaiting) return;
    const timer = window.setInterval(() => void sendAll().catch(() => {}), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [anyWaiting, sendAll]);

  return { waiting, sent, refused, keep };
}
