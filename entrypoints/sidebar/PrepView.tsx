import { formatDistanceStrict } from "date-fns";
import { useLiveQuery } from "dexie-react-hooks";
import { lazy, Suspense, useState } from "react";
import { ActionItemRow } from "@/components/ActionItemRow";
import { formatDay } from "@/components/dates";
import {
  type ActionItem,
  actionItemsAgreedIn,
  earlierPeopleOfEvent,
  type Meeting,
  meetingById,
  openActionItems,
  type Person,
  personById,
  prepDatabase,
  prepMeetings,
  previousNotes,
} from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { cadenceLine, carryOverItems, lastMet } from "@/lib/prep";
import { CollapsibleSection } from "./CollapsibleSection";
import { useFirstTimeFor } from "./first-time";
import { dismissSidebar } from "./frame";
import { MeetingKindPicker } from "./MeetingKindPicker";
import { MeetingStatusPicker } from "./MeetingStatusPicker";

/** What the first screen shows, read once before it renders; live queries keep it current. */
export interface FirstPrep {
  event: PrepEvent;
  person: Person;
  meeting: Meeting;
  meetings: Meeting[];
  previous: Meeting | undefined;
  open: ActionItem[];
  agreedHere: ActionItem[];
  /** people this event was with before, whose notes for it stay with them */
  earlierWith: Person[];
}

// The sections below the open items load while the first screen paints.
const laterSections = import("./LaterSections");
const LaterSections = lazy(() => laterSections);

function listNames(people: readonly Person[]): string {
  const names = people.map((p) => p.displayName);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** `sample`: the built-in sample week, shown on a page of its own: nothing to close, no detection choices. */
export function PrepView({ first, sample = false }: { first: FirstPrep; sample?: boolean }) {
  const { event } = first;
  const personId = first.person.id;
  const meetingId = first.meeting.id;
  const db = prepDatabase();
  const person = useLiveQuery(() => personById(db, personId), [personId], first.person);
  const meeting = useLiveQuery(() => meetingById(db, meetingId), [meetingId], first.meeting);
  // Live, not only read at opening: the earlier guest's last words may still be on their way into
  // the database (from a tab or dialog closed a moment ago) when this prep opens.
  const earlierWith = useLiveQuery(
    () => earlierPeopleOfEvent(db, event.eventInstanceId, personId),
    [event.eventInstanceId, personId],
    first.earlierWith,
  );
  const startsAt = meeting?.startsAt;
  const previous = useLiveQuery(
    () => (startsAt === undefined ? undefined : previousNotes(db, personId, startsAt)),
    [personId, startsAt],
    first.previous,
  );
  // Items ticked here stay on screen until the prep is next opened, so a tick can be undone.
  const [tickedHere, setTickedHere] = useState<string[]>([]);
  const open = useLiveQuery(
    () => openActionItems(db, personId, tickedHere),
    [personId, tickedHere],
    first.open,
  );
  const agreedHere = useLiveQuery(() => actionItemsAgreedIn(db, meetingId), [meetingId], first.agreedHere);
  // Only as far back as the open items and the last few meetings reach, not years of notes.
  const meetings = useLiveQuery(
    () => prepMeetings(db, personId, startsAt ?? first.meeting.startsAt, open),
    [personId, startsAt, open],
    first.meetings,
  );

  const coachHere = useFirstTimeFor("coaching", personId);

  if (!person || !meeting) return <p className="quiet pad">Loading prep…</p>;

  const now = Date.now();
  const last = lastMet(meetings, meeting);
  const carried = carryOverItems(open, meetings, meeting, now, new Set(tickedHere));
  const stillOpen = carried.filter((c) => c.item.doneAt === undefined).length;
  const name = person.displayName;

  return (
    <main className="prep" aria-label={`1:1 prep with ${name}`}>
      <header className="prep-header">
        <div>
          <h1 className="one-line" title={`1:1 with ${name}`}>
            1:1 with {name}
          </h1>
          <p className="quiet">
            {last ? (
              <>
                Last met {formatDay(last.startsAt)} ({formatDistanceStrict(last.startsAt, meeting.startsAt)}{" "}
                before)
              </>
            ) : (
              <>First 1:1 with {name} here</>
            )}
            {" · "}
            {formatDay(meeting.startsAt)}
          </p>
          <p className="quiet" data-testid="cadence-status">
            {cadenceLine(person.cadenceDays, last?.startsAt, meeting.startsAt)}
          </p>
          <MeetingKindPicker meeting={meeting} />
          <MeetingStatusPicker meeting={meeting} now={now} />
        </div>
        {!sample && (
          <button type="button" className="icon" aria-label="Close prep (Escape)" onClick={dismissSidebar}>
            ×
          </button>
        )}
      </header>
      {earlierWith.length > 0 && (
        <p className="notice" role="status" data-testid="earlier-guest">
          This event was with {listNames(earlierWith)} before.{" "}
          {earlierWith.length === 1
            ? `${earlierWith[0]?.displayName}'s notes stay in their own prep`
            : "Their notes stay in their own prep"}
          ; these are {name}'s.
        </p>
      )}
      {coachHere && (
        <p className="hint" data-testid="coaching">
          A 1:1 is about {name}, not the project: their agenda first.
        </p>
      )}

      <section className="section" aria-labelledby="open-items">
        <h2 id="open-items">Still open{stillOpen > 0 ? ` (${stillOpen})` : ""}</h2>
        {carried.length === 0 ? (
          <p className="quiet">
            {last ? "Nothing open from earlier meetings." : "Nothing carried over yet."}
          </p>
        ) : (
          <ul className="items" data-testid="open-items">
            {carried.map((c) => (
              <ActionItemRow
                key={c.item.id}
                item={c.item}
                theirName={name}
                detail={`open since ${formatDay(c.openSince)}, ${c.meetingsOpen} ${c.meetingsOpen === 1 ? "meeting" : "meetings"}`}
                overdue={c.overdue}
                onToggled={(item) =>
                  setTickedHere((ids) => (ids.includes(item.id) ? ids : [...ids, item.id]))
                }
              />
            ))}
          </ul>
        )}
      </section>

      {previous && (
        <CollapsibleSection
          id="previous-notes"
          heading={`Last time's notes · ${formatDay(previous.startsAt)}`}
        >
          <p className="previous-notes" data-testid="previous-notes">
            {previous.notes}
          </p>
        </CollapsibleSection>
      )}

      <Suspense fallback={null}>
        <LaterSections
          event={event}
          personId={personId}
          meeting={meeting}
          meetings={meetings}
          agreedHere={agreedHere}
          name={name}
          now={now}
          sample={sample}
        />
      </Suspense>
    </main>
  );
}
