import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { formatDay } from "@/components/dates";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import {
  careerPlanFill,
  fillConflicts,
  fillGrowthPlan,
  type GrowthPlanFill,
  type GrowthPlanFillResult,
  GrowthPlanInputError,
  type GrowthPlanTextField,
  growthPlanOf,
  growthPlanTextFields,
  hasPlanText,
  type Meeting,
  prepDatabase,
  startGrowthPlan,
} from "@/lib/db";
import { nextCheckpoint, parseQuarter, quarterOf } from "@/lib/templates";
import { CollapsibleSection } from "./CollapsibleSection";
import { Checkpoints } from "./growth/Checkpoints";
import { checkpointState } from "./growth/checkpoint-text";
import { FillConfirm } from "./growth/FillConfirm";
import { fieldNames } from "./growth/field-names";
import { PlanTextField } from "./growth/PlanTextField";
import { PromotionHelper } from "./growth/PromotionHelper";

interface Props {
  personId: string;
  meeting: Meeting;
  name: string;
  now: number;
}

interface PendingFill {
  fill: GrowthPlanFill;
  source: string;
  conflicts: GrowthPlanTextField[];
}

/**
 * This quarter's growth plan, with the next checkpoint. A conversation's outcome fills empty
 * fields straight away; text the plan already has is replaced only after the manager says so.
 */
export function GrowthPlanSection({ personId, meeting, name, now }: Props) {
  const db = prepDatabase();
  const quarter = quarterOf(meeting.startsAt);
  // null once known to be missing, so it is told apart from still loading.
  const plan = useLiveQuery(
    () => growthPlanOf(db, personId, quarter).then((p) => p ?? null),
    [personId, quarter],
  );
  const [pending, setPending] = useState<PendingFill>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  if (plan === undefined) return null;

  const q = parseQuarter(quarter);
  const label = q ? t("sidebar.quarter", [String(q.quarter)]) : quarter;
  const fromCareer = careerPlanFill(meeting.answers);

  const failed = (e: unknown) =>
    setError(e instanceof GrowthPlanInputError ? problemText(e, "") : t("sidebar.growthNotSaved"));

  const apply = async (fill: GrowthPlanFill, source: string, replace: GrowthPlanTextField[] = []) => {
    try {
      const result = await fillGrowthPlan(db, personId, meeting.startsAt, fill, {
        replace,
        language: languageInUse(),
      });
      setPending(undefined);
      setError(undefined);
      setStatus(fillSummary(result, source));
    } catch (e) {
      failed(e);
    }
  };

  const offer = (fill: GrowthPlanFill, source: string) => {
    setStatus(undefined);
    const conflicts = fillConflicts(plan ?? undefined, fill);
    if (conflicts.length > 0) setPending({ fill, source, conflicts });
    else void apply(fill, source);
  };

  const start = () =>
    startGrowthPlan(db, personId, meeting.startsAt, Date.now(), languageInUse()).then(() => {
      setError(undefined);
      setStatus(undefined);
    }, failed);

  const next = plan ? nextCheckpoint(plan.checkpoints) : undefined;
  const nextState = next ? checkpointState(next, now) : undefined;

  return (
    <CollapsibleSection id="growth" heading={t("sidebar.growthHeading", [label])} className="growth">
      {plan ? (
        <>
          {next && nextState ? (
            <p
              className={`growth-summary growth-${nextState.urgency ?? next.status}`}
              data-testid="growth-next"
            >
              {t("sidebar.nextCheckpoint", [formatDay(next.dueAt, now), next.note])}{" "}
              <strong>({nextState.text})</strong>
            </p>
          ) : (
            <p className="quiet" data-testid="growth-next">
              {t("sidebar.noOpenCheckpoint", [name])}
            </p>
          )}
          {growthPlanTextFields.map((f) => (
            <PlanTextField key={`${plan.id}-${f}`} planId={plan.id} field={f} value={plan[f]} />
          ))}
          <Checkpoints plan={plan} now={now} />
        </>
      ) : (
        <div className="growth-empty">
          <p className="quiet">{t("sidebar.noPlanYet", [label])}</p>
          <button type="button" onClick={start}>
            {t("sidebar.startPlan")}
          </button>
        </div>
      )}

      {hasPlanText(fromCareer) ? (
        <p className="growth-actions">
          <button type="button" onClick={() => offer(fromCareer, t("sidebar.fromCareer"))}>
            {t("sidebar.fillFromCareer")}
          </button>
        </p>
      ) : (
        meeting.kind === "career" && <p className="quiet">{t("sidebar.answerCareerPlan")}</p>
      )}

      {pending && plan && (
        <FillConfirm
          plan={plan}
          fill={pending.fill}
          conflicts={pending.conflicts}
          source={pending.source}
          onReplace={() => void apply(pending.fill, pending.source, pending.conflicts)}
          onKeep={() => void apply(pending.fill, pending.source)}
          onCancel={() => setPending(undefined)}
        />
      )}

      <PromotionHelper at={meeting.startsAt} onUse={(fill) => offer(fill, t("sidebar.fromPromotion"))} />

      {status && (
        <p className="growth-status" role="status">
          {status}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </CollapsibleSection>
  );
}

function fillSummary(result: GrowthPlanFillResult, source: string): string {
  const { created, filled, kept, addedCheckpoints } = result;
  const sentences: string[] = [];
  if (created) {
    sentences.push(
      filled.length > 0 ? t("sidebar.startedWith", [fieldNames(filled), source]) : t("sidebar.started"),
    );
  } else if (filled.length > 0) {
    sentences.push(t("sidebar.filled", [fieldNames(filled), source]));
  }
  if (kept.length > 0) sentences.push(t("sidebar.keptOwn", [fieldNames(kept)]));
  if (!created && addedCheckpoints > 0) sentences.push(t("sidebar.addedCheckpoints", addedCheckpoints));
  return sentences.length > 0 ? sentences.join(" ") : t("sidebar.alreadySays", [source]);
}
