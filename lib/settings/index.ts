export {
  BADGE_SCOPE_KEY,
  type BadgeScope,
  readBadgeScope,
  setBadgeScope,
  toBadgeScope,
} from "./badge-settings";
export {
  type DetectionOverrides,
  type DetectionSettingsValue,
  type DetectionState,
  MY_EMAIL_KEY,
  readDetectionState,
  SIDEBAR_OFF_KEY,
  setDetectionOverride,
  setDetectionSettings,
  setMyEmail,
  setSidebarOffFor,
  toDetectionOverrides,
  toDetectionSettings,
  toEmail,
  watchDetectionState,
} from "./detection-settings";
export { settingsItems } from "./items";
export {
  MEETING_KIND_RULES_KEY,
  readMeetingKindRules,
  setMeetingKindRules,
  toMeetingKindRules,
} from "./meeting-kind-settings";
export { DEFAULT_CADENCE_KEY, readDefaultCadence, setDefaultCadence, toCadenceDays } from "./people-settings";
export {
  applyTemplateOverrides,
  defaultTemplates,
  type GuidePromptOverride,
  guideIn,
  type OwnQuestion,
  readTemplateOverrides,
  readTemplates,
  setTemplateOverrides,
  TEMPLATE_LIMITS,
  TEMPLATES_KEY,
  type TemplateOverrides,
  type TemplateSet,
  toTemplateOverrides,
  updateTemplateOverrides,
  type WeeklySectionOverride,
  watchTemplateOverrides,
} from "./template-settings";
