import { browser } from "wxt/browser";

type Changes = Record<string, { newValue?: unknown }>;

/**
 * Calls back with the changes whenever one of `keys` changes in local storage, from any page of
 * the extension; returns the unsubscribe.
 */
export function watchLocalKeys(keys: readonly string[], onChange: (changes: Changes) => void): () => void {
  const listener = (changes: Changes, area: string) => {
    if (area === "local" && keys.some((key) => key in changes)) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
