import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  createMessageRouter,
  isTabMessage,
  newFrameToken,
  type PrepEvent,
  type Sender,
  tabMessageSchema,
} from "@/lib/messaging";

const ID = "abcdefghijklmnopabcdefghijklmnop";
const SIDEBAR = `chrome-extension://${ID}/sidebar.html`;
const DETECTOR = `chrome-extension://${ID}/detector.html`;
const calendarTab: Sender = {
  id: ID,
  url: "https://calendar.google.com/calendar/u/0/r/week",
  tab: { id: 7 },
};
const sidebarIn = (tabId: number, frame: string): Sender => ({
  id: ID,
  url: `${SIDEBAR}#${frame}`,
  tab: { id: tabId },
});

/** What the content script hands the frame it mounted, and nobody else. */
const KEY = newFrameToken();

const event: PrepEvent = {
  eventInstanceId: "abc_20261013T160000Z",
  seriesId: "abc",
  title: "1:1 Priya / Sam",
  startsAt: 1,
  recurring: true,
  counterpart: { email: "priya@example.com", displayName: "Priya Raman" },
  detected: true,
  reason: "Title says 1:1",
};

function router(extra: Partial<Parameters<typeof createMessageRouter>[0]> = {}) {
  return createMessageRouter({
    extensionId: ID,
    sidebarUrl: SIDEBAR,
    detectorUrl: DETECTOR,
    calendarOrigin: "https://calendar.google.com",
    contextWaitMs: 50,
    ...extra,
  });
}

