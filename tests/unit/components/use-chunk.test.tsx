// @vitest-environment happy-dom
import { act, createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { SectionBoundary } from "@/components/SectionBoundary";
import { useChunk } from "@/components/useChunk";
import { reactHostPerTest } from "./react-host";

const host = reactHostPerTest();

type Chunk = { Part: () => ReturnType<typeof createElement> };

/** A chunk that arrives, or fails, when the test says. */
function chunk() {
  let arrive: (module: Chunk) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const loading = new Promise<Chunk>((resolve, reject) => {
    arrive = resolve;
    fail = reject;
  });
  return { load: () => loading, arrive, fail };
}

function Page({ load }: { load: () => Promise<Chunk> }) {
  const Part = useChunk(load)?.Part;
  return createElement("main", null, createElement("h1", null, "Prep"), Part ? createElement(Part) : null);
}

describe("useChunk", () => {
  it("draws the rest of the page without its part until the part's code is there, then the part", async () => {
    const { load, arrive } = chunk();
    host.render(createElement(Page, { load }));
    expect(host.element.textContent).toBe("Prep");
    await act(async () => arrive({ Part: () => createElement("p", null, "Agenda") }));
    expect(host.element.textContent).toBe("PrepAgenda");
  });

  it("a part whose code can't load is said to have failed, in place of the part only", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { load, fail } = chunk();
    host.render(
      createElement(
        "div",
        null,
        createElement("p", null, "Notes"),
        createElement(SectionBoundary, { name: "the agenda", children: createElement(Page, { load }) }),
      ),
    );
    await act(async () => fail(new Error("chunk gone after an update")));
    expect(host.element.querySelector('[data-testid="section-failed"]')?.textContent).toContain("the agenda");
    expect(host.element.textContent).toContain("Notes");
  });
});
