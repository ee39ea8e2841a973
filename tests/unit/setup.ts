import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYAML } from "confbox";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { beforeAll, beforeEach } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";

/** The English messages under the names `browser.i18n` knows them by (`group_key`). */
function englishMessages(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const name = prefix ? `${prefix}_${key}` : key;
      if (typeof inner === "string") out.set(name, inner);
      else walk(inner, name);
    }
  };
  walk(parseYAML(readFileSync(join(__dirname, "../../locales/en.yml"), "utf8")), "");
  return out;
}
const english = englishMessages();

/** The fake browser has no `i18n`; this one answers as an English browser would. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = typeof substitutions === "string" ? [substitutions] : (substitutions ?? []);
  return (english.get(name) ?? "").replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === "$" ? "$" : (subs[Number(which) - 1] ?? ""),
  );
}

// Test files share their worker's modules (vitest.config.ts), not their databases: each file
// starts with an empty IndexedDB.
beforeAll(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => "en-US";
});
