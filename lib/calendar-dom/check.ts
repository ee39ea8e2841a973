import { findOpenEventAnchor } from "./anchor";
import { queryFirst } from "./query";
import type { OpenEvent } from "./read-open-event";
import { type CalendarSelector, type SelectorKey, selectors } from "./selectors";

/**
 * What the content script can read of the page, for the manager to see and send us when Calendar
 * changes: each hook found or not, and what was read of the open event, with every name and email
 * masked so a report never carries who the manager meets.
 */
export interface PageCheck {
  /** the page's path, without the query or fragment (which may hold an event id) */
  path: string;
  /** per hook: which of its selectors matched (0 is the current one), or -1 when none did */
  hooks: Partial<Record<SelectorKey, number>>;
  open: "dialog" | "edit" | "none";
  title: { found: boolean; length: number };
  time: boolean;
  eventId: boolean;
  guests: { name?: string; email?: string; you: boolean; organizer: boolean }[] | "unread";
  you?: string;
}

/** "Priya Raman" → "P•••• R••••"; keeps the shape a bug report needs and nothing more. */
export function maskName(name: string): string {
  return Array.from(name.trim().split(/\s+/u), (word) => {
    const [first = ""] = Array.from(word);
    return `${first}••••`;
  }).join(" ");
}

/** "priya@example.com" → "p••••@e••••.com": the domain's ending stays, to tell work from personal. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return maskName(email);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const ending = dot > 0 ? domain.slice(dot) : "";
  return `${maskName(email.slice(0, at))}@${maskName(dot > 0 ? domain.slice(0, dot) : domain)}${ending}`;
}

function matchIndex(root: ParentNode | null | undefined, selector: CalendarSelector): number {
  if (!root) return -1;
  return selector.css.findIndex((css) => {
    try {
      return root.querySelector(css) !== null;
    } catch {
      return false;
    }
  });
}

/** The hooks the live page offers: read where the page is, since a snapshot holds only the event. */
export function pageHooks(doc: Document, url: string): Pick<PageCheck, "path" | "hooks"> {
  const hooks: PageCheck["hooks"] = {};
  const anchor = findOpenEventAnchor(doc, url);
  const dialog = anchor?.source === "dialog" ? anchor.anchor : null;
  const guestSection = queryFirst(dialog, selectors.guestSection);
  const editGuestList = queryFirst(doc, selectors.editGuestList);
  const roots: Record<CalendarSelector["scope"], ParentNode | null> = {
    document: doc,
    dialog,
    guestSection,
    editPage: anchor?.source === "edit" ? doc : null,
    editGuestList,
  };
  for (const [key, selector] of Object.entries(selectors) as [SelectorKey, CalendarSelector][]) {
    const root = roots[selector.scope];
    if (root) hooks[key] = matchIndex(root, selector);
  }
  let path = "";
  try {
    path = new URL(url).pathname.slice(0, 200);
  } catch {}
  return { path, hooks };
}

/** What was read of the open event, masked. */
export function describeOpenEvent(open: OpenEvent | null): Omit<PageCheck, "path" | "hooks"> {
  const signals = open?.signals;
  const you = signals?.selfEmail;
  return {
    open: open?.source ?? "none",
    title: { found: Boolean(signals?.title), length: signals?.title.length ?? 0 },
    time: open?.startsAt !== undefined,
    eventId: open?.eventInstanceId !== undefined,
    guests:
      signals?.attendees === undefined
        ? "unread"
        : signals.attendees.map((guest) => ({
            ...(guest.displayName ? { name: maskName(guest.displayName) } : {}),
            ...(guest.email ? { email: maskEmail(guest.email) } : {}),
            you: guest.self === true || (you !== undefined && guest.email === you),
            organizer: guest.organizer === true,
          })),
    ...(you ? { you: maskEmail(you) } : {}),
  };
}

/** A dialog the manager opened on an event, read well enough to decide on. */
export function isReadable(open: OpenEvent | null): boolean {
  return (
    open !== null &&
    open.signals.title !== "" &&
    (open.eventInstanceId !== undefined || open.startsAt !== undefined)
  );
}

/** A click on an event in the day or week grid, which should open its dialog. */
export function isEventClick(doc: Document, target: EventTarget | null): boolean {
  const element = target as Element | null;
  if (!element || typeof element.closest !== "function") return false;
  const chip = element.closest('[role="button"],[data-eventid]');
  if (!chip) return false;
  // The grid the watcher keeps out of its way is the one whose events open dialogs.
  return queryFirst(doc, selectors.busyGrid)?.contains(chip) === true;
}
