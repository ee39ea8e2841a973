// @vitest-environment happy-dom
import { act, createElement } from "react";
import { describe, expect, it } from "vitest";
import { useWatchedRead } from "@/components/useWatchedRead";
import { reactHostPerTest } from "./react-host";

const host = reactHostPerTest();

/** A store whose reads answer only when the test says, in whatever order it says. */
function slowStore() {
  const answers: ((value: string) => void)[] = [];
  let changed: (() => void) | undefined;
  let watching = 0;
  return {
    read: () => new Promise<string>((resolve) => answers.push(resolve)),
    watch: (onChange: () => void) => {
      changed = onChange;
      watching++;
      return () => {
        watching--;
      };
    },
    change: () => act(() => changed?.()),
    answer: async (read: number, value: string) => {
      await act(async () => answers[read]?.(value));
    },
    get watching() {
      return watching;
    },
  };
}

function Shown({ store }: { store: ReturnType<typeof slowStore> }) {
  return createElement("p", null, useWatchedRead(store.read, store.watch) ?? "reading");
}

describe("useWatchedRead", () => {
  it("shows what the newest read found, even when an older read answers after it", async () => {
    const store = slowStore();
    host.render(createElement(Shown, { store }));
    await store.answer(0, "syncing");
    expect(host.element.textContent).toBe("syncing");

    // Sync turned off while a read from the run's last write is still on its way.
    store.change();
    store.change();
    await store.answer(2, "off");
    await store.answer(1, "syncing");
    expect(host.element.textContent).toBe("off");
  });

  it("stops watching, and drops answers, once the page is gone", async () => {
    const store = slowStore();
    host.render(createElement(Shown, { store }));
    expect(store.watching).toBe(1);
    act(() => host.render(createElement("p", null, "elsewhere")));
    expect(store.watching).toBe(0);
    await store.answer(0, "late");
    expect(host.element.textContent).toBe("elsewhere");
  });
});
