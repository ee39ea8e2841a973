import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { ActionItemRow } from "@/components/ActionItemRow";
import { cadenceWords } from "@/components/cadence-words";
import { formatDay, formatSpan } from "@/components/dates";
import { t } from "@/components/i18n";
import { useChunk } from "@/components/useChunk";
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
import { carryOverItems, daysLate, lastMet } from "@/lib/prep";
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
const loadLaterSections = () => laterSections;

function listNames(people: readonly Person[]): string {
  const names = people.map((p) => p.displayName);
  return names.length <= 1
    ? (names[0] ?? "")
    : t("common.list", [names.slice(0, -1).join(", "), names.at(-1) ?? ""]);
}

/** "Meets weekly · 2 days late", in the pages' language. */
function cadenceStatus(cadenceDays: number, lastAt: number | undefined, at: number): string {
  const often = cadenceWords(cadenceDays);
  const late = daysLate(cadenceDays, lastAt, at);
  if (late === undefined) return t("sidebar.meets", [often]);
  if (late === 0) return t("sidebar.meetsOnTime", [often]);
  return t("sidebar.daysLate", late, [String(late), often]);
}

/** `sample`: the built-in sample week, shown on a page of its own: nothing to close, no detection choices. */
export function PrepView({ first, sample = false }: { first: FirstPrep; sample?: boolean }) {
  const { event } = first;
  const personId = first.person.id;
  const meetingId = first.meeting.id;
  const db = prepDatabase();
  const LaterSections = useChunk(loadLaterSections)?.default;
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

  if (!person || !meeting) return <p className="quiet pad">{t("sidebar.loading")}</p>;

  const now = Date.now();
  const last = lastMet(meetings, meeting);
  const carried = carryOverItems(open, meetings, meeting, now, new Set(tickedHere));
  const stillOpen = carried.filter((c) => c.item.doneAt === undefined).length;
  const name = person.displayName;

  return (
    <main className="prep" aria-label={t("sidebar.prepWith", [name])}>
      <header className="prep-header">
        <div>
          <h1 className="one-line" title={t("sidebar.oneOnOneWith", [name])}>
            {t("sidebar.oneOnOneWith", [name])}
          </h1>
          <p className="quiet">
            {last
              ? t("sidebar.lastMet", [formatDay(last.startsAt), formatSpan(last.startsAt, meeting.startsAt)])
              : t("sidebar.firstWith", [name])}
            {" · "}
            {formatDay(meeting.startsAt)}
          </p>
          <p className="quiet" data-testid="cadence-status">
            {cadenceStatus(person.cadenceDays, last?.startsAt, meeting.startsAt)}
          </p>
          <MeetingKindPicker meeting={meeting} />
          <MeetingStatusPicker meeting={meeting} now={now} />
        </div>
        {!sample && (
          <button type="button" className="icon" aria-label={t("sidebar.closePrep")} onClick={dismissSidebar}>
            ×
          </button>
        )}
      </header>
      {earlierWith.length > 0 && (
        <p className="notice" role="status" data-testid="earlier-guest">
          {earlierWith.length === 1
            ? t("sidebar.earlierOne", [listNames(earlierWith), earlierWith[0]?.displayName ?? "", name])
            : t("sidebar.earlierMany", [listNames(earlierWith), name])}
        </p>
      )}
      {coachHere && (
        <p className="hint" data-testid="coaching">
          {t("sidebar.coaching", [name])}
        </p>
      )}

      <section className="section" aria-labelledby="open-items">
        <h2 id="open-items">
          {stillOpen > 0 ? t("sidebar.stillOpenCount", [String(stillOpen)]) : t("sidebar.stillOpen")}
        </h2>
        {carried.length === 0 ? (
          <p className="quiet">{last ? t("sidebar.nothingOpen") : t("sidebar.nothingCarried")}</p>
        ) : (
          <ul className="items" data-testid="open-items">
            {carried.map((c) => (
              <ActionItemRow
                key={c.item.id}
                item={c.item}
                theirName={name}
                detail={t("sidebar.openSince", c.meetingsOpen, [
                  String(c.meetingsOpen),
                  formatDay(c.openSince),
                ])}
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
          heading={t("sidebar.lastNotes", [formatDay(previous.startsAt)])}
        >
          <p className="previous-notes" data-testid="previous-notes">
            {previous.notes}
          </p>
        </CollapsibleSection>
      )}

      {LaterSections ? (
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
      ) : null}
    </main>
  );
}
