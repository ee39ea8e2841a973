import type { QuestionPurpose } from "@/lib/questions";
import { t } from "./i18n";

const purposeWords: Record<QuestionPurpose, () => string> = {
  blockers: () => t("sidebar.purposeBlockers"),
  growth: () => t("sidebar.purposeGrowth"),
  career: () => t("sidebar.purposeCareer"),
  wellbeing: () => t("sidebar.purposeWellbeing"),
  "feedback-for-me": () => t("sidebar.purposeFeedbackForMe"),
  priorities: () => t("sidebar.purposePriorities"),
  context: () => t("sidebar.purposeContext"),
};

/** What a question is for, in the pages' language: "Growth", "Entwicklung". */
export const purposeLabel = (purpose: QuestionPurpose) => purposeWords[purpose]();
