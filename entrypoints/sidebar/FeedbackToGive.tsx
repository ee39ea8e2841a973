import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { formatDay } from "@/components/dates";
import { type Feedback, feedbackFor, prepDatabase, setFeedbackDelivered } from "@/lib/db";
import { CollapsibleSection } from "./CollapsibleSection";

const FOUR_WEEKS = 28 * 86_400_000;

interface Props {
  personId: string;
  meetingId: string;
  name: string;
  now: number;
}

/** SBI feedback queued from the popup for this person, to give in this 1:1. */
const valenceLabels = { reinforcing: "Reinforcing", redirecting: "Redirecting" } as const;

export function FeedbackToGive({ personId, meetingId, name, now }: Props) {
  const db = prepDatabase();
  const rows = useLiveQuery(() => feedbackFor(db, personId), [personId]);
  const [error, setError] = useState<string>();
  if (!rows) return null;

  const toGive = rows
    .filter((f) => f.deliveredAt === undefined || f.deliveredMeetingId === meetingId)
    .sort((a, b) => a.createdAt - b.createdAt);
  const lastDelivered = Math.max(0, ...rows.map((f) => f.deliveredAt ?? 0));

  const mark = (f: Feedback, delivered: boolean) =>
    setFeedbackDelivered(db, f.id, delivered ? meetingId : undefined).then(
      () => setError(undefined),
      () => setError("Couldn't save. Try again."),
    );

  return (
    <CollapsibleSection id="feedback" heading="Feedback to give">
      {toGive.length === 0 ? (
        <p className="quiet" data-testid="feedback-prompt">
          {now - lastDelivered > FOUR_WEEKS
            ? `No feedback for ${name} in four weeks. What did they do lately that you'd like to see more of?`
            : "Nothing queued. Capture feedback from the toolbar button when you notice something."}
        </p>
      ) : (
        <ul className="items" data-testid="feedback-queue">
          {toGive.map((f) => {
            const delivered = f.deliveredAt !== undefined;
            return (
              <li key={f.id} className={`sbi${delivered ? " done" : ""}`}>
                <p className="sbi-text">
                  <span className={`valence-tag valence-${f.valence}`}>{valenceLabels[f.valence]}</span>{" "}
                  <strong>Situation:</strong> {f.situation} <strong>Behavior:</strong> {f.behavior}{" "}
                  <strong>Impact:</strong> {f.impact}
                  {f.request && (
                    <>
                      {" "}
                      <strong>Request:</strong> {f.request}
                    </>
                  )}
                </p>
                <p className="item-meta">
                  <span>noted {formatDay(f.createdAt, now)}</span>
                  <button type="button" className="link" onClick={() => mark(f, !delivered)}>
                    {delivered ? "Undo delivered" : "Mark delivered"}
                  </button>
                  {delivered && <span>delivered in this 1:1</span>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </CollapsibleSection>
  );
}
