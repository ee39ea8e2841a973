import { ActionItemForm } from "@/components/ActionItemForm";
import { ActionItemRow } from "@/components/ActionItemRow";
import { t } from "@/components/i18n";
import { NotesEditor } from "@/components/NotesEditor";
import { SectionBoundary } from "@/components/SectionBoundary";
import type { ActionItem, Meeting } from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { AgendaSection } from "./AgendaSection";
import { DetectionControls } from "./DetectionControls";
import { FeedbackToGive } from "./FeedbackToGive";
import { GrowthPlanSection } from "./GrowthPlanSection";
import { GuideSection } from "./GuideSection";
import { OtherVersions } from "./OtherVersions";
import { QuestionsSection } from "./QuestionsSection";
import { StatusWarning } from "./StatusWarning";

interface Props {
  event: PrepEvent;
  personId: string;
  meeting: Meeting;
  meetings: Meeting[];
  agreedHere: ActionItem[];
  name: string;
  now: number;
  sample: boolean;
}

/** Everything below the open items and last time's notes, in the order a 1:1 needs it: loaded as its own chunk, so the first screen needs less script. */
export default function LaterSections({
  event,
  personId,
  meeting,
  meetings,
  agreedHere,
  name,
  now,
  sample,
}: Props) {
  const meetingId = meeting.id;
  return (
    <>
      <section className="section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("sidebar.notesHeading")}</h2>
        <OtherVersions meeting={meeting} />
        <NotesEditor meeting={meeting} label={t("sidebar.notesFor", [name])} />
        <StatusWarning meetingId={meetingId} notes={meeting.notes} />
      </section>

      <section className="section" aria-labelledby="agreed-heading">
        <h2 id="agreed-heading">{t("sidebar.actionItems")}</h2>
        {agreedHere.length > 0 && (
          <ul className="items" data-testid="agreed-items">
            {agreedHere.map((item) => (
              <ActionItemRow
                key={item.id}
                item={item}
                theirName={name}
                overdue={item.dueAt !== undefined && item.dueAt < now && !item.doneAt}
              />
            ))}
          </ul>
        )}
        <ActionItemForm personId={personId} meetingId={meetingId} theirName={name} />
      </section>

      <SectionBoundary name={t("sidebar.part.agenda")}>
        <AgendaSection personId={personId} meeting={meeting} name={name} now={now} />
      </SectionBoundary>

      <SectionBoundary name={t("sidebar.part.guide")}>
        <GuideSection personId={personId} meeting={meeting} now={now} />
      </SectionBoundary>

      <SectionBoundary name={t("sidebar.part.questions")}>
        <QuestionsSection personId={personId} meeting={meeting} meetings={meetings} />
      </SectionBoundary>

      <SectionBoundary name={t("sidebar.part.feedback")}>
        <FeedbackToGive personId={personId} meetingId={meetingId} name={name} now={now} />
      </SectionBoundary>

      <SectionBoundary name={t("sidebar.part.growth")}>
        <GrowthPlanSection personId={personId} meeting={meeting} name={name} now={now} />
      </SectionBoundary>

      {!sample && (
        <SectionBoundary name={t("sidebar.part.detection")}>
          <DetectionControls event={event} />
        </SectionBoundary>
      )}
    </>
  );
}
