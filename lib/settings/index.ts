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
