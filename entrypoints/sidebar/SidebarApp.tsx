import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import {
  actionItemsAgreedIn,
  applyRuleKind,
  findOrCreateMeeting,
  findOrCreatePersonForEvent,
  openActionItems,
  prepDatabase,
  prepMeetings,
  previousNotes,
  recoverUnsavedEdits,
} from "@/lib/db";
import { type ContextResponse, contextResponseSchema, type SidebarMessage } from "@/lib/messaging";
import { readDefaultCadence, readMeetingKindRules } from "@/lib/settings";
import { chooseMeetingKind } from "@/lib/templates";
import { type FirstPrep, PrepView } from "./PrepView";

type State = { status: "loading" } | { status: "error"; message: string } | ({ status: "ready" } & FirstPrep);

const frame = location.hash.slice(1);

export function dismissSidebar() {
  const message: SidebarMessage = { type: "prep:dismiss", frame };
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Settles either way, so starting it early never leaves an unhandled rejection behind. */
function early<T>(start: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return Promise.resolve()
    .then(start)
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
}

async function settled<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

// Started as this module loads, before React's first render: the frame's event from the
// background, the database connection and the two settings the prep needs do not wait on each other.
const starting = {
  context: early(async (): Promise<ContextResponse | undefined> => {
    const message: SidebarMessage = { type: "prep:context", frame };
    const response = contextResponseSchema.safeParse(await browser.runtime.sendMessage(message));
    return response.success ? response.data : undefined;
  }),
  database: early(() => prepDatabase().open()),
  cadence: early(() => readDefaultCadence()),
  rules: early(() => readMeetingKindRules()),
};

/** Asks the background which event this frame belongs to, then opens that meeting's record. */
async function loadFirstPrep(): Promise<FirstPrep> {
  const response = await settled(starting.context);
  if (!response) throw new Error("Open the event in Google Calendar to see its prep.");
  if (!response.ok) throw new Error(response.error);
  const event = response.event;
  await settled(starting.database);
  const db = prepDatabase();
  // A tab closed while typing in this meeting left its last keystrokes behind: show them.
  await recoverUnsavedEdits(db);
  const person = await findOrCreatePersonForEvent(db, {
    eventInstanceId: event.eventInstanceId,
    seriesId: event.seriesId,
    email: event.counterpart.email,
    displayName: event.counterpart.displayName ?? event.title,
    cadenceDays: await settled(starting.cadence),
  });
  const meeting = await findOrCreateMeeting(db, {
    personId: person.id,
    eventInstanceId: event.eventInstanceId,
    seriesId: event.seriesId,
    eid: event.eid,
    title: event.title,
    startsAt: event.startsAt,
  });
  // The first screen's reads run together; the live queries take over from there.
  const opening = openActionItems(db, person.id, []);
  const [meetings, previous, open, agreedHere] = await Promise.all([
    opening.then((items) => prepMeetings(db, person.id, meeting.startsAt, items)),
    previousNotes(db, person.id, meeting.startsAt),
    opening,
    actionItemsAgreedIn(db, meeting.id),
  ]);
  // Monthly deep dive and career talk come round on their own, unless the manager chose a kind.
  const earlier = meetings.filter((m) => m.startsAt < meeting.startsAt);
  const kind = await applyRuleKind(
    db,
    meeting.id,
    chooseMeetingKind({
      startsAt: meeting.startsAt,
      previousMeetings: earlier,
      rules: await settled(starting.rules),
    }),
  );
  return {
    event,
    person,
    meeting: { ...meeting, kind },
    meetings,
    previous,
    open,
    agreedHere,
  };
}

export function SidebarApp() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    loadFirstPrep().then(
      (first) => {
        if (!cancelled) setState({ status: "ready", ...first });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: "error", message: errorMessage(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) dismissSidebar();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  if (state.status === "loading") return <p className="quiet pad">Loading prep…</p>;
  if (state.status === "error")
    return (
      <p className="error pad" role="alert">
        {state.message}
      </p>
    );
  const { status: _, ...first } = state;
  return <PrepView first={first} />;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
