import { describe, expect, it } from "vitest";
import { timedMeetings } from "@/lib/cadence";

describe("timed meetings", () => {
  it("has no figures without a timed meeting", () => {
    expect(timedMeetings([{}, { timedBoxes: [] }])).toEqual({
      timed: 0,
      theirItemsShare: undefined,
      averageActualMinutes: undefined,
      averagePlannedMinutes: undefined,
    });
  });

  it("shares the timed minutes, over every timed meeting", () => {
    const summary = timedMeetings([
      {
        timedBoxes: [
          { section: "theirs", plannedMinutes: 15, actualMinutes: 20 },
          { section: "growth", plannedMinutes: 10, actualMinutes: 10 },
        ],
      },
      {},
      {
        timedBoxes: [
          { section: "theirs", plannedMinutes: 15, actualMinutes: 4 },
          { section: "feedback", plannedMinutes: 5, actualMinutes: 6 },
        ],
      },
    ]);
    expect(summary.timed).toBe(2);
    expect(summary.theirItemsShare).toBeCloseTo(24 / 40);
    expect(summary.averageActualMinutes).toBe(20);
    expect(summary.averagePlannedMinutes).toBe(22.5);
  });
});
