import type { OpenEventAnchor } from "./anchor";
import { queryFirst } from "./query";
import { type OpenEvent, readOpenEventAt } from "./read-open-event";
import { type CalendarSelector, selectors } from "./selectors";

/**
 * The open event as markup: what the content script hands the detector frame, which reads and
 * decides on it. Plain strings, so it crosses to the frame as it is, and the frame's copy is inert
 * (a parsed document runs no script and loads nothing).
 */
export interface EventSnapshot {
  url: string;
  source: OpenEventAnchor["source"];
  /** the dialog, or the edit page's form with what its fields hold now */
  html: string;
  /** the page's parts outside it that reading needs: who is signed in, edit fields elsewhere */
  around: string[];
  /** Calendar's id for the event as the page shows it now, when it shows one: tells events apart before any reading */
  mark: string;
}

/** Far beyond any dialog Calendar renders; a page bloating its dialog can't make us parse more. */
export const SNAPSHOT_MAX_CHARS = 2_000_000;
/** Parts of the page beside the event: the account line and a few edit fields. */
export const SNAPSHOT_MAX_AROUND = 12;

/** Whether a snapshot is within what the detector reads. */
export function snapshotFits(snapshot: EventSnapshot): boolean {
  const size = snapshot.html.length + snapshot.around.reduce((n, part) => n + part.length, 0);
  return size <= SNAPSHOT_MAX_CHARS && snapshot.around.length <= SNAPSHOT_MAX_AROUND;
}

/** A field's value is not in its markup once typed into: copy it over, on a copy of the element. */
function withFieldValues(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  const fields = element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
  const copies = copy.querySelectorAll("input, textarea");
  if (element.matches("input, textarea")) copy.setAttribute("value", (element as HTMLInputElement).value);
  fields.forEach((field, i) => {
    const target = copies[i];
    if (!target) return;
    if (field.tagName === "TEXTAREA") target.textContent = field.value;
    else target.setAttribute("value", field.value);
  });
  return copy.outerHTML;
}

/** What every alternative of the selector matches, as a reader trying each in turn may use any. */
function allMatches(doc: Document, selector: CalendarSelector, max: number): Element[] {
  const found = new Set<Element>();
  for (const css of selector.css) for (const element of doc.querySelectorAll(css)) found.add(element);
  return [...found].slice(0, max);
}

/** The markup of the event found at `open`, cheap enough to take on every change of the page. */
export function snapshotOpenEvent(doc: Document, open: OpenEventAnchor, url: string): EventSnapshot {
  const around: string[] = [];
  const selfEmail = queryFirst(doc, selectors.selfEmail);
  if (selfEmail) around.push(selfEmail.outerHTML);
  for (const element of allMatches(doc, selectors.accountButton, 4)) around.push(element.outerHTML);
  if (open.source === "dialog") {
    const mark = queryFirst(open.anchor, selectors.eventDetails)?.getAttribute("data-eventid") ?? "";
    return { url, source: "dialog", html: open.anchor.outerHTML, around, mark };
  }
  // Edit fields are looked up in the whole page; those outside the form travel beside it.
  for (const selector of [
    selectors.editTitle,
    selectors.editStartDate,
    selectors.editStartTime,
    selectors.editGuestList,
  ]) {
    const element = queryFirst(doc, selector);
    if (element && !open.anchor.contains(element)) around.push(withFieldValues(element));
  }
  return { url, source: "edit", html: withFieldValues(open.anchor), around, mark: url };
}

export function sameSnapshot(a: EventSnapshot, b: EventSnapshot): boolean {
  return (
    a.url === b.url &&
    a.source === b.source &&
    a.mark === b.mark &&
    a.html === b.html &&
    a.around.length === b.around.length &&
    a.around.every((part, i) => part === b.around[i])
  );
}

/** Two looks at one event, as the page names it (its id, or the edit page's address). */
export function sameEvent(a: EventSnapshot, b: EventSnapshot): boolean {
  return a.mark !== "" && a.mark === b.mark && a.source === b.source && a.url === b.url;
}

/**
 * Reads a snapshot as `readOpenEvent` reads the live page. `parse` makes an inert document from
 * markup (DOMParser in a page). Never throws.
 */
export function readSnapshot(snapshot: EventSnapshot, parse: (html: string) => Document): OpenEvent | null {
  try {
    if (!snapshotFits(snapshot)) return null;
    const doc = parse(`<!doctype html><html><body>${snapshot.around.join("")}${snapshot.html}</body></html>`);
    const anchor = doc.body.lastElementChild;
    // Each part is one element's markup; anything else is not a snapshot we took.
    if (!anchor || doc.body.childElementCount !== snapshot.around.length + 1) return null;
    return readOpenEventAt(doc, { source: snapshot.source, anchor: anchor as HTMLElement }, snapshot.url);
  } catch {
    return null;
  }
}

export interface SampleEvent {
  title: string;
  guests: readonly (readonly [email: string, name: string])[];
  /** the dialog's date and time lines */
  when: readonly string[];
  /** Calendar's event id: "<id> <calendar>", or with an instance's start for a recurring one */
  eventId: string;
}

const SAMPLE: SampleEvent = {
  title: "1:1 Ana / Sam",
  guests: [
    ["sam@example.org", "Sam Lee"],
    ["ana@example.org", "Ana Silva"],
  ],
  when: ["Tuesday, October 13, 2026 ⋅ 4:00 – 4:30pm", "Weekly on Tuesday"],
  eventId: "sample_20261013T160000Z sam@example.org",
};

/**
 * A made-up event as Calendar's dialog shows one (a recurring 1:1 unless told otherwise). The
 * detector reads a few as it starts, so the first event the manager opens is not the one that
 * pays for compiling the reading and the detection.
 */
export function sampleSnapshot(sample: Partial<SampleEvent> = {}): EventSnapshot {
  const { title, guests, when, eventId } = { ...SAMPLE, ...sample };
  const markup = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
  const rows = guests
    .map(
      ([email, name]) =>
        `<div role="treeitem" data-email="${markup(email)}" data-hovercard-id="${markup(email)}" aria-label="${markup(name)}"><span>${markup(name)}</span></div>`,
    )
    .join("");
  const eid = btoa(eventId).replace(/=+$/, "");
  const html = [
    `<div role="dialog" data-chips-dialog="true"><div id="xDetDlg" data-eventid="${eid}">`,
    `<span id="rAECCd" role="heading">${markup(title)}</span>`,
    `<div id="xDetDlgWhen">${when.map((line) => `<div>${markup(line)}</div>`).join("")}</div>`,
    `<div id="xDetDlgAtt"><div role="tree">${rows}</div></div>`,
    '<div id="xDtlDlgOrg"><span data-hovercard-id="sam@example.org">Sam Lee</span></div>',
    "</div></div>",
  ].join("");
  return {
    url: "https://calendar.google.com/calendar/u/0/r/week",
    source: "dialog",
    html,
    around: ['<div id="xUserEmail">sam@example.org</div>'],
    mark: "",
  };
}
