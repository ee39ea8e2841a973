import { languageInUse, t } from "@/components/i18n";
import type { GrowthPlanTextField } from "@/lib/db";
import { growthPlanTemplateFor } from "@/lib/templates";

/** "goal", "goal and support", "goal, support and evidence" */
export function fieldNames(fields: readonly GrowthPlanTextField[]): string {
  const template = growthPlanTemplateFor(languageInUse());
  const names = fields.map((f) => template[f].label.toLowerCase());
  if (names.length <= 1) return names[0] ?? "";
  return t("common.list", [names.slice(0, -1).join(", "), names.at(-1) ?? ""]);
}
