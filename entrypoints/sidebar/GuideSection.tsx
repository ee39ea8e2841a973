import { useLiveQuery } from "dexie-react-hooks";
import { useId, useState } from "react";
import { formatDay } from "@/components/dates";
import { t } from "@/components/i18n";
import { SavingTextarea } from "@/components/SavingTextarea";
import { Sparkline } from "@/components/Sparkline";
import { useTemplates } from "@/components/useTemplates";
import { happinessReadings, type Meeting, prepDatabase, setHappiness } from "@/lib/db";
import { guideIn } from "@/lib/settings";
import { type GuidePrompt, HAPPINESS_MAX, HAPPINESS_MIN } from "@/lib/templates";
import { CollapsibleSection } from "./CollapsibleSection";

interface Props {
  personId: string;
  meeting: Meeting;
  now: number;
}

/** The monthly deep dive's or the career conversation's prompts, answered per meeting. */
export function GuideSection({ personId, meeting, now }: Props) {
  const guide = guideIn(useTemplates(), meeting.kind);
  if (!guide) return null;
  return (
    <CollapsibleSection
      id={`guide-${guide.kind}`}
      heading={guide.title}
      className="guide"
      testId={`guide-${guide.kind}`}
    >
      <p className="quiet">{guide.intro}</p>
      {guide.sections.map((section) => (
        <div key={section.key} className="guide-part">
          <h3>{section.title}</h3>
          {section.prompts.map((prompt) =>
            prompt.kind === "score" ? (
              <HappinessScore
                key={prompt.id}
                prompt={prompt}
                personId={personId}
                meeting={meeting}
                now={now}
              />
            ) : (
              <Answer key={prompt.id} prompt={prompt} meeting={meeting} />
            ),
          )}
        </div>
      ))}
    </CollapsibleSection>
  );
}

function Answer({ prompt, meeting }: { prompt: GuidePrompt; meeting: Meeting }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{prompt.text}</label>
      <SavingTextarea
        id={id}
        rows={2}
        maxLength={20_000}
        placeholder={prompt.hint}
        value={meeting.answers[prompt.id] ?? ""}
        target={{ kind: "answer", meetingId: meeting.id, promptId: prompt.id }}
      />
    </div>
  );
}

/** 1–10, kept on the meeting, with the person's trend over their last 12 readings. */
function HappinessScore({ prompt, personId, meeting, now }: Props & { prompt: GuidePrompt }) {
  const name = useId();
  const [error, setError] = useState<string>();
  // Show the pick at once; the live query confirms it a moment later.
  const [picked, setPicked] = useState<number | null>();
  const current = picked === undefined ? meeting.happiness : (picked ?? undefined);
  if (picked !== undefined && (picked ?? undefined) === meeting.happiness) setPicked(undefined);
  const readings = useLiveQuery(
    () => happinessReadings(prepDatabase(), personId, Math.max(now, meeting.startsAt)),
    [personId, now, meeting.startsAt],
  );
  const scores = Array.from({ length: HAPPINESS_MAX - HAPPINESS_MIN + 1 }, (_, i) => HAPPINESS_MIN + i);
  const set = (value: number | undefined) => {
    setPicked(value ?? null);
    setHappiness(prepDatabase(), meeting.id, value).then(
      () => setError(undefined),
      () => {
        setPicked(undefined);
        setError(t("sidebar.scoreNotSaved"));
      },
    );
  };
  return (
    <fieldset className="happiness">
      <legend>{prompt.text}</legend>
      <div className="happiness-scale">
        {scores.map((score) => (
          <label key={score} className={current === score ? "chosen" : undefined}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={current === score}
              onChange={() => set(score)}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      {current !== undefined && (
        <button type="button" className="link" onClick={() => set(undefined)}>
          {t("sidebar.clearScore")}
        </button>
      )}
      {readings && readings.length === 1 && (
        <p className="quiet" data-testid="happiness-trend">
          {t("sidebar.lastReading", [
            readings.map((r) => `${r.happiness} (${formatDay(r.startsAt, now)})`).join(""),
          ])}
        </p>
      )}
      {readings && readings.length > 1 && (
        <p className="quiet" data-testid="happiness-trend">
          {t("sidebar.trend")}{" "}
          <Sparkline
            values={readings.map((r) => r.happiness)}
            min={HAPPINESS_MIN}
            max={HAPPINESS_MAX}
            label={t("sidebar.happinessReadings", [String(readings.length)])}
          />{" "}
          {readings.map((r) => `${r.happiness} (${formatDay(r.startsAt, now)})`).join(" · ")}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
