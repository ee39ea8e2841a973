import type { Lifetime } from "./lifetime";

/**
 * Calendar's dialog keeps keyboard focus to itself; Alt+Shift+P jumps into the prep, or its button.
 * `target` is what takes focus now, if anything is shown.
 */
export function listenForPrepShortcut(life: Lifetime, target: () => HTMLElement | null | undefined) {
  life.listen(document, "keydown", (e) => {
    const key = e as KeyboardEvent;
    if (!key.altKey || !key.shiftKey || key.code !== "KeyP") return;
    const element = target();
    if (!element) return;
    key.preventDefault();
    element.focus();
  });
}
