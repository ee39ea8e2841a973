import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ClockSkewError,
  compareHlc,
  DEFAULT_MAX_SKEW_MS,
  formatHlc,
  type Hlc,
  initialHlc,
  parseHlc,
  receive,
  tick,
} from "@/lib/sync";

const NOW = Date.parse("2026-10-14T12:00:00Z");
const deviceArb = fc.stringMatching(/^[a-z0-9]{8,12}$/);
const hlcArb = fc.record({
  wall: fc.integer({ min: 0, max: NOW + 1000 }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  device: deviceArb,
});
const stepArb = fc.integer({ min: -5000, max: 5000 });

describe("clock stamps", () => {
  it("start at zero for a device, and refuse a device id that could say something", () => {
    expect(formatHlc(initialHlc("k3v9q2xw"))).toBe("000000000000-0000-k3v9q2xw");
    expect(() => initialHlc("Ana Lopez")).toThrow();
    expect(() => initialHlc("ana@example.com")).toThrow();
  });

  it("sort as strings exactly as they compare", () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const strings = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        return Math.sign(compareHlc(a, b)) === strings;
      }),
    );
  });

  it("read back what they wrote", () => {
    fc.assert(fc.property(hlcArb, (a) => compareHlc(parseHlc(formatHlc(a)), a) === 0));
  });

  it("order every pair of distinct stamps one way (a total order)", () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const ab = compareHlc(a, b);
        const same = a.wall === b.wall && a.counter === b.counter && a.device === b.device;
        return same ? ab === 0 : ab === -compareHlc(b, a) && ab !== 0;
      }),
    );
  });
});

describe("tick", () => {
  it.each([
    ["follows the wall clock", { wall: NOW - 10, counter: 4 }, NOW, { wall: NOW, counter: 0 }],
    ["counts within one millisecond", { wall: NOW, counter: 4 }, NOW, { wall: NOW, counter: 5 }],
    [
      "stands still when the clock is set back",
      { wall: NOW, counter: 4 },
      NOW - 60_000,
      { wall: NOW, counter: 5 },
    ],
    [
      "moves on a millisecond when the counter is full",
      { wall: NOW, counter: 0xffff },
      NOW,
      { wall: NOW + 1, counter: 0 },
    ],
  ])("%s", (_, clock, now, expected) => {
    expect(tick({ ...clock, device: "k3v9q2xw" }, now)).toEqual({ ...expected, device: "k3v9q2xw" });
  });

  it("always moves forward, whatever the wall clock does", () => {
    fc.assert(
      fc.property(deviceArb, fc.array(stepArb, { maxLength: 200 }), (device, steps) => {
        let clock = initialHlc(device);
        let now = NOW;
        for (const step of steps) {
          now += step;
          const next = tick(clock, now);
          if (compareHlc(next, clock) <= 0 || formatHlc(next) <= formatHlc(clock)) return false;
          clock = next;
        }
        return true;
      }),
    );
  });
});

describe("receive", () => {
  it("never goes backwards and orders after what it received", () => {
    fc.assert(
      fc.property(
        hlcArb,
        hlcArb,
        fc.integer({ min: NOW - 100_000, max: NOW + 100_000 }),
        (local, remote, now) => {
          const next = receive(local, remote, now);
          return (
            compareHlc(next, local) > 0 &&
            next.wall >= remote.wall &&
            compareHlc(next, { ...remote, device: "" }) > 0
          );
        },
      ),
    );
  });

  it("keeps its own device id", () => {
    expect(receive(initialHlc("aaaaaaaa"), { wall: NOW, counter: 3, device: "bbbbbbbb" }, NOW)).toEqual({
      wall: NOW,
      counter: 4,
      device: "aaaaaaaa",
    });
  });

  it("then ticks after everything it received, along a random mix of both", () => {
    fc.assert(
      fc.property(
        deviceArb,
        fc.array(
          fc.oneof(
            stepArb.map((step) => ({ step })),
            hlcArb.map((remote) => ({ remote })),
          ),
          { maxLength: 100 },
        ),
        (device, events) => {
          let clock: Hlc = initialHlc(device);
          let now = NOW;
          let newestSeen: Hlc | undefined;
          for (const event of events) {
            const previous = clock;
            if ("step" in event) {
              now += event.step;
              clock = tick(clock, now);
            } else {
              clock = receive(clock, event.remote, now);
              if (!newestSeen || compareHlc(event.remote, newestSeen) > 0) newestSeen = event.remote;
            }
            if (compareHlc(clock, previous) <= 0) return false;
            if (
              newestSeen &&
              (clock.wall < newestSeen.wall ||
                (clock.wall === newestSeen.wall && clock.counter <= newestSeen.counter))
            )
              return false;
          }
          return true;
        },
      ),
    );
  });

  it("refuses to follow a clock more than a day ahead, and leaves its own as it was", () => {
    const clock = { wall: NOW, counter: 2, device: "aaaaaaaa" };
    const ahead = { wall: NOW + DEFAULT_MAX_SKEW_MS + 1, counter: 0, device: "bbbbbbbb" };
    expect(() => receive(clock, ahead, NOW)).toThrow(ClockSkewError);
    expect(clock).toEqual({ wall: NOW, counter: 2, device: "aaaaaaaa" });
    expect(receive(clock, { ...ahead, wall: NOW + DEFAULT_MAX_SKEW_MS }, NOW).wall).toBe(
      NOW + DEFAULT_MAX_SKEW_MS,
    );
    expect(() => receive(clock, { ...ahead, wall: NOW + 61_000 }, NOW, 60_000)).toThrow(ClockSkewError);
  });
});
