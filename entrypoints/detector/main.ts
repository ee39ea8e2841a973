import "@/components/zod-jitless";
import { browser } from "wxt/browser";
import {
  calendarOwnerAmongGuests,
  describeOpenEvent,
  type EventSnapshot,
  isReadable,
  readSnapshot,
  sampleSnapshot,
} from "@/lib/calendar-dom";
import {
  type DetectorMessage,
  type DetectorReply,
  detectorRequestSchema,
  type EventCheck,
  isDetectorHello,
  NOTHING_TO_SHOW,
  pageResponseSchema,
  type Verdict,
} from "@/lib/messaging";
import { type DetectionState, readDetectionState, setMyEmail, watchDetectionState } from "@/lib/settings";
import { decisionKey, offerButton, toPrepEvent } from "./prep-event";

/**
 * One hidden frame per Calendar tab that decides which open events are 1:1s. The content script
 * sends it the open event's markup and places whatever it answers; the detector, the settings and
 * the manager's choices stay here, in the extension's origin, out of the page and its script.
 */

/** The token this frame was added with; the background pairs it with the channel's key. */
const frame = location.hash.slice(1);

let state: DetectionState | undefined;
let port: MessagePort | undefined;

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

function post(target: MessagePort, reply: DetectorReply) {
  target.postMessage(JSON.stringify(reply));
}

type Reading = ReturnType<typeof read>;

function read(snapshot: EventSnapshot | null, known: DetectionState) {
  const open = snapshot ? readSnapshot(snapshot, parse) : null;
  if (!open) return { open };
  const pageEmail = open.signals.selfEmail?.toLowerCase();
  // Without the page's own words: the address the manager confirmed, else the calendar's owner.
  const self = pageEmail ? undefined : (known.myEmail ?? calendarOwnerAmongGuests(open));
  if (self) open.signals.selfEmail = self;
  return { open, event: toPrepEvent(open, known), pageEmail };
}

/** The account's address, remembered once, so options can show it and detection has it on layouts that do not print it. */
function remember(pageEmail: string | undefined, known: DetectionState) {
  if (!pageEmail || known.myEmail) return;
  state = { ...known, myEmail: pageEmail };
  setMyEmail(pageEmail).catch(() => {});
}

function verdictOn({ open, event, pageEmail }: Reading, known: DetectionState): Verdict {
  if (!open || !event) return NOTHING_TO_SHOW;
  return {
    readable: isReadable(open),
    guestRows: open.guestRows,
    event,
    oneOnOne: event.override ?? event.detected,
    offerButton: offerButton(event, open),
    off: pageEmail !== undefined && known.sidebarOffFor.includes(pageEmail),
    key: decisionKey(event),
  };
}

function checkOn({ open, event }: Reading): EventCheck {
  const readable = isReadable(open);
  return {
    ...describeOpenEvent(open),
    readable,
    ...(event && readable
      ? { decision: { oneOnOne: event.override ?? event.detected, reason: event.reason } }
      : {}),
  };
}

async function answer(data: unknown) {
  if (!port) return;
  let raw: unknown;
  try {
    raw = typeof data === "string" ? JSON.parse(data) : undefined;
  } catch {
    return;
  }
  const parsed = detectorRequestSchema.safeParse(raw);
  if (!parsed.success) {
    // Answered all the same, so the content script doesn't send it again: nothing to show.
    const id = (raw as { id?: unknown } | undefined)?.id;
    if (typeof id === "number" && Number.isInteger(id))
      post(port, { type: "verdict", id, verdict: NOTHING_TO_SHOW });
    return;
  }
  if (!state) {
    const read = await readDetectionState();
    // A change the watcher delivered meanwhile is newer than this read.
    state ??= read;
  }
  const known = state;
  const request = parsed.data;
  const reading = read(request.snapshot, known);
  if (request.type === "read")
    post(port, { type: "verdict", id: request.id, verdict: verdictOn(reading, known) });
  else post(port, { type: "checked", id: request.id, check: checkOn(reading) });
  // After answering: the answer is what the manager waits for.
  remember(reading.pageEmail, known);
}

async function claim(key: string): Promise<boolean> {
  const message: DetectorMessage = { type: "detector:claim", frame, key };
  try {
    return pageResponseSchema.parse(await browser.runtime.sendMessage(message)).ok;
  } catch {
    return false;
  }
}

// The page can post here too, but never knows the key; each offer is checked on its own, so a
// page's guess can't hold up the content script's.
window.addEventListener("message", async (e) => {
  const offered = e.ports[0];
  if (e.source !== window.parent || window.parent === window || !isDetectorHello(e.data) || !offered) return;
  if (port || !(await claim(e.data.key))) {
    post(offered, { type: "refused" });
    offered.close();
    return;
  }
  port = offered;
  port.onmessage = (message) => void answer(message.data);
  post(port, { type: "ready" });
});

// Answer a few made-up events now (a 1:1 by its title, one by its two names, a group meeting),
// so the manager's first clicks don't pay for compiling the reader and the detector: tens of
// milliseconds each, measured with the bench.
const WARM_UP_STATE: DetectionState = {
  overrides: {},
  calendarVerdicts: {},
  settings: { keywords: [], exclusions: [] },
  sidebarOffFor: [],
};
for (const snapshot of [
  sampleSnapshot(),
  sampleSnapshot({
    title: "Ana <> Sam",
    when: ["Wednesday, October 14, 2026 ⋅ 10:00 – 10:30am"],
    eventId: "single sam@example.org",
  }),
  sampleSnapshot({
    title: "Team sync",
    guests: [
      ["sam@example.org", "Sam Lee"],
      ["ana@example.org", "Ana Silva"],
      ["kai@example.org", "Kai Berg"],
    ],
  }),
]) {
  const request = detectorRequestSchema.safeParse(
    JSON.parse(JSON.stringify({ type: "read", id: 0, snapshot })),
  );
  if (request.success && request.data.type === "read")
    JSON.stringify(verdictOn(read(request.data.snapshot, WARM_UP_STATE), WARM_UP_STATE));
}

readDetectionState().then(
  (read) => {
    state ??= read;
  },
  () => {},
);
watchDetectionState((next) => {
  state = next;
  if (port) post(port, { type: "changed" });
});
