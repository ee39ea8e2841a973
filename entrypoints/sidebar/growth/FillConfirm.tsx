import { useEffect, useRef } from "react";
import { languageInUse, t } from "@/components/i18n";
import type { GrowthPlan, GrowthPlanFill, GrowthPlanTextField } from "@/lib/db";
import { growthPlanTemplateFor } from "@/lib/templates";
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
        {conflicts.length === 1
          ? t("sidebar.conflictOne", [names, source])
          : t("sidebar.conflictMany", [names, source])}
      </legend>
      <dl className="growth-compare">
        {conflicts.map((f) => (
          <div key={f}>
            <dt>{growthPlanTemplateFor(languageInUse())[f].label}</dt>
            <dd>
              <span className="quiet">{t("sidebar.now")}</span> {plan[f]}
            </dd>
            <dd>
              <span className="quiet">{t("sidebar.new")}</span> {fill[f]}
            </dd>
          </div>
        ))}
      </dl>
      <div className="action-form-row">
        <button ref={first} type="button" onClick={onReplace}>
          {t("sidebar.replace", [names])}
        </button>
        <button type="button" onClick={onKeep}>
          {t("sidebar.keepCurrent")}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </fieldset>
  );
}
