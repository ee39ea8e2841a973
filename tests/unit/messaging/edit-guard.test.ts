import { describe, expect, it, vi } from "vitest";
import { createEditGuard, EDIT_GUARD_PORT, type GuardPort, type HeldEdit } from "@/lib/messaging/edit-guard";

const ID = "abcdefghijklmnop";
const ROOT = `chrome-extension://${ID}/`;

function fakePort(sender: GuardPort["sender"], name = EDIT_GUARD_PORT) {
  let onMessage: (message: unknown) => void = () => {};
  let onDisconnect: () => void = () => {};
  const port: GuardPort = {
    name,
    sender,
    onMessage: {
      addListener: (listener) => {
        onMessage = listener;
      },
    },
    onDisconnect: {
      addListener: (listener) => {
        onDisconnect = listener;
      },
    },
  };
  return { port, send: (message: unknown) => onMessage(message), close: () => onDisconnect() };
}

const edit = (id: string, text: string): HeldEdit => ({
  id,
  target: { kind: "notes", meetingId: "m1" },
  text,
  bases: [""],
  editedAt: 1,
});

function guard() {
  const onLeftBehind = vi.fn<(edits: HeldEdit[]) => void>();
  return { onLeftBehind, guard: createEditGuard({ extensionId: ID, extensionRoot: ROOT, onLeftBehind }) };
}

describe("the edit guard", () => {
  it("hands over the latest text of each field a page still held when its line ended", () => {
    const { guard: g, onLeftBehind } = guard();
    const page = fakePort({ id: ID, url: `${ROOT}sidebar.html#f` });
    expect(g.accept(page.port)).toBe(true);
    page.send({ type: "hold", edit: edit("notes", "Agreed") });
    page.send({ type: "hold", edit: edit("notes", "Agreed: ship Friday") });
    page.send({ type: "hold", edit: edit("answer", "She wants the API work") });
    page.send({ type: "hold", edit: edit("plan", "Lead the review") });
    page.send({ type: "release", id: "plan" });
    page.close();
    expect(onLeftBehind).toHaveBeenCalledOnce();
    expect(onLeftBehind.mock.calls[0]?.[0].map((e) => e.text)).toEqual([
      "Agreed: ship Friday",
      "She wants the API work",
    ]);
  });

  it("hands over what a closed tab's pages hold at once, not when their lines end; an end hands over only what came after", () => {
    const { guard: g, onLeftBehind } = guard();
    const closing = fakePort({ id: ID, url: `${ROOT}sidebar.html#f`, tab: { id: 7 } });
    const other = fakePort({ id: ID, url: `${ROOT}sidebar.html#g`, tab: { id: 8 } });
    g.accept(closing.port);
    g.accept(other.port);
    closing.send({ type: "hold", edit: edit("notes", "Agreed: ship Friday") });
    other.send({ type: "hold", edit: edit("notes", "In the other tab") });
    g.tabClosed(7);
    expect(onLeftBehind.mock.calls.map((c) => c[0].map((e) => e.text))).toEqual([["Agreed: ship Friday"]]);
    closing.close();
    expect(onLeftBehind).toHaveBeenCalledOnce();

    // A line that still brought more after its tab closed hands that over when it ends.
    const late = fakePort({ id: ID, url: `${ROOT}sidebar.html#h`, tab: { id: 9 } });
    g.accept(late.port);
    late.send({ type: "hold", edit: edit("notes", "Agreed") });
    g.tabClosed(9);
    late.send({ type: "hold", edit: edit("notes", "Agreed: ship it") });
    late.close();
    expect(onLeftBehind.mock.calls.slice(1).map((c) => c[0].map((e) => e.text))).toEqual([
      ["Agreed"],
      ["Agreed: ship it"],
    ]);
  });

  it("reports nothing for a page that wrote everything", () => {
    const { guard: g, onLeftBehind } = guard();
    const page = fakePort({ id: ID, url: `${ROOT}popup.html` });
    g.accept(page.port);
    page.send({ type: "hold", edit: edit("notes", "Agreed") });
    page.send({ type: "release", id: "notes" });
    page.close();
    expect(onLeftBehind).not.toHaveBeenCalled();
  });

  it("takes lines only from the extension's own pages, and only messages of its shape", () => {
    const { guard: g, onLeftBehind } = guard();
    expect(g.accept(fakePort({ id: ID, url: "https://calendar.google.com/calendar/r" }).port)).toBe(false);
    expect(g.accept(fakePort({ id: "someone-else", url: `${ROOT}sidebar.html` }).port)).toBe(false);
    expect(g.accept(fakePort({ id: ID, url: `${ROOT}sidebar.html` }, "other").port)).toBe(false);
    expect(g.accept(fakePort(undefined).port)).toBe(false);
    const page = fakePort({ id: ID, url: `${ROOT}sidebar.html` });
    g.accept(page.port);
    page.send({ type: "hold", edit: { ...edit("notes", "x"), text: 5 } });
    page.send({ type: "hold", edit: { ...edit("notes", "x"), bases: ["a", "b", "c", "d", "e"] } });
    page.send("hold");
    page.close();
    expect(onLeftBehind).not.toHaveBeenCalled();
  });
});
