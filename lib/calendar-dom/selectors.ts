/**
 * Every Google Calendar hook this extension relies on. Nothing outside this file may spell a
 * Calendar selector. Google's class names are obfuscated and rotate, so only ids, roles, aria-*
 * and data-* attributes appear here.
 *
 * `css[0]` is the current hook; the rest are fallbacks, tried in order. `scope` says which element
 * the selector is evaluated inside (readers never search the whole document for dialog parts,
 * because hidden leftover dialogs repeat the same ids).
 */
export interface CalendarSelector {
  readonly scope: "document" | "dialog" | "guestSection" | "editPage" | "editGuestList";
  readonly css: readonly [string, ...string[]];
}

export const selectors = {
  /**
   * The event details dialog container; one visible at a time, plus hidden leftovers. On the grid
   * it is absent until a chip is clicked. Only candidates that contain `eventDetails` count,
   * since other chip popovers can share the container.
   */
  detailsDialog: {
    scope: "document",
    css: [
      'div[role="dialog"][data-chips-dialog="true"]',
      // In case the data flag goes: any dialog, still filtered by containing the details card.
      '[role="dialog"]',
    ],
  },

  /** The details card inside the dialog, exactly once; carries the eid. */
  eventDetails: {
    scope: "dialog",
    css: [
      "#xDetDlg[data-eventid]",
      // Card rendered before its eid is attached; the eid may then come from the URL.
      "#xDetDlg",
      // Chips inside a "more events" popover also carry data-eventid, hence the exclusions.
      '[data-eventid]:not([data-eventchip]):not([role="button"])',
    ],
  },

  /** Event title, once per dialog. */
  title: {
    scope: "dialog",
    css: ["#rAECCd", '[role="heading"]'],
  },

  /** Date, time and recurrence lines, once per dialog. Localized text. */
  when: {
    scope: "dialog",
    // No stable fallback is known; without it recurrence comes from the eid alone.
    css: ["#xDetDlgWhen"],
  },

  /**
   * Guest section, once per dialog, absent for events without guests. Its absence is meaningful
   * (attendees known to be []), so the fallback must not match anything else in the card.
   */
  guestSection: {
    scope: "dialog",
    css: ["#xDetDlgAtt", '[role="tree"]'],
  },

  /** One row per guest, including the signed-in user and rooms. */
  guestRow: {
    scope: "guestSection",
    css: [
      'div[role="tree"] [role="treeitem"][data-email]',
      '[role="treeitem"][data-hovercard-id]',
      "[data-email]",
    ],
  },

  /** Organizer / owning calendar row, once per dialog (also for events without guests). */
  organizer: {
    scope: "dialog",
    // No stable fallback is known; it only confirms the card is fully rendered.
    css: ["#xDtlDlgOrg"],
  },

  /**
   * The view's grid of day columns and event chips, once per page. It changes all day and never
   * holds the details dialog, so the page is watched around it rather than inside it.
   */
  busyGrid: {
    scope: "document",
    // The side panel's month calendar is a grid too, and comes first in the page; the grid that
    // churns is the day or week grid in the main area, or failing that the one holding events.
    // Without either the whole page is watched, which is only slower.
    css: ['[role="main"] [role="grid"]', '[role="grid"]:has([data-eventid])'],
  },

  /** Marks the event edit page when the URL alone does not (Calendar is a single-page app). */
  editViewFamily: {
    scope: "document",
    css: ['body[data-viewfamily="EVENT_EDIT"]'],
  },

  /** Any of these proves the edit form is rendered; each appears once on the edit page. */
  editPageMarker: {
    scope: "document",
    css: ["#xTiIn", "#xGstLst", "#xSaveBu", "#xDescIn"],
  },

  /** The edit page's main form, the sidebar's anchor; the closest match around a marker wins. */
  editForm: {
    scope: "document",
    css: ['[role="main"]', "form"],
  },

  /** Title input on the edit page, once. */
  editTitle: {
    scope: "editPage",
    css: ["#xTiIn", 'input[aria-label="Title"]', 'input[aria-label="Titel"]'],
  },

  /** Start date field on the edit page, once. Localized text such as "Oct 13, 2026". */
  editStartDate: {
    scope: "editPage",
    css: ["#xStDaIn", 'input[aria-label="Start date"]', 'input[aria-label="Startdatum"]'],
  },

  /** Start time field on the edit page, once; hidden for all-day events. */
  editStartTime: {
    scope: "editPage",
    css: ["#xStTiIn", 'input[aria-label="Start time"]', 'input[aria-label="Startzeit"]'],
  },

  /** Guest list on the edit page, once; present but empty when the event has no guests. */
  editGuestList: {
    scope: "editPage",
    // No stable fallback is known; without it edit-page attendees are unknown.
    css: ["#xGstLst"],
  },

  /** One row per guest on the edit page. */
  editGuestRow: {
    scope: "editGuestList",
    css: ["div[data-email]", "[data-hovercard-id]"],
  },

  /** The signed-in user's email as text, once per page on most layouts. */
  selfEmail: {
    scope: "document",
    css: ["#xUserEmail"],
  },

  /** Account button whose aria-label contains the signed-in email, once per page. */
  accountButton: {
    scope: "document",
    css: [
      'a[aria-label*="Google Account"]',
      'a[aria-label*="Google-Konto"]',
      'a[href*="accounts.google.com"][aria-label*="@"]',
    ],
  },
} as const satisfies Record<string, CalendarSelector>;

export type SelectorKey = keyof typeof selectors;
