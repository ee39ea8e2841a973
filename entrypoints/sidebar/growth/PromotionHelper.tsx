import { useId, useState } from "react";
import { languageInUse, localeInUse, t } from "@/components/i18n";
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
    if (level.trim().length > LEVEL_MAX) return setError(t("sidebar.levelTooLong", [String(LEVEL_MAX)]));
    const most = GROWTH_TEXT_MAX.toLocaleString(localeInUse());
    for (const [tooLong, text] of [
      [() => t("sidebar.expectationsTooLong", [most]), expectations],
      [() => t("sidebar.strengthsTooLong", [most]), strengths],
      [() => t("sidebar.gapsTooLong", [most]), gaps],
    ] as const) {
      if (text.trim().length > GROWTH_TEXT_MAX) return setError(tooLong());
    }
    if (!hasSubstance) return setError(t("sidebar.writeExpectations"));
    setError(undefined);
    // From the meeting (or today, within its quarter) so no checkpoint starts out overdue.
    const plan = promotionToPlan(
      { ...conversation, quarterStart: checkpointsFrom(at, Date.now()) },
      languageInUse(),
    );
    onUse(plan);
  };

  return (
    <details className="growth-promotion">
      <summary>{t("sidebar.promotionHeading")}</summary>
      <p className="quiet">{t("sidebar.promotionIntro")}</p>
      <label htmlFor={`${id}-level`}>{t("sidebar.level")}</label>
      <input
        id={`${id}-level`}
        type="text"
        value={level}
        maxLength={LEVEL_MAX}
        placeholder={t("sidebar.levelPlaceholder")}
        onChange={(e) => setLevel(e.target.value)}
      />
      <label htmlFor={`${id}-expects`}>{t("sidebar.roleExpects")}</label>
      <textarea
        id={`${id}-expects`}
        className="notes"
        rows={3}
        value={expectations}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={t("sidebar.roleExpectsPlaceholder")}
        onChange={(e) => setExpectations(e.target.value)}
      />
      <label htmlFor={`${id}-strengths`}>{t("sidebar.doWell")}</label>
      <textarea
        id={`${id}-strengths`}
        className="notes"
        rows={2}
        value={strengths}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={t("sidebar.doWellPlaceholder")}
        onChange={(e) => setStrengths(e.target.value)}
      />
      <label htmlFor={`${id}-gaps`}>{t("sidebar.gaps")}</label>
      <textarea
        id={`${id}-gaps`}
        className="notes"
        rows={2}
        value={gaps}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={t("sidebar.gapsPlaceholder")}
        onChange={(e) => setGaps(e.target.value)}
      />
      {started && (
        <figure className="growth-script">
          <figcaption className="quiet">{t("sidebar.whatToSay")}</figcaption>
          <p data-testid="promotion-script">{promotionScript(conversation, languageInUse())}</p>
        </figure>
      )}
      <button type="button" onClick={use}>
        {t("sidebar.usePlan")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
