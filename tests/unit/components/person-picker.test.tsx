// @vitest-environment happy-dom
import { act, createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { type PersonChoice, PersonPicker } from "@/components/PersonPicker";
import type { PersonWithMeetings } from "@/lib/db";
import { reactHostPerTest } from "./react-host";

const priya: PersonWithMeetings = {
  person: { id: "p1", email: "priya@example.com", displayName: "Priya Raman", cadenceDays: 7 },
  lastAt: 1,
};

const host = reactHostPerTest();

function render(
  people: PersonWithMeetings[] | undefined,
  onChange: (choice: PersonChoice | undefined) => void,
) {
  host.render(createElement(PersonPicker, { people, value: undefined, onChange, label: "Who is it for?" }));
}

function typeAndEnter(text: string) {
  const input = host.element.querySelector("input");
  if (!input) throw new Error("no input");
  act(() => {
    // React reads the value through the native setter, then hears the input event.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  act(() => {
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
  });
}

describe("PersonPicker", () => {
  it("never files a name typed before the list has loaded as a new person: Enter waits for the list", () => {
    const onChange = vi.fn();
    render(undefined, onChange);
    typeAndEnter("pri");
    expect(onChange).not.toHaveBeenCalled();
    render([priya], onChange);
    expect(onChange).toHaveBeenCalledWith({ kind: "existing", personId: "p1" });
  });

  it("offers a new person once the list is known not to hold the name", () => {
    const onChange = vi.fn();
    render(undefined, onChange);
    typeAndEnter("Ana");
    render([priya], onChange);
    expect(onChange).toHaveBeenCalledWith({ kind: "new", displayName: "Ana" });
  });

  it("chooses at once when the list is there", () => {
    const onChange = vi.fn();
    render([priya], onChange);
    typeAndEnter("pri");
    expect(onChange).toHaveBeenCalledWith({ kind: "existing", personId: "p1" });
  });
});
