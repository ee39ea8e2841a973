import { t } from "@/components/i18n";
import type { GrowthPlanTextField } from "@/lib/db";
import { growthPlanTemplate } from "@/lib/templates";

/** "goal", "goal and support", "goal, support and evidence" */
export function fieldNames(fields: readonly GrowthPlanTextField[]): string {
  const names = fields.map((f) => growthPlanTemplate[f].label.toLowerCase());
  if (names.length <= 1) return names[0] ?? "";
  return t("common.list", [names.slice(0, -1).join(", "), names.at(-1) ?? ""]);
}
