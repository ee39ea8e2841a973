import "@/components/zod-jitless";
import { browser } from "wxt/browser";
import { prepDatabase } from "@/lib/db";
import { makeAutoBackup } from "@/lib/export";
import { type OffscreenResponse, offscreenRequestSchema } from "@/lib/messaging";

/**
 * Chrome's background worker has no DOM, so no blob URL for downloads to save. This hidden page
 * exists only while an automatic backup is being saved: it writes the backup from the database
 * and hands the worker a blob URL, released once the file is written.
 */
browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own worker: not a page, not a tab.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const parsed = offscreenRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  if (request.type === "backup:release") {
    if (request.url.startsWith("blob:")) URL.revokeObjectURL(request.url);
    sendResponse({ ok: true, url: request.url, bytes: 0 } satisfies OffscreenResponse);
    return undefined;
  }
  makeAutoBackup(prepDatabase(), request).then(
    ({ blob, bytes }) =>
      sendResponse({ ok: true, url: URL.createObjectURL(blob), bytes } satisfies OffscreenResponse),
    (error: unknown) =>
      sendResponse({
        ok: false,
        error: (error instanceof Error && error.message
          ? error.message
          : "the backup could not be written"
        ).slice(0, 300),
      } satisfies OffscreenResponse),
  );
  return true;
});
