import { defaultMeetingKindRules, type MeetingKindRules } from "@/lib/templates";
import { settingsItems } from "./items";

export const MEETING_KIND_RULES_KEY = "meetingKindRules";

/** A stored value from any version reads as valid rules; unknown parts fall back to the defaults. */
export function toMeetingKindRules(value: unknown): MeetingKindRules {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return {
    monthlyDeepDive:
      record.monthlyDeepDive === "off" || record.monthlyDeepDive === "first-of-month"
        ? record.monthlyDeepDive
        : defaultMeetingKindRules.monthlyDeepDive,
    careerEvery:
      record.careerEvery === "off" || record.careerEvery === "quarter"
        ? record.careerEvery
        : defaultMeetingKindRules.careerEvery,
  };
}

export async function readMeetingKindRules(): Promise<MeetingKindRules> {
  return toMeetingKindRules(await settingsItems.meetingKindRules.getValue());
}

export async function setMeetingKindRules(rules: MeetingKindRules) {
  await settingsItems.meetingKindRules.setValue(toMeetingKindRules(rules));
}
