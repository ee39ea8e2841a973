import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactHost {
  /** the element each test renders into, fresh per test */
  readonly element: HTMLElement;
  render(view: ReactElement): void;
}

/** A React root in the document for every test of the file, unmounted after each. */
export function reactHostPerTest(): ReactHost {
  let element: HTMLElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    element = document.createElement("div");
    document.body.append(element);
    root = createRoot(element);
  });
  afterEach(() => {
    act(() => root?.unmount());
    element?.remove();
  });
  return {
    get element() {
      if (!element) throw new Error("no host outside a test");
      return element;
    },
    render(view) {
      act(() => root?.render(view));
    },
  };
}
