import type { OpenEvent } from "./read-open-event";

const KEY_MAX = 1024;

/** 53 bits of a string (cyrb53): two of them with different seeds keep long keys apart. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export interface EventKey {
  /** the key the meeting is filed under */
  eventInstanceId: string;
  /** the key an earlier release gave the same event, when the page showed no id */
  formerEventInstanceId?: string;
  /**
   * Neither an id nor a start time could be read: events alike in title and guests can't be told
   * apart, so their notes must not be filed under this key.
   */
  unidentified?: true;
}

/**
 * What identifies the open event. Calendar's instance id when the page shows one (or its raw eid
 * when that can't be decoded); otherwise the title, the start to the minute and the guests, so two
 * same-title events on one day get keys of their own.
 */
export function eventKey(
  open: Pick<OpenEvent, "eid" | "eventInstanceId" | "startsAt" | "signals">,
): EventKey {
  if (open.eventInstanceId) return { eventInstanceId: open.eventInstanceId.slice(0, KEY_MAX) };
  if (open.eid && open.eid.length <= KEY_MAX - 4) return { eventInstanceId: `eid:${open.eid}` };
  const title = open.signals.title.slice(0, 1000);
  const at = open.startsAt ? Date.parse(open.startsAt) : Number.NaN;
  const start = Number.isFinite(at) ? new Date(at).toISOString().slice(0, 16) : null;
  const guests = (open.signals.attendees ?? [])
    .map((a) => a.email ?? a.displayName ?? "")
    .filter((g) => g !== "")
    .sort();
  const described = JSON.stringify([title, start, guests]);
  const key = `untracked:${described}`;
  const day = start ? start.slice(0, 10) : "undated";
  return {
    eventInstanceId:
      key.length <= KEY_MAX
        ? key
        : `untracked:#${hash53(described, 1)}${hash53(described, 2)}:${title.slice(0, 200)}`,
    formerEventInstanceId: `untracked:${title}:${day}`.slice(0, KEY_MAX),
    ...(start === null ? { unidentified: true as const } : {}),
  };
}
