/** How safe the database is from the browser's own clean-up, as the Options page shows it. */
export interface StorageState {
  /** the browser promised never to evict the extension's storage under pressure */
  protected: boolean;
  /** bytes in use, when the browser says */
  usage?: number;
}

/**
 * Asks the browser to keep the extension's storage when disk runs low. With unlimitedStorage the
 * browsers grant it without a prompt; it is asked on every page load, as a promise may be dropped
 * (a profile reset, a browser that changed its mind).
 */
export async function protectStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted?.().catch(() => false)) return true;
  return storage.persist().catch(() => false);
}

export async function storageState(): Promise<StorageState> {
  const storage = globalThis.navigator?.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted?.().catch(() => false) ?? false,
    storage?.estimate?.().catch(() => undefined),
  ]);
  return { protected: persisted, ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}) };
}
