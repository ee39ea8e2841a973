import { browser } from "wxt/browser";
import type { UnsavedEdit } from "@/lib/db";
import { EDIT_GUARD_PORT, type EditGuardMessage } from "@/lib/messaging/edit-guard";

interface Line {
  postMessage(message: EditGuardMessage): void;
}

const held = new Map<string, UnsavedEdit>();
let keptInThisPage = false;

/**
 * For a page on a database of its own (the sample week): the background, which writes a closed
 * page's last edits into the manager's database, must never be handed one of its edits.
 */
export function keepEditsInThisPage() {
  keptInThisPage = true;
}
let line: Line | undefined;
/** A line that ends this soon after opening was refused, not put to sleep: wait for the next edit. */
const REFUSED_WITHIN_MS = 1000;

function post(message: EditGuardMessage) {
  if (!line) open();
  try {
    line?.postMessage(message);
  } catch {
    // The background went away between two keystrokes: open again, handing over all that's held.
    line = undefined;
    open();
  }
}

function open() {
  try {
    const port = browser.runtime.connect({ name: EDIT_GUARD_PORT });
    const openedAt = Date.now();
    line = port;
    // A worker the browser put to sleep ends the line: hand what is held to the next one at once,
    // so a page that then closes without typing again still leaves nothing behind.
    port.onDisconnect.addListener(() => {
      if (line === port) line = undefined;
      if (held.size > 0 && Date.now() - openedAt > REFUSED_WITHIN_MS) open();
    });
    for (const edit of held.values()) port.postMessage({ type: "hold", edit });
  } catch {
    line = undefined;
  }
}

/**
 * Hands a field's latest unwritten text to the background as it is typed, so that it is put down
 * even when this page is gone before its own write lands.
 */
export function holdEdit(edit: UnsavedEdit) {
  if (keptInThisPage) return;
  held.set(edit.id, edit);
  post({ type: "hold", edit });
}

/** The field's text is written: nothing of it needs keeping. */
export function releaseEdit(id: string) {
  if (!held.delete(id)) return;
  post({ type: "release", id });
}
