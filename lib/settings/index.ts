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
  readDetectionState,
  setDetectionOverride,
  toDetectionOverrides,
  toDetectionSettings,
  watchDetectionState,
} from "./detection-settings";
