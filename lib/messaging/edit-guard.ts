import { z } from "zod/mini";

/**
 * A text field's page holds a line open to the background and hands it every edit not yet
 * written. A page can go (its tab closed, its frame removed) before its own write lands, and a
 * browser may drop a write a dying page started; the line's end is reported even then, so the
 * background puts down what the page still held.
 */
export const EDIT_GUARD_PORT = "edit-guard";

const heldEdit = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  // The database checks the edit in full before putting it down; here only its shape matters.
  target: z.record(z.string(), z.unknown()),
  text: z.string().check(z.maxLength(200_000)),
  bases: z.array(z.string().check(z.maxLength(200_000))).check(z.maxLength(4)),
  editedAt: z.number(),
});
export type HeldEdit = z.infer<typeof heldEdit>;

export const editGuardMessageSchema = z.discriminatedUnion("type", [
  /** the field's latest text, typed over these stored texts; replaces what it held before */
  z.object({ type: z.literal("hold"), edit: heldEdit }),
  /** the field wrote everything it had */
  z.object({ type: z.literal("release"), id: z.string().check(z.maxLength(64)) }),
]);
export type EditGuardMessage = z.infer<typeof editGuardMessageSchema>;

/** The parts of `runtime.Port` the guard uses. */
export interface GuardPort {
  name: string;
  sender?: { id?: string; url?: string; tab?: { id?: number } };
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface EditGuardOptions {
  extensionId: string;
  /** e.g. chrome-extension://<id>/ : only our own pages may hand edits over */
  extensionRoot: string;
  /** A page went away holding these edits. */
  onLeftBehind: (edits: HeldEdit[]) => void;
}

/** The background's end: one per browser, taking every line a page opens. */
export function createEditGuard(options: EditGuardOptions) {
  interface Line {
    held: Map<string, HeldEdit>;
    /** something was held or released since the last hand-over */
    changed: boolean;
  }
  /** The open lines, by the tab their page is in. */
  const linesInTabs = new Map<number, Set<Line>>();
  const handOver = (line: Line) => {
    if (line.changed && line.held.size > 0) options.onLeftBehind([...line.held.values()]);
    line.changed = false;
  };
  return {
    /** Returns whether the port was taken. */
    accept(port: GuardPort): boolean {
      if (port.name !== EDIT_GUARD_PORT) return false;
      const sender = port.sender;
      if (sender?.id !== options.extensionId || !sender.url?.startsWith(options.extensionRoot)) return false;
      const line: Line = { held: new Map(), changed: false };
      const tabId = sender.tab?.id;
      if (tabId !== undefined) linesInTabs.set(tabId, (linesInTabs.get(tabId) ?? new Set()).add(line));
      port.onMessage.addListener((raw) => {
        const message = editGuardMessageSchema.safeParse(raw);
        if (!message.success) return;
        if (message.data.type === "hold") line.held.set(message.data.edit.id, message.data.edit);
        else line.held.delete(message.data.id);
        line.changed = true;
      });
      port.onDisconnect.addListener(() => {
        const lines = tabId === undefined ? undefined : linesInTabs.get(tabId);
        lines?.delete(line);
        if (tabId !== undefined && lines?.size === 0) linesInTabs.delete(tabId);
        handOver(line);
        line.held.clear();
      });
      return true;
    },

    /**
     * The tab is gone, and every page in it: what their lines hold is put down now, so nothing
     * waits on when the browser gets round to ending a closed tab's lines (the manager may open
     * the 1:1 again meanwhile). Should anything still arrive on such a line, its end hands that
     * over too.
     */
    tabClosed(tabId: number) {
      for (const line of linesInTabs.get(tabId) ?? []) handOver(line);
    },
  };
}
