// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { findOpenEventAnchor, readOpenEvent } from "@/lib/calendar-dom";
import { decodeEid } from "@/lib/calendar-dom/eid";
import {
  type FixtureEvent,
  fixtureEvents,
  people,
  taskChipEid,
  weekEvents,
} from "../../fixtures/calendar/events";
import {
  embeddedWeekEvents,
  eventsHash,
  type PageEvent,
  renderWeekPage,
  weekPagePath,
  weekUrl,
} from "../../fixtures/calendar/render";
import { type LoadedPage, loadHtml, readFixture } from "./fixture-dom";

interface FixtureWindow {
  __fixtureDialogStartedAt?: number;
  __fixtureDialogRenderedAt?: number;
}

function openWeek(events?: PageEvent[], html = renderWeekPage()): LoadedPage {
  return loadHtml(html, weekUrl(events), true);
}

const flags = (page: LoadedPage) => page.window as unknown as FixtureWindow;

async function settle(page: LoadedPage) {
  await page.window.happyDOM.waitUntilComplete();
}

function chip(page: LoadedPage, eid: string): HTMLElement {
  const found = page.document.querySelector<HTMLElement>(`[data-eventchip][data-eventid="${eid}"]`);
  if (!found) throw new Error(`no chip for ${eid}`);
  return found;
}

async function openByClick(page: LoadedPage, eid: string) {
  chip(page, eid).click();
  await settle(page);
}

const local = (date: string, time: string) => {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d, h, min).toISOString();
};

