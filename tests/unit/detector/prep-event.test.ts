import { describe, expect, it } from "vitest";
import { toPrepEvent } from "@/entrypoints/detector/prep-event";
import type { OpenEvent } from "@/lib/calendar-dom";
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
