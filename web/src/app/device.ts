import type { StoredMls } from "../mls/mls";

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
const STORE = "device";

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "username" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
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
  return transact("readonly", (store) => store.get(username) as IDBRequest<DeviceRecord | undefined>);
}

export async function saveDevice(record: DeviceRecord): Promise<void> {
  await transact("readwrite", (store) => store.put(record));
}

/** Deletes every device record in this browser: on logout, nothing of the scenes stays behind. */
export function wipeDevices(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