describe("week.html", () => {
  it("embeds exactly the events of events.ts", () => {
    expect(embeddedWeekEvents()).toEqual(JSON.parse(JSON.stringify(weekEvents)));
    expect(readFixture("week.html")).toBe(renderWeekPage());
    expect(weekPagePath).toMatch(/week\.html$/);
  });

  it("loads nothing from outside the page", () => {
    const html = readFixture("week.html");
    expect(html).not.toMatch(/<(img|link|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/\binnerHTML\b|insertAdjacentHTML|outerHTML/);
  });

  it("shows a chip for every event and the signed-in user", () => {
    const page = openWeek();
    for (const event of weekEvents) {
      const found = chip(page, event.eid);
      expect(found.getAttribute("role")).toBe("button");
      expect(found.getAttribute("aria-label")).toContain(event.title);
    }
    expect(page.document.getElementById("xUserEmail")?.textContent).toBe("sam@example.com");
    expect(page.document.body.getAttribute("data-viewfamily")).toBe("EVENT");
    expect(findOpenEventAnchor(page.document)).toBeNull();
  });

  it.each(weekEvents.map((event): [string, FixtureEvent] => [event.key, event]))(
    "%s: a click renders a dialog the readers understand",
    async (_key, event) => {
      const page = openWeek();
      await openByClick(page, event.eid);
      const open = readOpenEvent(page.document);
      expect(open).toMatchObject({
        source: "dialog",
        eid: event.eid,
        eventInstanceId: event.eventId,
        seriesId: event.seriesId,
        calendarId: event.calendarId,
        startsAt: event.recurring ? event.startsAt : local(event.date, event.start),
      });
      expect(open?.anchor.getAttribute("data-chips-dialog")).toBe("true");
      expect(open?.signals.title).toBe(event.title);
      expect(open?.signals.selfEmail).toBe("sam@example.com");
      expect(open?.signals.recurring).toBe(event.recurring);
      expect(open?.signals.attendees).toEqual(
        event.guests.map((guest) => ({
          email: guest.email,
          displayName: guest.name,
          ...(guest.organizer ? { organizer: true } : {}),
          ...(guest.email === "sam@example.com" ? { self: true } : {}),
          ...(guest.resource ? { resource: true } : {}),
          responseStatus: guest.response ?? "needsAction",
        })),
      );
    },
  );

  it("renders over several frames and records when it started and finished", async () => {
    const page = openWeek();
    const frames: number[] = [];
    const observer = new page.window.MutationObserver((records) => frames.push(records.length));
    observer.observe(page.document.body as never, { subtree: true, childList: true, attributes: true });

    chip(page, fixtureEvents.priyaWeekly1.eid).click();
    expect(flags(page).__fixtureDialogStartedAt).toBeTypeOf("number");
    expect(flags(page).__fixtureDialogRenderedAt).toBeUndefined();
    // The first frame is an empty shell: not yet an event.
    expect(page.document.querySelector('[role="dialog"]')).not.toBeNull();
    expect(findOpenEventAnchor(page.document)).toBeNull();

    await settle(page);
    observer.disconnect();
    const { __fixtureDialogStartedAt: started = 0, __fixtureDialogRenderedAt: rendered = 0 } = flags(page);
    expect(rendered).toBeGreaterThanOrEqual(started);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(10);
    expect(findOpenEventAnchor(page.document)?.source).toBe("dialog");
  });

  it("replaces the card's children after the first render, like Calendar", async () => {
    const page = openWeek();
    chip(page, fixtureEvents.jordan1on1.eid).click();
    await new Promise<void>((resolve) => page.window.requestAnimationFrame(() => resolve()));
    const firstTitle = page.document.getElementById("rAECCd");
    expect(firstTitle).not.toBeNull();
    await settle(page);
    expect(firstTitle?.isConnected).toBe(false);
    expect(page.document.getElementById("rAECCd")?.textContent).toBe(fixtureEvents.jordan1on1.title);
  });

  it("opens from the keyboard with Enter and Space", async () => {
    for (const key of ["Enter", " "]) {
      const page = openWeek();
      const target = chip(page, fixtureEvents.teamMeeting.eid);
      target.dispatchEvent(
        new page.window.KeyboardEvent("keydown", { key, bubbles: true }) as unknown as Event,
      );
      await settle(page);
      expect(readOpenEvent(page.document)?.signals.title).toBe(fixtureEvents.teamMeeting.title);
    }
  });

  it("closes with Escape or the Close button, sometimes leaving a hidden leftover", async () => {
    const page = openWeek();
    const dialogs = () => page.document.querySelectorAll('[role="dialog"]');

    await openByClick(page, fixtureEvents.priyaWeekly1.eid);
    page.document.dispatchEvent(
      new page.window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }) as unknown as Event,
    );
    expect(findOpenEventAnchor(page.document)).toBeNull();
    expect(dialogs()).toHaveLength(1);
    expect(dialogs()[0]?.getAttribute("aria-hidden")).toBe("true");

    await openByClick(page, fixtureEvents.interview.eid);
    expect(readOpenEvent(page.document)?.signals.title).toBe(fixtureEvents.interview.title);
    page.document
      .querySelector<HTMLElement>('[role="dialog"]:not([aria-hidden]) [aria-label="Close"]')
      ?.click();
    expect(findOpenEventAnchor(page.document)).toBeNull();
    expect(dialogs()).toHaveLength(1);
  });

  it("opening another event while one is open shows only the new one", async () => {
    const page = openWeek();
    await openByClick(page, fixtureEvents.priyaWeekly1.eid);
    await openByClick(page, fixtureEvents.priyaWeekly2.eid);
    const open = readOpenEvent(page.document);
    expect(open?.eventInstanceId).toBe(fixtureEvents.priyaWeekly2.eventId);
    expect(open?.seriesId).toBe(fixtureEvents.priyaWeekly1.seriesId);
  });

  it("a task chip opens no event", async () => {
    const page = openWeek();
    await openByClick(page, taskChipEid);
    expect(readOpenEvent(page.document)).toBeNull();
    expect(decodeEid(taskChipEid)).toBeNull();
  });
});