describe("message router", () => {
  it("gives the event only to a frame that asks with the key it was handed; a wrong key takes nothing", async () => {
    const r = router();
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    const guessed = { type: "prep:context", frame, key: newFrameToken() };
    expect(await r.handle(guessed, { ...sidebarIn(7, frame), documentId: "page-copy" })).toMatchObject({
      ok: false,
    });
    expect(await r.handle(guessed, sidebarIn(7, frame))).toMatchObject({ ok: false });
    expect(await r.handle({ type: "prep:context", frame }, sidebarIn(7, frame))).toBeUndefined();
    expect(
      await r.handle(
        { type: "prep:context", frame, key: KEY },
        { ...sidebarIn(7, frame), documentId: "ours" },
      ),
    ).toEqual({ ok: true, event });
  });

  it("gives a sidebar frame the event its content script announced, in the same tab only", async () => {
    const r = router();
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(7, frame))).toEqual({
      ok: true,
      event,
    });
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(8, frame))).toMatchObject({
      ok: false,
    });
  });

  it("opens a detector frame's channel for the key its content script gave, once, in that tab only", async () => {
    const r = router();
    const frame = newFrameToken();
    const detectorIn = (tabId: number): Sender => ({
      id: ID,
      url: `${DETECTOR}#${frame}`,
      tab: { id: tabId },
    });
    await r.handle({ type: "detector:open", frame, key: KEY }, calendarTab);
    // Announcing again can't swap in a key the page would know.
    await r.handle({ type: "detector:open", frame, key: newFrameToken() }, calendarTab);
    const claim = { type: "detector:claim", frame, key: KEY };
    expect(await r.handle({ ...claim, key: newFrameToken() }, detectorIn(7))).toMatchObject({ ok: false });
    expect(await r.handle(claim, detectorIn(8))).toMatchObject({ ok: false });
    expect(await r.handle(claim, sidebarIn(7, frame))).toBeUndefined();
    expect(await r.handle(claim, calendarTab)).toBeUndefined();
    expect(await r.handle(claim, detectorIn(7))).toEqual({ ok: true });
    // A second document with the same address (the page can load one) gets nothing.
    expect(await r.handle(claim, detectorIn(7))).toMatchObject({ ok: false });
  });

  it("waits for a detector frame's announcement that arrives after it asks", async () => {
    const r = router({ contextWaitMs: 1000 });
    const frame = newFrameToken();
    const asked = r.handle(
      { type: "detector:claim", frame, key: KEY },
      { id: ID, url: `${DETECTOR}#${frame}`, tab: { id: 7 } },
    );
    await r.handle({ type: "detector:open", frame, key: KEY }, calendarTab);
    expect(await asked).toEqual({ ok: true });
  });

  it("waits for an announcement that arrives after the sidebar asks", async () => {
    const r = router({ contextWaitMs: 1000 });
    const frame = newFrameToken();
    const asked = r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(7, frame));
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(await asked).toEqual({ ok: true, event });
  });

  it("forgets a frame once it is closed, and a tab once it is gone", async () => {
    const r = router();
    const a = newFrameToken();
    const b = newFrameToken();
    await r.handle({ type: "prep:open", frame: a, key: KEY, event }, calendarTab);
    await r.handle({ type: "prep:open", frame: b, key: KEY, event }, calendarTab);
    await r.handle({ type: "prep:close", frame: a }, calendarTab);
    expect(r.openCount()).toBe(1);
    r.forgetTab(7);
    expect(r.openCount()).toBe(0);
  });

  it.each<[string, Sender]>([
    ["another extension", { ...calendarTab, id: "other" }],
    ["another site", { ...calendarTab, url: "https://calendar.google.com.evil.example/" }],
    ["a look-alike origin", { ...calendarTab, url: "https://calendar.google.comevil.example/x" }],
    ["no tab", { id: ID, url: calendarTab.url }],
    ["the sidebar pretending to be the page", sidebarIn(7, "x")],
  ])("ignores an announcement from %s", async (_name, sender) => {
    const r = router();
    const frame = newFrameToken();
    expect(await r.handle({ type: "prep:open", frame, key: KEY, event }, sender)).toBeUndefined();
    expect(r.openCount()).toBe(0);
  });

  it.each([
    ["past what Date can show", 8.64e15 + 1],
    ["after 2200", Date.UTC(2200, 0, 2)],
    ["before 1970", -1],
    ["not whole", 1.5],
  ])("ignores an event whose start is %s", async (_name, startsAt) => {
    const r = router();
    const frame = newFrameToken();
    expect(
      await r.handle({ type: "prep:open", frame, key: KEY, event: { ...event, startsAt } }, calendarTab),
    ).toBeUndefined();
    expect(r.openCount()).toBe(0);
  });

  it.each([
    ["at its start", { startsAt: 1000, endsAt: 1000 }],
    ["before its start", { startsAt: 1000, endsAt: 999 }],
    ["without a start", { startsAt: undefined, endsAt: 1000 }],
    ["after 2200", { startsAt: 1000, endsAt: Date.UTC(2200, 0, 2) }],
  ])("ignores an event whose end is %s", async (_name, times) => {
    const r = router();
    const frame = newFrameToken();
    const { startsAt: _start, ...rest } = event;
    const timed = {
      ...rest,
      ...(times.startsAt === undefined ? {} : { startsAt: times.startsAt }),
      endsAt: times.endsAt,
    };
    expect(await r.handle({ type: "prep:open", frame, key: KEY, event: timed }, calendarTab)).toBeUndefined();
    expect(r.openCount()).toBe(0);
    // The same event with an end after its start is taken.
    const ok = { ...event, startsAt: 1000, endsAt: 1000 + 60 * 60_000 };
    expect(await r.handle({ type: "prep:open", frame, key: KEY, event: ok }, calendarTab)).toBeDefined();
    expect(r.openCount()).toBe(1);
  });

  it("lets only the sidebar that showed the event dismiss it", async () => {
    const onDismiss = vi.fn();
    const r = router({ onDismiss });
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(await r.handle({ type: "prep:dismiss", frame }, calendarTab)).toBeUndefined();
    const mounted = { ...sidebarIn(7, frame), documentId: "doc-1" };
    await r.handle({ type: "prep:dismiss", frame }, mounted);
    expect(onDismiss).not.toHaveBeenCalled();
    await r.handle({ type: "prep:context", frame, key: KEY }, mounted);
    await r.handle({ type: "prep:dismiss", frame }, { ...mounted, documentId: "doc-2" });
    expect(onDismiss).not.toHaveBeenCalled();
    await r.handle({ type: "prep:dismiss", frame }, mounted);
    expect(onDismiss).toHaveBeenCalledWith(7, frame);
  });

  it("gives a frame's event to one document only: a page that loads the token again gets nothing", async () => {
    const r = router();
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    const mounted = { ...sidebarIn(7, frame), documentId: "doc-1" };
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, mounted)).toEqual({ ok: true, event });
    // The same document may ask again; a new one in its place (a swapped address) or beside it may not.
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, mounted)).toEqual({ ok: true, event });
    expect(
      await r.handle({ type: "prep:context", frame, key: KEY }, { ...mounted, documentId: "doc-2" }),
    ).toMatchObject({ ok: false });
    // Announcing the token again does not free it.
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(
      await r.handle({ type: "prep:context", frame, key: KEY }, { ...mounted, documentId: "doc-3" }),
    ).toMatchObject({ ok: false });
  });

  it("where documents have no names, a token is taken up once", async () => {
    const r = router();
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(7, frame))).toEqual({
      ok: true,
      event,
    });
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(7, frame))).toMatchObject({
      ok: false,
    });
  });

  it("a retired token is taken up by nobody, though its frame still has a moment to save", async () => {
    const onFrameClosed = vi.fn();
    const r = router({ onFrameClosed });
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    await r.handle({ type: "prep:retire", frame }, calendarTab);
    expect(await r.handle({ type: "prep:context", frame, key: KEY }, sidebarIn(7, frame))).toMatchObject({
      ok: false,
    });
    expect(onFrameClosed).not.toHaveBeenCalled();
    await r.handle({ type: "prep:close", frame }, calendarTab);
    expect(onFrameClosed).toHaveBeenCalledTimes(1);
  });

  it("says when a sidebar frame was removed, so edits it left behind can be written", async () => {
    const onFrameClosed = vi.fn();
    const r = router({ onFrameClosed });
    const frame = newFrameToken();
    await r.handle({ type: "prep:open", frame, key: KEY, event }, calendarTab);
    expect(onFrameClosed).not.toHaveBeenCalled();
    await r.handle({ type: "prep:close", frame }, sidebarIn(7, frame));
    expect(onFrameClosed).not.toHaveBeenCalled();
    await r.handle({ type: "prep:close", frame }, calendarTab);
    expect(onFrameClosed).toHaveBeenCalledTimes(1);
  });

  it("lets only extension pages start a Calendar sync or disconnect, and answers once it is done", async () => {
    let finish = () => {};
    const onCalendarSync = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onCalendarDisconnect = vi.fn(async () => {});
    const r = router({ onCalendarSync, onCalendarDisconnect });
    const popup: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
    const stranger: Sender = { id: "someone-else", url: "chrome-extension://someone-else/popup.html" };

    expect(await r.handle({ type: "calendar:sync", force: true }, calendarTab)).toBeUndefined();
    expect(await r.handle({ type: "calendar:sync", force: true }, stranger)).toBeUndefined();
    expect(await r.handle({ type: "calendar:disconnect" }, calendarTab)).toBeUndefined();
    expect(await r.handle({ type: "calendar:sync" }, popup)).toBeUndefined();
    expect(onCalendarSync).not.toHaveBeenCalled();
    expect(onCalendarDisconnect).not.toHaveBeenCalled();

    let answered = false;
    const reply = r.handle({ type: "calendar:sync", force: false }, popup).then((response) => {
      answered = true;
      return response;
    });
    await Promise.resolve();
    expect(onCalendarSync).toHaveBeenCalledWith(false);
    expect(answered).toBe(false);
    finish();
    expect(await reply).toEqual({ ok: true });
    expect(await r.handle({ type: "calendar:disconnect" }, popup)).toEqual({ ok: true });
    expect(onCalendarDisconnect).toHaveBeenCalledTimes(1);
  });
  it("drops malformed messages without throwing or storing anything", async () => {
    const onDismiss = vi.fn();
    const r = router({ onDismiss });
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.constantFrom(calendarTab, sidebarIn(7, "f")),
        async (message, sender) => {
          const response = await r.handle(message, sender);
          expect(response === undefined || typeof response === "object").toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    expect(r.openCount()).toBe(0);
    expect(onDismiss).not.toHaveBeenCalled();
  });
});

describe("isTabMessage", () => {
  it("agrees with the zod schema on any input", () => {
    const candidate = fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constantFrom("prep:dismiss", "prep:open", "page:check", "x"),
        frame: fc.string(),
      }),
      fc.record({ type: fc.constant("page:check") }),
      fc.record({ type: fc.constant("prep:dismiss"), frame: fc.stringMatching(/^[A-Za-z0-9_-]{10,70}$/) }),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        expect(isTabMessage(value)).toBe(tabMessageSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });
});
