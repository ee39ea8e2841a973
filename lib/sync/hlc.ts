/**
 * Hybrid logical clock: wall-clock milliseconds, a counter for events within one millisecond (or
 * while the wall clock stands behind), and the device id as the final tie-break. Stamps order
 * every change on every device totally, follow real time closely, and never go backwards on one
 * device even when its clock is set back.
 */
import { z } from "zod";

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

/** Random, lowercase letters and digits: it names Drive files, so it must say nothing about the manager. */
export const deviceIdSchema = z.string().regex(/^[a-z0-9]{8,32}$/);

const WALL_DIGITS = 12;
const COUNTER_DIGITS = 4;
export const MAX_WALL = 16 ** WALL_DIGITS - 1;
export const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
/** How far ahead of our clock a remote stamp may be before we refuse to follow it. */
export const DEFAULT_MAX_SKEW_MS = 24 * 60 * 60 * 1000;

const STAMP = /^([0-9a-f]{12})-([0-9a-f]{4})-([a-z0-9]{8,32})$/;

export const hlcStringSchema = z.string().regex(STAMP);

export class ClockSkewError extends Error {
  override readonly name = "ClockSkewError";
  constructor(
    /** how far the remote stamp is ahead of our clock */
    readonly aheadMs: number,
  ) {
    super(
      "Another device's clock is far ahead of this one; its changes are kept but its clock is not followed.",
    );
  }
}

export function initialHlc(device: string): Hlc {
  return { wall: 0, counter: 0, device: deviceIdSchema.parse(device) };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** Fixed-width hex, so comparing two strings orders them exactly as `compareHlc` does. */
export function formatHlc(hlc: Hlc): string {
  return `${hlc.wall.toString(16).padStart(WALL_DIGITS, "0")}-${hlc.counter
    .toString(16)
    .padStart(COUNTER_DIGITS, "0")}-${hlc.device}`;
}

export function parseHlc(text: string): Hlc {
  const match = STAMP.exec(text);
  if (!match) throw new Error("not a clock stamp");
  return {
    wall: Number.parseInt(match[1] as string, 16),
    counter: Number.parseInt(match[2] as string, 16),
    device: match[3] as string,
  };
}

function clampNow(now: number): number {
  return Number.isFinite(now) ? Math.min(Math.max(0, Math.floor(now)), MAX_WALL) : 0;
}

// A counter that would overflow moves the logical wall on by a millisecond instead: still ahead of
// everything seen, and at most 1 ms ahead of real time per 65,536 changes.
function advance(wall: number, counter: number, device: string): Hlc {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device } : { wall, counter, device };
}

/** The stamp for a change made here at `now` (ms since epoch). */
export function tick(clock: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, clampNow(now));
  return wall === clock.wall
    ? advance(wall, clock.counter + 1, clock.device)
    : { wall, counter: 0, device: clock.device };
}

/**
 * Our clock after seeing a remote stamp, so our next change orders after it. A stamp more than
 * `maxSkewMs` ahead of our clock is refused (ClockSkewError): one device with a wrong clock must
 * not drag every other clock into the future; the caller still merges that device's rows.
 */
export function receive(clock: Hlc, remote: Hlc, now: number, maxSkewMs: number = DEFAULT_MAX_SKEW_MS): Hlc {
  const physical = clampNow(now);
  if (remote.wall - physical > maxSkewMs) throw new ClockSkewError(remote.wall - physical);
  const wall = Math.max(clock.wall, remote.wall, physical);
  const { device } = clock;
  if (wall === clock.wall && wall === remote.wall)
    return advance(wall, Math.max(clock.counter, remote.counter) + 1, device);
  if (wall === clock.wall) return advance(wall, clock.counter + 1, device);
  if (wall === remote.wall) return advance(wall, remote.counter + 1, device);
  return { wall, counter: 0, device };
}
