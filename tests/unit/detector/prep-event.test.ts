import { describe, expect, it } from "vitest";
import { toPrepEvent } from "@/entrypoints/detector/prep-event";
import type { OpenEvent } from "@/lib/calendar-dom";
import { prepEventSchema } from "@/lib/messaging";
import type { DetectionState } from "@/lib/settings";

const state: DetectionState = {
  overrides: {},
  calendarVerdicts: {},
  settings: { keywords: [], exclusions: [] },
  sidebarOffFor: [],
};

function openWithSeries(seriesId: string): OpenEvent {
  return {
    source: "dialog",
    anchor: {} as HTMLElement,
    eventInstanceId: `${seriesId}_20261013T160000Z`,
    seriesId,
    signals: { title: "Weekly sync" },
    guestRows: "none",
  };
}

describe("what the content script tells the background", () => {
  it("tells when the event ends, when the page showed an end after its start", () => {
    const open = {
      ...openWithSeries("s"),
      startsAt: "2026-10-13T16:00:00.000Z",
      endsAt: "2026-10-13T17:00:00.000Z",
    };
    const event = toPrepEvent(open, state);
    expect(event.startsAt).toBe(Date.UTC(2026, 9, 13, 16));
    expect(event.endsAt).toBe(Date.UTC(2026, 9, 13, 17));
    expect(toPrepEvent({ ...open, endsAt: open.startsAt }, state).endsAt).toBeUndefined();
    expect(toPrepEvent({ ...open, endsAt: "2201-01-01T00:00:00.000Z" }, state).endsAt).toBeUndefined();
    const { startsAt: _start, ...withoutStart } = open;
    expect(toPrepEvent(withoutStart, state).endsAt).toBeUndefined();
  });

  it.each(["constructor", "toString", "hasOwnProperty"])(
    "a series called %j has no choice made for it unless the manager made one",
    (seriesId) => {
      const event = toPrepEvent(openWithSeries(seriesId), state);
      expect(event.override).toBeUndefined();
      expect(event.detected).toBe(false);
      const chosen = toPrepEvent(openWithSeries(seriesId), {
        ...state,
        overrides: Object.fromEntries([[seriesId, true]]),
      });
      expect(chosen.override).toBe(true);
    },
  );
});

describe("why the prep shows, as the sidebar gets it", () => {
  it("carries the detector's reason as data beside its English words", () => {
    const event = toPrepEvent(
      { ...openWithSeries("s"), signals: { title: "1:1 training", attendees: [] } },
      state,
    );
    expect(event.reason).toBe("No other guests");
    expect(event.because).toEqual({ code: "no-other-guests" });
  });

  it("says so when the Calendar API saw the guests the page hid", () => {
    const event = toPrepEvent(openWithSeries("s"), { ...state, calendarVerdicts: { s: true } });
    expect(event.because).toEqual({ code: "calendar-guests", oneOther: true });
    expect(event.reason).toBe("Google Calendar lists exactly one other guest");
  });

  it("a long keyword of the manager's still makes a message the background takes", () => {
    const keyword = "Mentoring ".repeat(40).trim();
    const event = toPrepEvent(
      { ...openWithSeries("s"), signals: { title: `${keyword} Priya` } },
      { ...state, settings: { keywords: [keyword], exclusions: [] } },
    );
    expect(event.because?.code).toBe("keyword");
    expect(prepEventSchema.safeParse(event).success).toBe(true);
  });
});
