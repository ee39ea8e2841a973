import { describe, expect, it } from "vitest";
import { agendaSections } from "@/lib/db";
import { plannedMinutes, sectionTemplate, timeBoxLabel, weeklyTemplate } from "@/lib/templates";

describe("weeklyTemplate", () => {
  it("runs their items, growth, feedback, then mine: the database's sections, in order", () => {
    expect(weeklyTemplate.sections.map((s) => s.key)).toEqual([...agendaSections]);
    expect(weeklyTemplate.sections.map((s) => s.key)).toEqual(["theirs", "growth", "feedback", "mine"]);
  });

  it.each([
    ["theirs", "Their items", 15, "15 min"],
    ["growth", "Growth and development", 10, "10 min"],
    ["feedback", "Feedback", 5, "5 min"],
    ["mine", "My items", undefined, "if time"],
  ] as const)("%s: %s, %s minutes", (key, title, minutes, label) => {
    const section = sectionTemplate(key);
    expect(section?.title).toBe(title);
    expect(section?.minutes).toBe(minutes);
    expect(section && timeBoxLabel(section)).toBe(label);
    expect(section?.prompt.length).toBeGreaterThan(10);
  });

  it("plans thirty minutes, leaving my items to spare time", () => {
    expect(plannedMinutes()).toBe(30);
  });

  it("ends with capturing key points and action items", () => {
    expect(weeklyTemplate.wrapUp).toMatch(/key points/);
    expect(weeklyTemplate.wrapUp).toMatch(/action items/);
  });
});
