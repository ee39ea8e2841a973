import { useLiveQuery } from "dexie-react-hooks";
import { useId, useMemo, useState } from "react";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import { purposeLabel } from "@/components/question-purposes";
import { useTemplates } from "@/components/useTemplates";
import { addAgendaItem, type Meeting, prepDatabase, questionsAskedWith, setQuestionAsked } from "@/lib/db";
import { questionLint, suggestQuestions } from "@/lib/questions";
import { CollapsibleSection } from "./CollapsibleSection";

interface Props {
  personId: string;
  meeting: Meeting;
  meetings: readonly Meeting[];
}

/**
 * Three open questions for this 1:1, rotated per person: nothing asked with them in their last
 * six meetings comes back. The same meeting shows the same three each time it is opened.
 */
export function QuestionsSection({ personId, meeting, meetings }: Props) {
  const db = prepDatabase();
  const asked = useLiveQuery(() => questionsAskedWith(db, personId), [personId]);
  // The user's own questions join the bank; waiting for them keeps the three from reshuffling.
  const { questions: bank, ready } = useTemplates();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [error, setError] = useState<string>();

  const suggestions = useMemo(
    () =>
      asked && ready
        ? suggestQuestions({
            bank,
            asked,
            personId,
            meetingsWithPerson: meetings,
            current: meeting,
            seed: meeting.id,
            exclude: dismissed,
          })
        : [],
    [asked, ready, bank, personId, meetings, meeting, dismissed],
  );
  if (!asked || !ready) return null;
  const askedHere = new Set(asked.filter((a) => a.meetingId === meeting.id).map((a) => a.questionId));

  const mark = (questionId: string, value: boolean) =>
    setQuestionAsked(db, { personId, meetingId: meeting.id, questionId }, value).then(
      () => setError(undefined),
      () => setError(t("common.couldNotSave")),
    );

  return (
    <CollapsibleSection id="questions" heading={t("sidebar.questionsHeading")}>
      <ul className="questions" data-testid="suggested-questions">
        {suggestions.map((q) => {
          const isAsked = askedHere.has(q.id);
          return (
            <li key={q.id} className={isAsked ? "asked" : undefined} data-question-id={q.id}>
              <span className="question-text">{q.text}</span>
              <span className="item-meta">
                <span>{purposeLabel(q.purpose)}</span>
                <button
                  type="button"
                  className="link"
                  aria-pressed={isAsked}
                  aria-label={isAsked ? t("sidebar.askedLabel", [q.text]) : t("sidebar.markAsked", [q.text])}
                  onClick={() => mark(q.id, !isAsked)}
                >
                  {isAsked ? t("sidebar.askedDone") : t("sidebar.asked")}
                </button>
                {!isAsked && (
                  <button
                    type="button"
                    className="link"
                    aria-label={t("sidebar.anotherQuestion", [q.text])}
                    onClick={() => setDismissed((list) => [...list, q.id])}
                  >
                    {t("sidebar.shuffle")}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <OwnQuestion personId={personId} meetingId={meeting.id} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </CollapsibleSection>
  );
}

/**
 * A question the manager writes, checked as they type: closed or leading ones get a hint to
 * open them up. It goes on the agenda under My items.
 */
function OwnQuestion({ personId, meetingId }: { personId: string; meetingId: string }) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const lint = questionLint(text, languageInUse());
  const add = () => {
    if (!text.trim()) return;
    addAgendaItem(prepDatabase(), { personId, meetingId, section: "mine", text }).then(
      () => {
        // Only clear what was saved: anything typed while the write was in flight stays.
        setText((current) => (current === text ? "" : current));
        setError(undefined);
      },
      (e: unknown) => setError(problemText(e, t("sidebar.couldNotAdd"))),
    );
  };
  return (
    <div className="field own-question">
      <label htmlFor={id}>{t("sidebar.ownQuestion")}</label>
      <div className="own-question-row">
        <input
          id={id}
          type="text"
          value={text}
          maxLength={1000}
          placeholder={t("sidebar.ownQuestionPlaceholder")}
          aria-describedby={lint.ok ? undefined : `${id}-lint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {t("sidebar.addToMine")}
        </button>
      </div>
      {!lint.ok && (
        <p id={`${id}-lint`} className="finding warn" data-lint={lint.code}>
          {lint.message} {lint.hint}
          {lint.rewrite && (
            <>
              {" "}
              <button type="button" className="link" onClick={() => setText(lint.rewrite ?? "")}>
                {t("sidebar.useSuggestion")}
              </button>
            </>
          )}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
