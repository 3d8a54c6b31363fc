/**
 * Signatures a shared device (reception kiosk, class device) could not send because the network
 * was down, kept in this browser's IndexedDB until they are sent (decision 039), oldest first.
 *
 * Each is encrypted at rest with AES-GCM under a CryptoKey made here as non-extractable and kept
 * in IndexedDB itself: the browser can use the key but no script, extension or file copy can read
 * its bytes out. What this protects against: someone reading the browser's profile files (a
 * tablet's storage copied, a backup, a disk sent away for repair) finds no names, answers or
 * drawn signatures in them, and an entry copied to another browser cannot be decrypted. What it
 * does not: anyone who can run script on this origin in this browser (the app itself, an XSS, a
 * person with the unlocked tablet and the developer tools) can ask the browser to decrypt with the
 * key, exactly as the app does. The protection is for data at rest, not against this origin.
 * Entries are deleted as soon as they are sent (or refused by the school), and the queue holds at
 * most MAX_WAITING, so a device left offline cannot gather an unbounded record of people.
 */

/** A class of thirty and a busy reception both fit; beyond it the device asks people to wait. */
export const MAX_WAITING = 40;

/** A request to send later: where, with which headers (a kiosk's token), and what. */
export interface QueuedSigning {
  path: string;
  headers?: Record<string, string>;
  body: unknown;
  /** What the screen may know of it without the details: the pupil it is for, say. */
  tag?: string;
}

export interface WaitingSigning {
  id: number;
  queuedAt: number;
  signing: QueuedSigning;
}

interface StoredSigning {
  id?: number;
  queuedAt: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export class QueueFullError extends Error {
  constructor() {
    super("The signing queue is full");
    this.name = "QueueFullError";
  }
}

const DB_NAME = "accord-signing-queue";
const KEYS = "keys";
const WAITING = "waiting";
const DEVICE_KEY = "device";

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let opened: Promise<IDBDatabase> | null = null;
function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(KEYS);
      request.result.createObjectStore(WAITING, { keyPath: "id", autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opened = null;
      reject(request.error);
    };
  });
  return opened;
}

async function store(name: string, mode: IDBTransactionMode) {
  return (await database()).transaction(name, mode).objectStore(name);
}

let deviceKey: Promise<CryptoKey> | null = null;
/** The device's key: made once, non-extractable, kept in IndexedDB (a CryptoKey is stored as itself). */
function key(): Promise<CryptoKey> {
  deviceKey ??= (async () => {
    const existing = (await done((await store(KEYS, "readonly")).get(DEVICE_KEY))) as CryptoKey | undefined;
    if (existing) return existing;
    const made = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
      "encrypt",
      "decrypt",
    ]);
    await done((await store(KEYS, "readwrite")).put(made, DEVICE_KEY));
    return made;
  })().catch((error) => {
    deviceKey = null;
    throw error;
  });
  return deviceKey;
}

export async function countWaiting(): Promise<number> {
  return done((await store(WAITING, "readonly")).count());
}

/** Keep a signature to send later; refused with QueueFullError once MAX_WAITING are waiting. */
export async function keepSigning(signing: QueuedSigning): Promise<void> {
  if ((await countWaiting()) >= MAX_WAITING) throw new QueueFullError();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(signing));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await key(), plain);
  const entry: StoredSigning = { queuedAt: Date.now(), iv, data };
  await done((await store(WAITING, "readwrite")).add(entry));
}

/** Every waiting signature, oldest first, decrypted for sending. */
export async function waitingSignings(): Promise<WaitingSigning[]> {
  const rows = (await done((await store(WAITING, "readonly")).getAll())) as StoredSigning[];
  if (rows.length === 0) return [];
  const k = await key();
  const out: WaitingSigning[] = [];
  for (const row of rows) {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: row.iv }, k, row.data);
    out.push({ id: row.id!, queuedAt: row.queuedAt, signing: JSON.parse(new TextDecoder().decode(plain)) });
  }
  return out;
}

/** Sent (or refused by the school): nothing of it stays on the device. */
export async function forgetSigning(id: number): Promise<void> {
  await done((await store(WAITING, "readwrite")).delete(id));
}
