import { useId, useState } from "react";
import { checkpointsFrom, GROWTH_TEXT_MAX, type GrowthPlanFill } from "@/lib/db";
import { type PromotionConversation, promotionScript, promotionToPlan } from "@/lib/templates";
import { gapsOf, linesOf } from "./promotion-input";

const LEVEL_MAX = 200;

interface Props {
  /** the meeting's start: the plan is for its quarter */
  at: number;
  onUse: (fill: GrowthPlanFill) => void;
}

/**
 * The method's promotion conversation: say what the level expects, what they already do, and
 * the evidence still needed; then turn it into this quarter's plan. What is typed here is a
 * draft for the conversation and is not stored.
 */
export function PromotionHelper({ at, onUse }: Props) {
  const id = useId();
  const [level, setLevel] = useState("");
  const [expectations, setExpectations] = useState("");
  const [strengths, setStrengths] = useState("");
  const [gaps, setGaps] = useState("");
  const [error, setError] = useState<string>();

  const conversation: PromotionConversation = {
    level,
    expectations: linesOf(expectations),
    strengths: linesOf(strengths),
    gaps: gapsOf(gaps),
  };
  const started = [level, expectations, strengths, gaps].some((t) => t.trim());
  const hasSubstance = conversation.expectations.length > 0 || conversation.gaps.length > 0;

  const use = () => {
    if (level.trim().length > LEVEL_MAX) return setError(`Keep the level under ${LEVEL_MAX} characters.`);
    for (const [label, text] of [
      ["expectations", expectations],
      ["strengths", strengths],
      ["gaps", gaps],
    ] as const) {
      if (text.trim().length > GROWTH_TEXT_MAX)
        return setError(`The ${label} can be at most ${GROWTH_TEXT_MAX.toLocaleString("en")} characters.`);
    }
    if (!hasSubstance)
      return setError("Write what the role expects, or a gap with the evidence you need, first.");
    setError(undefined);
    // From the meeting (or today, within its quarter) so no checkpoint starts out overdue.
    const plan = promotionToPlan({ ...conversation, quarterStart: checkpointsFrom(at, Date.now()) });
    onUse(plan);
  };

  return (
    <details className="growth-promotion">
      <summary>Promotion conversation</summary>
      <p className="quiet">Be direct about expectations and evidence, then check progress monthly.</p>
      <label htmlFor={`${id}-level`}>Level</label>
      <input
        id={`${id}-level`}
        type="text"
        value={level}
        maxLength={LEVEL_MAX}
        placeholder="Senior Engineer"
        onChange={(e) => setLevel(e.target.value)}
      />
      <label htmlFor={`${id}-expects`}>The role expects (one per line)</label>
      <textarea
        id={`${id}-expects`}
        className="notes"
        rows={3}
        value={expectations}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={"Technical leadership\nMentoring\nCross-team influence"}
        onChange={(e) => setExpectations(e.target.value)}
      />
      <label htmlFor={`${id}-strengths`}>They already do well (one per line)</label>
      <textarea
        id={`${id}-strengths`}
        className="notes"
        rows={2}
        value={strengths}
        maxLength={GROWTH_TEXT_MAX}
        placeholder="Mentoring"
        onChange={(e) => setStrengths(e.target.value)}
      />
      <label htmlFor={`${id}-gaps`}>Gaps and the evidence you need (gap: evidence; evidence)</label>
      <textarea
        id={`${id}-gaps`}
        className="notes"
        rows={2}
        value={gaps}
        maxLength={GROWTH_TEXT_MAX}
        placeholder="Technical leadership: a design doc the team builds from; a rollout plan"
        onChange={(e) => setGaps(e.target.value)}
      />
      {started && (
        <figure className="growth-script">
          <figcaption className="quiet">What to say</figcaption>
          <p data-testid="promotion-script">{promotionScript(conversation)}</p>
        </figure>
      )}
      <button type="button" onClick={use}>
        Use as this quarter's plan
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
