import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { KEEP_AWAKE_EVERY_MS, keepAwakeWhile } from "@/lib/device-sync";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("long background work keeps the worker awake", () => {
  it("makes an extension call within every 30 s while the work runs, and none once it ends", async () => {
    vi.useFakeTimers();
    const calls = vi
      .spyOn(fakeBrowser.runtime, "getPlatformInfo")
      .mockResolvedValue({ os: "linux", arch: "x86-64" } as Awaited<
        ReturnType<typeof fakeBrowser.runtime.getPlatformInfo>
      >);
    let finish!: (value: string) => void;
    const working = keepAwakeWhile(() => new Promise<string>((resolve) => (finish = resolve)));

    // Three minutes of work, as a first upload of years of notes takes: Chrome's idle limit is
    // 30 s since the last extension call.
    let lastCallAt = 0;
    for (let at = 1000; at <= 180_000; at += 1000) {
      const before = calls.mock.calls.length;
      await vi.advanceTimersByTimeAsync(1000);
      if (calls.mock.calls.length > before) lastCallAt = at;
      expect(at - lastCallAt).toBeLessThan(30_000);
    }
    finish("done");
    await expect(working).resolves.toBe("done");
    const atEnd = calls.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * KEEP_AWAKE_EVERY_MS);
    expect(calls.mock.calls.length).toBe(atEnd);
  });

  it("stops calling when the work fails, and passes the failure on", async () => {
    vi.useFakeTimers();
    const calls = vi.spyOn(fakeBrowser.runtime, "getPlatformInfo").mockRejectedValue(new Error("gone"));
    let fail!: (error: Error) => void;
    const working = keepAwakeWhile(() => new Promise((_, reject) => (fail = reject)));
    const outcome = working.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3 * KEEP_AWAKE_EVERY_MS);
    expect(calls).toHaveBeenCalled();
    fail(new Error("Drive refused"));
    expect(await outcome).toEqual(new Error("Drive refused"));
    const atEnd = calls.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * KEEP_AWAKE_EVERY_MS);
    expect(calls.mock.calls.length).toBe(atEnd);
  });
});
