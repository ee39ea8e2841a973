// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { SectionBoundary } from "@/components/SectionBoundary";
import { reactHostPerTest } from "./react-host";

const host = reactHostPerTest();

function Broken(): never {
  throw new Error("storage area missing");
}

describe("SectionBoundary", () => {
  it("replaces only the failing section with a message, and the rest of the page stays", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    host.render(
      <>
        <textarea aria-label="Notes" defaultValue="Half a thought" />
        <SectionBoundary name="The timer">
          <Broken />
        </SectionBoundary>
        <SectionBoundary name="The guide">
          <p>Ask first</p>
        </SectionBoundary>
      </>,
    );
    expect(host.element.querySelector("textarea")?.value).toBe("Half a thought");
    expect(host.element.querySelector('[role="alert"]')?.textContent).toMatch(
      /^The timer couldn't be shown\./,
    );
    expect(host.element.textContent).toContain("Ask first");
    expect(logged).toHaveBeenCalled();
  });
});
