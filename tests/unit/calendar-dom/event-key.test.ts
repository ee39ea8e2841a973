import { describe, expect, it } from "vitest";
import { eventKey } from "@/lib/calendar-dom";

const guests = [{ email: "sam@example.com", self: true }, { email: "priya@example.com" }];

describe("eventKey", () => {
  it("uses Calendar's instance id when the page shows one", () => {
    expect(
      eventKey({
        eventInstanceId: "abc_20261103T150000Z",
        eid: "x",
        signals: { title: "1:1", attendees: guests },
      }),
    ).toEqual({ eventInstanceId: "abc_20261103T150000Z" });
  });

  it("uses the raw eid when it can't be decoded", () => {
    expect(eventKey({ eid: "not-base64!", signals: { title: "1:1" } })).toEqual({
      eventInstanceId: "eid:not-base64!",
    });
  });

  it("keeps two same-title events on one day apart by their start", () => {
    const morning = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: "1:1 Priya", attendees: guests },
    });
    const afternoon = eventKey({
      startsAt: "2026-11-03T15:00:00.000Z",
      signals: { title: "1:1 Priya", attendees: guests },
    });
    expect(morning.eventInstanceId).not.toBe(afternoon.eventInstanceId);
    expect(morning.unidentified).toBeUndefined();
    // What earlier releases filed both under, so the notes already there are found again.
    expect(morning.formerEventInstanceId).toBe("untracked:1:1 Priya:2026-11-03");
  });

  it("keeps two same-title events at the same time apart by their guests", () => {
    const a = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: "Sync", attendees: guests },
    });
    const b = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: "Sync", attendees: [guests[0] ?? {}, { email: "jordan@example.com" }] },
    });
    expect(a.eventInstanceId).not.toBe(b.eventInstanceId);
  });

  it("does not depend on the order the guests are listed in", () => {
    const at = "2026-11-03T09:00:00.000Z";
    expect(eventKey({ startsAt: at, signals: { title: "Sync", attendees: guests } })).toEqual(
      eventKey({ startsAt: at, signals: { title: "Sync", attendees: [...guests].reverse() } }),
    );
  });

  it("cannot be made to collide by a title that looks like the other parts", () => {
    const a = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: 'a","2026', attendees: [] },
    });
    const b = eventKey({ startsAt: "2026-11-03T09:00:00.000Z", signals: { title: "a", attendees: [] } });
    expect(a.eventInstanceId).not.toBe(b.eventInstanceId);
  });

  it("says when the event can't be told apart: no id and no start", () => {
    expect(eventKey({ signals: { title: "1:1 Priya", attendees: guests } }).unidentified).toBe(true);
  });

  it("stays within the key length for a huge title or guest list, and stays unique", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ email: `guest${i}@example.com` }));
    const a = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: "x".repeat(1000), attendees: many },
    });
    const b = eventKey({
      startsAt: "2026-11-03T09:00:00.000Z",
      signals: { title: "x".repeat(1000), attendees: many.slice(1) },
    });
    expect(a.eventInstanceId.length).toBeLessThanOrEqual(1024);
    expect(a.eventInstanceId).not.toBe(b.eventInstanceId);
  });
});
