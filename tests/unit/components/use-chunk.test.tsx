// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { SectionBoundary } from "@/components/SectionBoundary";
import { useChunk } from "@/components/useChunk";
import { reactHostPerTest } from "./react-host";

const host = reactHostPerTest();

function Agenda() {
  return <p>Agenda</p>;
}

type Chunk = { Agenda: typeof Agenda };

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

function Prep({ load }: { load: () => Promise<Chunk> }) {
  const Later = useChunk(load)?.Agenda;
  return (
    <main>
      <h1>Prep</h1>
      {Later ? <Later /> : null}
    </main>
  );
}

describe("useChunk", () => {
  it("draws the rest of the page without its part until the part's code is there, then the part", async () => {
    const { load, arrive } = chunk();
    host.render(<Prep load={load} />);
    expect(host.element.textContent).toBe("Prep");
    await act(async () => arrive({ Agenda }));
    expect(host.element.textContent).toBe("PrepAgenda");

    // Drawn again (the next 1:1 in the same frame), the part is there from the first render.
    host.render(<p>between</p>);
    host.render(<Prep load={load} />);
    expect(host.element.textContent).toBe("PrepAgenda");
  });

  it("a part whose code can't load is said to have failed, in place of the part only", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { load, fail } = chunk();
    host.render(
      <div>
        <p>Notes</p>
        <SectionBoundary name="the agenda">
          <Prep load={load} />
        </SectionBoundary>
      </div>,
    );
    await act(async () => fail(new Error("chunk gone after an update")));
    expect(host.element.querySelector('[data-testid="section-failed"]')?.textContent).toContain("the agenda");
    expect(host.element.textContent).toContain("Notes");
  });
});
