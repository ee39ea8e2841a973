import { useEffect, useRef } from "react";
import type { GrowthPlan, GrowthPlanFill, GrowthPlanTextField } from "@/lib/db";
import { growthPlanTemplate } from "@/lib/templates";
import { fieldNames } from "./field-names";

interface Props {
  plan: GrowthPlan;
  fill: GrowthPlanFill;
  conflicts: readonly GrowthPlanTextField[];
  /** e.g. "the career conversation" */
  source: string;
  onReplace: () => void;
  onKeep: () => void;
  onCancel: () => void;
}

/**
 * Asks before a conversation's text replaces what the plan already says, showing both. Empty
 * fields are filled either way; Escape leaves everything as it was.
 */
export function FillConfirm({ plan, fill, conflicts, source, onReplace, onKeep, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the choice they have to make.
  useEffect(() => first.current?.focus(), []);
  const names = fieldNames(conflicts);

  return (
    <fieldset
      className="growth-confirm"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        // Escape otherwise closes the whole prep.
        e.preventDefault();
        onCancel();
      }}
    >
      <legend>
        The plan's {names} already {conflicts.length === 1 ? "says" : "say"} something else. Replace with what{" "}
        {source} says?
      </legend>
      <dl className="growth-compare">
        {conflicts.map((f) => (
          <div key={f}>
            <dt>{growthPlanTemplate[f].label}</dt>
            <dd>
              <span className="quiet">Now:</span> {plan[f]}
            </dd>
            <dd>
              <span className="quiet">New:</span> {fill[f]}
            </dd>
          </div>
        ))}
      </dl>
      <div className="action-form-row">
        <button ref={first} type="button" onClick={onReplace}>
          Replace {names}
        </button>
        <button type="button" onClick={onKeep}>
          Keep current text
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
