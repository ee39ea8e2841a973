import { browser } from "wxt/browser";
import type { PrepDatabase } from "@/lib/db";
import { type OffscreenRequest, offscreenResponseSchema } from "@/lib/messaging";
import { Problem } from "@/lib/problem";
import { readBackupSettings } from "@/lib/settings";
import { type BackupDownloads, makeAutoBackup } from "./auto-backup";

/** Chrome's offscreen API, which the polyfill's types don't know. */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const WRITE_TIMEOUT_MS = 5 * 60_000;

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

/** A blob URL of the backup, and how to let it go once the download is written. */
async function backupBlob(
  db: PrepDatabase,
  request: Omit<Extract<OffscreenRequest, { type: "backup:make" }>, "type">,
): Promise<{ url: string; bytes: number; release: () => Promise<void> }> {
  // Firefox's background page has a DOM of its own.
  if (typeof document !== "undefined" && typeof URL.createObjectURL === "function") {
    const { blob, bytes } = await makeAutoBackup(db, request);
    const url = URL.createObjectURL(blob);
    return { url, bytes, release: async () => URL.revokeObjectURL(url) };
  }
  const offscreen = offscreenApi();
  if (!offscreen)
    throw new Problem("this browser can't save files from the background", "backupNoBackground");
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({
      url: browser.runtime.getURL("/offscreen.html"),
      reasons: ["BLOBS"],
      justification: "Writes the automatic backup the manager turned on, as a file for downloads.",
    });
  }
  const answer = offscreenResponseSchema.safeParse(
    await browser.runtime.sendMessage({ type: "backup:make", ...request } satisfies OffscreenRequest),
  );
  if (!answer.success) throw new Problem("the backup could not be written", "backupNotWritten");
  if (!answer.data.ok) throw new Error(answer.data.error);
  const { url, bytes } = answer.data;
  return {
    url,
    bytes,
    release: async () => {
      await browser.runtime
        .sendMessage({ type: "backup:release", url } satisfies OffscreenRequest)
        .catch(() => {});
      await offscreen.closeDocument().catch(() => {});
    },
  };
}

/** Resolves once the download is written; rejects when the browser gives up on it. */
function written(downloadId: number): Promise<void> {
  const interrupted = new Problem("the download was interrupted", "downloadInterrupted");
  const tooSlow = new Problem("saving the file took too long", "downloadTooSlow");
  return new Promise((resolve, reject) => {
    // The browser's own reasons ("FILE_NO_SPACE") are passed on as it gave them.
    const done = (error?: string | Problem) => {
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(listener);
      if (error) reject(typeof error === "string" ? new Error(error) : error);
      else resolve();
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== downloadId) return;
      if (delta.state?.current === "complete") done();
      else if (delta.state?.current === "interrupted") done(delta.error?.current ?? interrupted);
    };
    const timer = setTimeout(() => done(tooSlow), WRITE_TIMEOUT_MS);
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was there.
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === "complete") done();
      else if (item?.state === "interrupted") done(item.error ?? interrupted);
    });
  });
}

/** Files in the manager's Downloads folder, through the optional downloads permission. */
export function browserBackupDownloads(db: PrepDatabase): BackupDownloads {
  return {
    async save(file, now, keep) {
      if (!browser.downloads)
        throw new Problem(
          "1:1 Prep may not save files; turn automatic backups on again in Options",
          "backupNotAllowed",
        );
      const settings = await readBackupSettings();
      const blob = await backupBlob(db, { file, now, keep, settings });
      try {
        const downloadId = await browser.downloads.download({
          url: blob.url,
          filename: file,
          conflictAction: "uniquify",
          saveAs: false,
        });
        await written(downloadId);
        return { downloadId, bytes: blob.bytes };
      } finally {
        await blob.release();
      }
    },
    async remove(downloadId) {
      await browser.downloads?.removeFile(downloadId).catch(() => {});
      await browser.downloads?.erase({ id: downloadId }).catch(() => {});
    },
  };
}
