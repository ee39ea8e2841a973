import { formatDistanceStrict } from "date-fns";
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { ActionItemForm } from "@/components/ActionItemForm";
import { ActionItemRow } from "@/components/ActionItemRow";
import { formatDay } from "@/components/dates";
import { NotesEditor } from "@/components/NotesEditor";
import { actionItemsAgreedIn, meetingsOf, openActionItems, prepDatabase, previousNotes } from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { carryOverItems, lastMet } from "@/lib/prep";
import { AgendaSection } from "./AgendaSection";
import { DetectionControls } from "./DetectionControls";
import { FeedbackToGive } from "./FeedbackToGive";
import { GrowthPlanSection } from "./GrowthPlanSection";
import { GuideSection } from "./GuideSection";
import { MeetingKindPicker } from "./MeetingKindPicker";
import { QuestionsSection } from "./QuestionsSection";
import { dismissSidebar, flushNotes } from "./SidebarApp";
import { StatusWarning } from "./StatusWarning";

interface Props {
  event: PrepEvent;
  personId: string;
  meetingId: string;
}

export function PrepView({ event, personId, meetingId }: Props) {
  const db = prepDatabase();
  const person = useLiveQuery(() => db.people.get(personId), [personId]);
  const meeting = useLiveQuery(() => db.meetings.get(meetingId), [meetingId]);
  const meetings = useLiveQuery(() => meetingsOf(db, personId), [personId]);
  const startsAt = meeting?.startsAt;
  const previous = useLiveQuery(
    () => (startsAt === undefined ? undefined : previousNotes(db, personId, startsAt)),
    [personId, startsAt],
  );
  // Items ticked here stay on screen until the prep is next opened, so a tick can be undone.
  const [tickedHere, setTickedHere] = useState<string[]>([]);
  const open = useLiveQuery(() => openActionItems(db, personId, tickedHere), [personId, tickedHere]);
  const agreedHere = useLiveQuery(() => actionItemsAgreedIn(db, meetingId), [meetingId]);

  if (!person || !meeting || !meetings || !open || !agreedHere)
    return <p className="quiet pad">Loading prep…</p>;

  const now = Date.now();
  const last = lastMet(meetings, meeting);
  const carried = carryOverItems(open, meetings, meeting, now, new Set(tickedHere));
  const stillOpen = carried.filter((c) => c.item.doneAt === undefined).length;
  const name = person.displayName;

  return (
    <main className="prep" aria-label={`1:1 prep with ${name}`}>
      <header className="prep-header">
        <div>
          <h1>1:1 with {name}</h1>
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
          <MeetingKindPicker meeting={meeting} />
        </div>
        <button type="button" className="icon" aria-label="Close prep (Escape)" onClick={dismissSidebar}>
          ×
        </button>
      </header>
      <p className="hint">A 1:1 is about {name}, not the project: their agenda first.</p>
      <StatusWarning meetingId={meetingId} notes={meeting.notes} />

      {previous && (
        <details className="section" open>
          <summary>
            <h2>Last time's notes · {formatDay(previous.startsAt)}</h2>
          </summary>
          <p className="previous-notes" data-testid="previous-notes">
            {previous.notes}
          </p>
        </details>
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

      <AgendaSection personId={personId} meeting={meeting} name={name} now={now} />

      <GuideSection personId={personId} meeting={meeting} now={now} />

      <QuestionsSection personId={personId} meeting={meeting} meetings={meetings} />

      <section className="section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes for this meeting</h2>
        <NotesEditor
          meeting={meeting}
          label={`Notes for the 1:1 with ${name}`}
          onUnsavedAtExit={(edit) => flushNotes(meetingId, edit)}
        />
      </section>

      <section className="section" aria-labelledby="agreed-heading">
        <h2 id="agreed-heading">Action items</h2>
        {agreedHere.length > 0 && (
          <ul className="items" data-testid="agreed-items">
            {agreedHere.map((item) => (
              <ActionItemRow
                key={item.id}
                item={item}
                overdue={item.dueAt !== undefined && item.dueAt < now && !item.doneAt}
              />
            ))}
          </ul>
        )}
        <ActionItemForm personId={personId} meetingId={meetingId} theirName={name} />
      </section>

      <FeedbackToGive personId={personId} meetingId={meetingId} name={name} now={now} />

      <GrowthPlanSection personId={personId} meeting={meeting} name={name} now={now} />

      <DetectionControls event={event} />
    </main>
  );
}
