import { type FormEvent, useId, useState } from "react";
import { dueAtFromDateInput, formatDay } from "@/components/dates";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import {
  addGrowthCheckpoint,
  GROWTH_TEXT_MAX,
  type GrowthPlan,
  GrowthPlanInputError,
  prepDatabase,
  removeGrowthCheckpoint,
  setGrowthCheckpointStatus,
} from "@/lib/db";
import { type GrowthCheckpoint, growthPlanTemplateFor, nextCheckpoint } from "@/lib/templates";
import { checkpointState } from "./checkpoint-text";

interface Props {
  plan: GrowthPlan;
  now: number;
}

/** The plan's checkpoints in date order, the next open one highlighted, and a form to add one. */
export function Checkpoints({ plan, now }: Props) {
  const template = growthPlanTemplateFor(languageInUse());
  const [error, setError] = useState<string>();
  const next = nextCheckpoint(plan.checkpoints);
  // Checkpoints have no ids; date and note identify them, a count tells exact repeats apart.
  const seen = new Map<string, number>();
  const sorted = [...plan.checkpoints]
    .sort((a, b) => a.dueAt - b.dueAt)
    .map((c) => {
      const same = `${c.dueAt}:${c.note}`;
      const repeat = seen.get(same) ?? 0;
      seen.set(same, repeat + 1);
      return { c, key: `${same}:${repeat}` };
    });

  const run = (write: Promise<void>) =>
    write.then(
      () => setError(undefined),
      () => setError(t("sidebar.checkpointNotSaved")),
    );

  return (
    <div className="growth-checkpoints">
      <h3 className="growth-subheading">{template.checkpoints.label}</h3>
      {sorted.length === 0 ? (
        <p className="quiet">{t("sidebar.noCheckpoints", [template.checkpoints.hint])}</p>
      ) : (
        <ul className="items" data-testid="growth-checkpoints">
          {sorted.map(({ c, key }) => (
            <CheckpointRow
              key={key}
              checkpoint={c}
              isNext={c === next}
              now={now}
              onStatus={(status) => run(setGrowthCheckpointStatus(prepDatabase(), plan.id, c, status))}
              onRemove={() => run(removeGrowthCheckpoint(prepDatabase(), plan.id, c))}
            />
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <AddCheckpoint planId={plan.id} />
    </div>
  );
}

interface RowProps {
  checkpoint: GrowthCheckpoint;
  isNext: boolean;
  now: number;
  onStatus: (status: GrowthCheckpoint["status"]) => void;
  onRemove: () => void;
}

function CheckpointRow({ checkpoint: c, isNext, now, onStatus, onRemove }: RowProps) {
  const id = useId();
  const { urgency, text } = checkpointState(c, now);
  const day = formatDay(c.dueAt, now);
  const classes = ["item", "growth-checkpoint", `growth-${urgency ?? c.status}`];
  if (c.status === "done") classes.push("done");
  if (isNext) classes.push("growth-next");
  return (
    <li
      className={classes.join(" ")}
      data-state={urgency ?? c.status}
      aria-current={isNext ? "step" : undefined}
    >
      <input
        id={id}
        type="checkbox"
        checked={c.status === "done"}
        onChange={(e) => onStatus(e.target.checked ? "done" : "open")}
      />
      <label htmlFor={id}>
        <span className="item-text">{c.note}</span>
        <span className="item-meta">
          <span>{day}</span>
          <span className="growth-when">{isNext ? t("sidebar.checkpointNext", [text]) : text}</span>
        </span>
      </label>
      <button
        type="button"
        className="link growth-remove"
        aria-label={t("sidebar.removeCheckpoint", [day, c.note])}
        onClick={onRemove}
      >
        {t("common.remove")}
      </button>
    </li>
  );
}

function AddCheckpoint({ planId }: { planId: string }) {
  const template = growthPlanTemplateFor(languageInUse());
  const id = useId();
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!due) return setError(t("sidebar.pickDate"));
    const dueAt = dueAtFromDateInput(due);
    if (dueAt === undefined) return setError(t("sidebar.dateNotValid"));
    try {
      await addGrowthCheckpoint(prepDatabase(), planId, { dueAt, note }, template.checkpoints.placeholder);
      setDue("");
      setNote("");
      setError(undefined);
    } catch (err) {
      setError(err instanceof GrowthPlanInputError ? problemText(err, "") : t("sidebar.checkpointNotAdded"));
    }
  };

  return (
    <form className="growth-add" onSubmit={submit} aria-label={t("sidebar.addCheckpoint")}>
      <label htmlFor={`${id}-due`} className="visually-hidden">
        {t("sidebar.checkpointDate")}
      </label>
      <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      <label htmlFor={`${id}-note`} className="visually-hidden">
        {t("sidebar.checkpointNote")}
      </label>
      <input
        id={`${id}-note`}
        type="text"
        value={note}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={template.checkpoints.placeholder}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit">{t("common.add")}</button>
      {error && (
        <p className="error growth-add-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