describe("injected events", () => {
  const hostileTitle = '<img src=x onerror="window.__pwned=1">1:1 Mallory / Sam</script>';
  const injected: PageEvent[] = [
    {
      title: hostileTitle,
      eventId: "m4ll0ry1on1",
      date: "2026-10-14",
      start: "09:30",
      end: "10:00",
      guests: [
        { email: "sam@example.com", name: "Sam Lee", organizer: true, response: "accepted" },
        { email: "mallory@example.com", name: '<b onmouseover="x()">Mallory</b>', response: "accepted" },
      ],
    },
    { title: "Minimal" },
  ];

  it.each([
    ["the URL hash", () => openWeek(injected)],
    ["renderWeekPage", () => openWeek(undefined, renderWeekPage(injected))],
  ])("via %s, as text only", async (_via, open) => {
    const page = open();
    expect(page.document.querySelectorAll("[data-eventchip]:not([data-eventid^='tasks_'])")).toHaveLength(2);
    // Injected events without a key are named by position.
    const eid =
      page.document.querySelector('[data-fixture-key="event0"]')?.getAttribute("data-eventid") ?? "";
    expect(decodeEid(eid)).toMatchObject({ eventId: "m4ll0ry1on1", calendarId: "sam@example.com" });

    await openByClick(page, eid);
    const event = readOpenEvent(page.document);
    expect(event?.signals.title).toBe(hostileTitle);
    expect(event?.signals.attendees?.[1]).toEqual({
      email: "mallory@example.com",
      displayName: '<b onmouseover="x()">Mallory</b>',
      responseStatus: "accepted",
    });
    expect(event?.startsAt).toBe(local("2026-10-14", "09:30"));
    expect(page.document.querySelectorAll("img, [onerror], [onmouseover]")).toHaveLength(0);
    expect((page.window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("fills in defaults for a minimal event", async () => {
    const page = openWeek(injected);
    const minimal = page.document.querySelector('[data-fixture-key="event1"]');
    await openByClick(page, minimal?.getAttribute("data-eventid") ?? "");
    const event = readOpenEvent(page.document);
    expect(event?.signals).toEqual({
      title: "Minimal",
      attendees: [],
      selfEmail: "sam@example.com",
      recurring: false,
    });
    expect(event?.calendarId).toBe("sam@example.com");
    expect(event?.startsAt).toBe(local("2026-10-13", "12:00"));
  });

  it("ignores an unreadable hash and shows the defaults", () => {
    const page = loadHtml(renderWeekPage(), `${weekUrl()}#events=!!!`, true);
    expect(page.document.querySelectorAll("[data-eventchip]")).toHaveLength(weekEvents.length + 1);
  });

  it("eventsHash is base64url JSON", () => {
    const hash = eventsHash([{ title: "Ünïcödé 1:1 ✓" }]);
    expect(hash).toMatch(/^#events=[A-Za-z0-9_-]+$/);
    const json = Buffer.from(hash.slice("#events=".length), "base64url").toString("utf8");
    expect(JSON.parse(json)).toEqual([{ title: "Ünïcödé 1:1 ✓" }]);
  });

  it("renderWeekPage keeps the JSON block intact whatever the titles hold", () => {
    const tricky: PageEvent[] = [{ title: "</script><script>window.__pwned=1</script> $& $1 \u2028" }];
    const html = renderWeekPage(tricky);
    expect(embeddedWeekEvents(html)).toEqual(tricky);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("uses the attendee list as given, including rooms", async () => {
    const page = openWeek([{ title: "Room check", guests: [{ ...people.room, resource: true }] }]);
    await openByClick(
      page,
      page.document.querySelector('[data-fixture-key="event0"]')?.getAttribute("data-eventid") ?? "",
    );
    expect(readOpenEvent(page.document)?.signals.attendees).toEqual([
      {
        email: people.room.email,
        displayName: people.room.name,
        resource: true,
        responseStatus: "needsAction",
      },
    ]);
  });
});
