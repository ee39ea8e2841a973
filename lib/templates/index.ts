export {
  type GrowthCheckpoint,
  type GrowthPlanField,
  growthPlanDraft,
  growthPlanTemplate,
  monthlyCheckpoints,
  nextCheckpoint,
  type PromotionConversation,
  type PromotionGap,
  type PromotionPlan,
  promotionScript,
  promotionToPlan,
} from "./growth-plan";
export {
  type ConversationGuide,
  careerConversation,
  conversationGuides,
  type GuidePrompt,
  type GuideSection,
  guideForKind,
  guidePrompt,
  HAPPINESS_MAX,
  HAPPINESS_MIN,
  HAPPINESS_PROMPT_ID,
  monthlyDeepDive,
} from "./guides";
export {
  type ChooseMeetingKindInput,
  chooseMeetingKind,
  defaultMeetingKindRules,
  kindNamedIn,
  type MeetingKindRules,
  type PastMeeting,
} from "./meeting-kind";
export {
  monthOfQuarter,
  parseQuarter,
  type QuarterNumber,
  quarterEnd,
  quarterOf,
  quarterStart,
} from "./quarter";
export {
  type AgendaSection,
  type AgendaSectionTemplate,
  fitTimeBoxes,
  meetingMinutes,
  plannedMinutes,
  sectionTemplate,
  timeBoxLabel,
  type WeeklyTemplate,
  weeklyTemplate,
} from "./weekly";
