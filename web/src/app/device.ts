import type { StoredMls } from "../mls/mls";
import type { Shelf, Verification } from "./verification";

/**
 * This browser's device, kept in IndexedDB so that a reload keeps its scenes: its id at the
 * server, its MLS state (private keys included) and the ids of the scene messages it has handled,
 * in one record written at once so that neither runs ahead of the other. Logging out deletes it.
 */
export interface DeviceRecord {
  username: string;
  deviceId: string;
  mls: StoredMls;
  seen: string[];
}

const DATABASE = "notes";
/** The database's stores and their keys; a store added later comes with the next version. */
const STORES: Record<string, string | string[]> = { device: "username", verified: ["mine", "partner"] };
const VERSION = 2;

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      for (const [name, keyPath] of Object.entries(STORES)) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, { keyPath });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(name: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      const request = work(transaction.objectStore(name));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/** The device of this account in this browser, if it has one. */
export function loadDevice(username: string): Promise<DeviceRecord | undefined> {
  return transact("device", "readonly", (store) => store.get(username) as IDBRequest<DeviceRecord | undefined>);
}

export async function saveDevice(record: DeviceRecord): Promise<void> {
  await transact("device", "readwrite", (store) => store.put(record));
}

/**
 * The safety numbers this browser's personas verified, one record per own persona and partner
 * (see verification.ts). Not secret, but they say who one talks to, so they live and go with the
 * device: kept when the page is hidden, deleted on logout.
 */
export const verifiedShelf = {
  all: () => transact("verified", "readonly", (store) => store.getAll() as IDBRequest<Verification[]>),
  put: async (record: Verification) => { await transact("verified", "readwrite", (store) => store.put(record)); },
  remove: async (mine: string, partner: string) => { await transact("verified", "readwrite", (store) => store.delete([mine, partner])); },
} satisfies Shelf;

/** Deletes every device record in this browser, and the verified safety numbers: on logout, nothing of the scenes stays behind. */
export function wipeDevices(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
