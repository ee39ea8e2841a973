import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import {
  actionItemsAgreedIn,
  applyRuleKind,
  earlierPeopleOfEvent,
  findOrCreateMeeting,
  findOrCreatePersonForEvent,
  openActionItems,
  openPrepDatabase,
  prepDatabase,
  prepMeetings,
  previousNotes,
  recoverUnsavedEdits,
} from "@/lib/db";
import {
  type ContextResponse,
  contextResponseSchema,
  type PrepEvent,
  type SidebarMessage,
} from "@/lib/messaging";
import { readDefaultCadence, readMeetingKindRules, setMyEmail } from "@/lib/settings";
import { chooseMeetingKind } from "@/lib/templates";
import { dismissSidebar, errorMessage, frame, nextShownKey } from "./frame";
import { type FirstPrep, PrepView } from "./PrepView";

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "unidentified"; title: string }
  | { status: "choose"; candidates: Candidate[] }
  | ({ status: "ready" } & FirstPrep);

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

/** How long a refused ask waits for a later "you are shown" before the refusal is shown. */
const REFUSAL_SHOWN_AFTER_MS = 3000;

/**
 * Waits until the content script shows this frame, then asks the background for its event. A
 * refusal (a page posting a made-up key first) waits a moment for the real one before it stands.
 */
async function contextWhenShown(): Promise<ContextResponse | undefined> {
  let refused: ContextResponse | undefined;
  for (;;) {
    const key = await nextShownKey(refused ? REFUSAL_SHOWN_AFTER_MS : undefined);
    if (key === undefined) return refused;
    const message: SidebarMessage = { type: "prep:context", frame, key };
    const response = contextResponseSchema.safeParse(await browser.runtime.sendMessage(message));
    if (!response.success) return undefined;
    if (response.data.ok) return response.data;
    refused = response.data;
  }
}

// Started as this module loads, before React's first render: the frame's event from the
// background, the database connection and the two settings the prep needs do not wait on each other.
const starting = {
  context: early(() => contextWhenShown()),
  database: early(() => openPrepDatabase()),
  cadence: early(() => readDefaultCadence()),
  rules: early(() => readMeetingKindRules()),
};

/** Asks the background which event this frame belongs to, then opens that meeting's record. */
type Candidate = NonNullable<PrepEvent["candidates"]>[number];

async function loadFirstPrep(): Promise<FirstPrep | { unidentified: string } | { choose: Candidate[] }> {
  const response = await settled(starting.context);
  if (!response) throw new Error("Open the event in Google Calendar to see its prep.");
  if (!response.ok) throw new Error(response.error);
  const event = response.event;
  // Notes filed under a guess could be another event's: say so, and file nothing.
  if (event.unidentified) return { unidentified: event.title };
  // Two guests and no telling which is the manager: ask, rather than file notes under a guess.
  if (event.candidates && !event.counterpart.email) return { choose: event.candidates };
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
    ...(event.formerEventInstanceId ? { formerEventInstanceId: event.formerEventInstanceId } : {}),
    seriesId: event.seriesId,
    eid: event.eid,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  });
  // The first screen's reads run together; the live queries take over from there.
  const opening = openActionItems(db, person.id, []);
  const [meetings, previous, open, agreedHere, earlierWith] = await Promise.all([
    opening.then((items) => prepMeetings(db, person.id, meeting.startsAt, items)),
    previousNotes(db, person.id, meeting.startsAt),
    opening,
    actionItemsAgreedIn(db, meeting.id),
    earlierPeopleOfEvent(db, event.eventInstanceId, person.id),
  ]);
  // Monthly deep dive and career talk come round on their own, unless the manager chose a kind.
  const earlier = meetings.filter((m) => m.startsAt < meeting.startsAt);
  const kind = await applyRuleKind(
    db,
    meeting.id,
    chooseMeetingKind({
      startsAt: meeting.startsAt,
      title: event.title,
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
    earlierWith,
  };
}

export function SidebarApp() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    loadFirstPrep().then(
      (first) => {
        if (cancelled) return;
        setState(
          "unidentified" in first
            ? { status: "unidentified", title: first.unidentified }
            : "choose" in first
              ? { status: "choose", candidates: first.choose }
              : { status: "ready", ...first },
        );
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
  if (state.status === "unidentified")
    return (
      <p className="pad" role="status" data-testid="unidentified-event">
        Google Calendar doesn't show which event this is (no event id and no start time), so 1:1 Prep can't
        tell it apart from other events called "{state.title}". To keep notes from landing on the wrong one,
        nothing is shown or saved here. Open the event from the calendar grid or its own page to see its prep.
      </p>
    );
  if (state.status === "choose") return <ChooseCounterpart candidates={state.candidates} />;
  const { status: _, ...first } = state;
  return <PrepView first={first} />;
}

const nameOf = (candidate: Candidate) => candidate.displayName ?? candidate.email ?? "Unnamed guest";

/**
 * The page doesn't show which guest is the manager. Choosing the report records the other as the
 * manager's own address, once: the page then opens the prep for the report, and never asks again.
 */
function ChooseCounterpart({ candidates }: { candidates: Candidate[] }) {
  const [error, setError] = useState<string>();
  const choose = (report: Candidate) => {
    const me = candidates.find((c) => c !== report);
    if (!me?.email) {
      setError("The other guest shows no email address, so 1:1 Prep can't tell which one is you.");
      return;
    }
    setMyEmail(me.email).catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <section className="pad" aria-labelledby="choose-heading">
      <h1 id="choose-heading">Who is this 1:1 with?</h1>
      <p>
        Google Calendar doesn't show which of the two guests is you. Choose the other person; nothing is shown
        or saved until you do, and you won't be asked again.
      </p>
      <div className="action-form-row">
        {candidates.map((candidate) => (
          <button
            key={candidate.email ?? candidate.displayName}
            type="button"
            title={candidate.email}
            onClick={() => choose(candidate)}
          >
            {nameOf(candidate)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
