import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { formatDay } from "@/components/dates";
import { t } from "@/components/i18n";
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
const valenceLabel = (valence: Feedback["valence"]) =>
  valence === "reinforcing" ? t("sidebar.reinforcing") : t("sidebar.redirecting");

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
      () => setError(t("common.couldNotSave")),
    );

  return (
    <CollapsibleSection id="feedback" heading={t("sidebar.feedbackHeading")}>
      {toGive.length === 0 ? (
        <p className="quiet" data-testid="feedback-prompt">
          {now - lastDelivered > FOUR_WEEKS
            ? t("sidebar.noFeedbackInFourWeeks", [name])
            : t("sidebar.nothingQueued")}
        </p>
      ) : (
        <ul className="items" data-testid="feedback-queue">
          {toGive.map((f) => {
            const delivered = f.deliveredAt !== undefined;
            return (
              <li key={f.id} className={`sbi${delivered ? " done" : ""}`}>
                <p className="sbi-text">
                  <span className={`valence-tag valence-${f.valence}`}>{valenceLabel(f.valence)}</span>{" "}
                  <strong>{t("sidebar.situation")}</strong> {f.situation}{" "}
                  <strong>{t("sidebar.behavior")}</strong> {f.behavior} <strong>{t("sidebar.impact")}</strong>{" "}
                  {f.impact}
                  {f.request && (
                    <>
                      {" "}
                      <strong>{t("sidebar.request")}</strong> {f.request}
                    </>
                  )}
                </p>
                <p className="item-meta">
                  <span>{t("sidebar.noted", [formatDay(f.createdAt, now)])}</span>
                  <button type="button" className="link" onClick={() => mark(f, !delivered)}>
                    {delivered ? t("sidebar.undoDelivered") : t("sidebar.markDelivered")}
                  </button>
                  {delivered && <span>{t("sidebar.deliveredHere")}</span>}
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
