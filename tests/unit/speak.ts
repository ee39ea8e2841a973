import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYAML } from "confbox";
import { vi } from "vitest";
import { loadLanguage } from "@/components/i18n";
import { type Language, setLanguage } from "@/lib/settings";

const LOCALES_DIR = join(__dirname, "../../locales");

/**
 * A language's messages as the build writes them into `_locales/<language>/messages.json`: a
 * plural's forms ("0", "1", "n") joined into one message, "zero | one | other".
 */
export function messagesFile(language: Language) {
  const out: Record<string, { message: string }> = {};
  const walk = (value: unknown, prefix: string) => {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const path = prefix ? `${prefix}_${key}` : key;
      const forms = typeof inner === "object" && inner !== null ? Object.keys(inner) : [];
      if (typeof inner === "string") out[path] = { message: inner };
      else if (forms.includes("n") && forms.every((f) => ["0", "1", "n"].includes(f)))
        out[path] = { message: Object.values(inner as Record<string, string>).join(" | ") };
      else walk(inner, path);
    }
  };
  walk(parseYAML(readFileSync(join(LOCALES_DIR, `${language}.yml`), "utf8")), "");
  return out;
}

/**
 * Makes `t()` speak a language as the pages do once the manager picked it: its messages file
 * served, English beneath. Needs a DOM environment and `wxt/testing`'s fake browser.
 */
export async function speak(language: Language): Promise<void> {
  const files: Record<string, unknown> = { [language]: messagesFile(language), en: messagesFile("en") };
  // A spy, not a stubbed global: undoing stubbed globals would also undo the fake browser's.
  vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
    const asked = /\/_locales\/(\w+)\/messages\.json$/.exec(String(url))?.[1] ?? "";
    if (!(asked in files)) return new Response("", { status: 404 });
    return new Response(JSON.stringify(files[asked]));
  });
  await setLanguage(language);
  await loadLanguage();
}

/**
 * Back to the browser's words with no messages file to read. Test files share their worker's
 * modules, so a language left loaded would speak in the next file's tests.
 */
export async function speakAsBefore(): Promise<void> {
  const fetchSpy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async () => new Response("", { status: 404 }));
  await setLanguage(undefined);
  await loadLanguage();
  fetchSpy.mockRestore();
}
