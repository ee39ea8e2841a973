// @vitest-environment happy-dom
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Sparkline } from "@/components/Sparkline";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function draw(values: (number | undefined)[]) {
  const format = (rate: number) => `${Math.round(rate * 100)}%`;
  act(() => root.render(createElement(Sparkline, { values, max: 1, label: "Follow-through", format })));
}

describe("Sparkline", () => {
  it("writes a lone reading as a number, not a dot", () => {
    draw([undefined, 0.5, undefined]);
    expect(host.querySelector("svg")).toBeNull();
    expect(host.textContent).toBe("50%");
    expect(host.querySelector("[title]")?.getAttribute("title")).toBe("Follow-through");
  });

  it("draws a line through two readings or more, across gaps", () => {
    draw([0.25, undefined, 1]);
    const line = host.querySelector("svg polyline");
    expect(line?.getAttribute("points")?.split(" ")).toHaveLength(2);
    expect(host.querySelector("svg")?.getAttribute("aria-label")).toBe("Follow-through: 0.25, none, 1");
  });

  it("shows nothing when nothing was measured", () => {
    draw([undefined, undefined]);
    expect(host.innerHTML).toBe("");
  });
});
