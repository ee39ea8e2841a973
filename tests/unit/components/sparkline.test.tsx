// @vitest-environment happy-dom
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Sparkline } from "@/components/Sparkline";
import { reactHostPerTest } from "./react-host";

const host = reactHostPerTest();

function draw(values: (number | undefined)[]) {
  const format = (rate: number) => `${Math.round(rate * 100)}%`;
  host.render(createElement(Sparkline, { values, max: 1, label: "Follow-through", format }));
}

describe("Sparkline", () => {
  it("writes a lone reading as a number, not a dot", () => {
    draw([undefined, 0.5, undefined]);
    expect(host.element.querySelector("svg")).toBeNull();
    expect(host.element.textContent).toBe("50%");
    expect(host.element.querySelector("[title]")?.getAttribute("title")).toBe("Follow-through");
  });

  it("draws a line through two readings or more, across gaps", () => {
    draw([0.25, undefined, 1]);
    const line = host.element.querySelector("svg polyline");
    expect(line?.getAttribute("points")?.split(" ")).toHaveLength(2);
    expect(host.element.querySelector("svg")?.getAttribute("aria-label")).toBe(
      "Follow-through: 0.25, none, 1",
    );
  });

  it("shows nothing when nothing was measured", () => {
    draw([undefined, undefined]);
    expect(host.element.innerHTML).toBe("");
  });
});
