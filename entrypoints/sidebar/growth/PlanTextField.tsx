import { useId } from "react";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import { SavingTextarea } from "@/components/SavingTextarea";
import { GROWTH_TEXT_MAX, GrowthPlanInputError, type GrowthPlanTextField } from "@/lib/db";
import { growthPlanTemplateFor } from "@/lib/templates";

interface Props {
  planId: string;
  field: GrowthPlanTextField;
  value: string;
}

/** One field of the plan, saved as it is typed. */
export function PlanTextField({ planId, field, value }: Props) {
  const id = useId();
  const template = growthPlanTemplateFor(languageInUse())[field];
  return (
    <div className="growth-field">
      <label htmlFor={id}>{template.label}</label>
      <SavingTextarea
        id={id}
        className="notes"
        rows={2}
        value={value}
        maxLength={GROWTH_TEXT_MAX}
        placeholder={template.placeholder}
        target={{ kind: "plan", planId, field }}
        errorMessage={(e) =>
          e instanceof GrowthPlanInputError
            ? t("sidebar.textStillHere", [problemText(e, "")])
            : t("sidebar.planFieldNotSaved", [template.label.toLowerCase()])
        }
      />
    </div>
  );
}
