import { t } from "./i18n";

/** How often the manager meets someone, in the pages' language: "weekly", "alle 2 Wochen". */
export function cadenceWords(cadenceDays: number): string {
  if (cadenceDays === 1) return t("common.cadenceDaily");
  if (cadenceDays === 7) return t("common.cadenceWeekly");
  if (cadenceDays >= 28 && cadenceDays <= 31) return t("common.cadenceMonthly");
  if (cadenceDays % 7 === 0) return t("common.cadenceEveryWeeks", [String(cadenceDays / 7)]);
  return t("common.cadenceEveryDays", [String(cadenceDays)]);
}
