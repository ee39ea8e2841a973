import { useLiveQuery } from "dexie-react-hooks";
import { t } from "@/components/i18n";
import { SectionBoundary } from "@/components/SectionBoundary";
import { useTemplates } from "@/components/useTemplates";
import { agendaFor, type Meeting, prepDatabase } from "@/lib/db";
import { agendaNudge } from "@/lib/prep";
import { fitTimeBoxes, meetingMinutes, plannedMinutes } from "@/lib/templates";
import { AgendaPart } from "./agenda/AgendaPart";
import { MeetingTimer } from "./agenda/MeetingTimer";

interface Props {
  personId: string;
  meeting: Meeting;
  name: string;
  now: number;
}

/**
 * The weekly template's agenda, as the user has worded it: their items first, its time boxes
 * fitted to the event's length when the calendar showed one.
 */
export function AgendaSection({ personId, meeting, name, now }: Props) {
  const db = prepDatabase();
  const weekly = fitTimeBoxes(useTemplates().weekly, meetingMinutes(meeting.startsAt, meeting.endsAt));
  const entries = useLiveQuery(
    () => agendaFor(db, { id: meeting.id, personId, startsAt: meeting.startsAt }),
    [meeting.id, personId, meeting.startsAt],
  );
  const heading = <h2 id="agenda-heading">{t("sidebar.agendaHeading", [String(plannedMinutes(weekly))])}</h2>;
  // Its place is kept while the items load, so the sections below don't jump down when they come.
  if (!entries)
    return (
      <section className="section agenda" aria-labelledby="agenda-heading" aria-busy="true">
        {heading}
      </section>
    );
  // The nudge is the method's advice in the pages' language; lib/prep only says when it is due.
  const nudge = agendaNudge(entries) ? t("sidebar.agendaNudge") : undefined;

  return (
    <section className="section agenda" aria-labelledby="agenda-heading">
      {heading}
      <SectionBoundary name={t("sidebar.part.timer")}>
        <MeetingTimer meetingId={meeting.id} personId={personId} name={name} sections={weekly.sections} />
      </SectionBoundary>
      {nudge && (
        <p className="agenda-nudge" role="status" data-testid="agenda-nudge">
          {nudge}
        </p>
      )}
      {weekly.sections.map((section) => (
        <AgendaPart
          key={section.key}
          section={section}
          entries={entries.filter((e) => e.item.section === section.key)}
          personId={personId}
          meetingId={meeting.id}
          now={now}
        />
      ))}
    </section>
  );
}
