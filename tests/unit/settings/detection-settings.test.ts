import { describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  readDetectionState,
  setDetectionOverride,
  toDetectionOverrides,
  toDetectionSettings,
} from "@/lib/settings";

describe("detection settings from storage", () => {
  it.each([
    [undefined, {}],
    ["nonsense", {}],
    [[true], {}],
    [
      { a: true, b: "yes", c: false },
      { a: true, c: false },
    ],
  ])("overrides %j read as %j", (stored, expected) => {
    expect(toDetectionOverrides(stored)).toEqual(expected);
  });

  it.each([
    [undefined, { keywords: [], exclusions: [] }],
    [
      { keywords: ["mentoring", "", 3], exclusions: "standup" },
      { keywords: ["mentoring"], exclusions: [] },
    ],
  ])("keywords %j read as %j", (stored, expected) => {
    expect(toDetectionSettings(stored)).toEqual(expected);
  });

  it("remembers and forgets a choice per series", async () => {
    await setDetectionOverride("series-1", false);
    await setDetectionOverride("series-2", true);
    expect((await readDetectionState()).overrides).toEqual({ "series-1": false, "series-2": true });
    await setDetectionOverride("series-1", undefined);
    expect((await readDetectionState()).overrides).toEqual({ "series-2": true });
    expect(await fakeBrowser.storage.local.get("detectionOverrides")).toEqual({
      detectionOverrides: { "series-2": true },
    });
  });
});
