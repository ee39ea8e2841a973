// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  calendarOwnerAmongGuests,
  findOpenEventAnchor,
  readOpenEvent,
  readSelfEmail,
} from "@/lib/calendar-dom";
import { fixtureEvents, people } from "../../fixtures/calendar/events";
import { fixtureWeekUrl } from "../../fixtures/calendar/render";
import { editUrl, loadFixture, loadHtml, readFixture } from "./fixture-dom";

const local = (y: number, m: number, d: number, h: number, min = 0) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe("findOpenEventAnchor", () => {
  it("finds nothing on the grid, even with a visible chips popover", () => {
    const doc = loadFixture("grid.html");
    expect(doc.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(findOpenEventAnchor(doc)).toBeNull();
    expect(readOpenEvent(doc)).toBeNull();
  });

  it("anchors to the visible dialog container", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const found = findOpenEventAnchor(doc);
    expect(found?.source).toBe("dialog");
    expect(found?.anchor.getAttribute("role")).toBe("dialog");
    expect(found?.anchor.querySelector("#xDetDlg")).not.toBeNull();
  });

  it("ignores hidden leftover dialogs before and after the visible one", () => {
    const doc = loadFixture("dialog-hidden-leftover.html");
    expect(doc.querySelectorAll('[role="dialog"]')).toHaveLength(3);
    const found = findOpenEventAnchor(doc);
    expect(found?.anchor.querySelector("#rAECCd")?.textContent).toBe(fixtureEvents.interview.title);
  });

  it("finds nothing when every dialog is hidden", () => {
    const doc = loadFixture("dialog-hidden-leftover.html");
    const visible = findOpenEventAnchor(doc)?.anchor;
    visible?.setAttribute("hidden", "");
    expect(findOpenEventAnchor(doc)).toBeNull();
    visible?.removeAttribute("hidden");
    visible?.style.setProperty("visibility", "hidden");
    expect(findOpenEventAnchor(doc)).toBeNull();
  });

  it("respects hiding from a stylesheet", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const style = doc.createElement("style");
    style.textContent = ".RDlrG { display: none; }";
    doc.head.append(style);
    expect(findOpenEventAnchor(doc)).toBeNull();
  });

  it("takes the last of several visible dialogs", () => {
    const doc = loadFixture("dialog-hidden-leftover.html");
    for (const dialog of Array.from(doc.querySelectorAll<HTMLElement>('[role="dialog"]'))) {
      dialog.removeAttribute("aria-hidden");
      dialog.style.removeProperty("display");
    }
    doc.querySelector('.layer > [aria-hidden="true"]')?.removeAttribute("aria-hidden");
    expect(findOpenEventAnchor(doc)?.anchor.querySelector("#rAECCd")?.textContent).toBe(
      fixtureEvents.teamMeeting.title,
    );
  });

  it("waits for the details card before reporting a dialog", () => {
    const { document: doc } = loadHtml(
      '<body data-viewfamily="EVENT"><div role="dialog" data-chips-dialog="true"><div class="loading">Loading…</div></div></body>',
    );
    expect(findOpenEventAnchor(doc)).toBeNull();
  });

  it("anchors to the edit page's main form, by URL or by view family", () => {
    const byUrl = loadFixture("edit-page.html");
    expect(findOpenEventAnchor(byUrl)).toMatchObject({ source: "edit" });
    expect(findOpenEventAnchor(byUrl)?.anchor.getAttribute("role")).toBe("main");

    const byViewFamily = loadFixture("edit-page.html", fixtureWeekUrl);
    expect(findOpenEventAnchor(byViewFamily)?.source).toBe("edit");

    const html = readFixture("edit-page.html").replace(
      'data-viewfamily="EVENT_EDIT"',
      'data-viewfamily="EVENT"',
    );
    expect(findOpenEventAnchor(loadHtml(html, fixtureWeekUrl).document)).toBeNull();
    expect(findOpenEventAnchor(loadHtml(html, editUrl(fixtureEvents.jordan1on1.eid)).document)?.source).toBe(
      "edit",
    );
  });

  it("uses the url argument over the document's location", () => {
    const html = readFixture("edit-page.html").replace(
      'data-viewfamily="EVENT_EDIT"',
      'data-viewfamily="EVENT"',
    );
    const doc = loadHtml(html, fixtureWeekUrl).document;
    expect(findOpenEventAnchor(doc, editUrl(fixtureEvents.jordan1on1.eid))?.source).toBe("edit");
  });
});

describe("readOpenEvent", () => {
  it("reads the weekly 1:1 with Priya", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const event = fixtureEvents.priyaWeekly1;
    const open = readOpenEvent(doc);
    expect(open).toEqual({
      source: "dialog",
      anchor: findOpenEventAnchor(doc)?.anchor,
      eid: event.eid,
      eventInstanceId: event.eventId,
      seriesId: "5r0c3k8t2m1q9v7b4n6d",
      calendarId: "sam@example.com",
      startsAt: "2026-10-13T16:00:00.000Z",
      endsAt: "2026-10-13T16:30:00.000Z",
      signals: {
        title: "1:1 Priya / Sam",
        selfEmail: "sam@example.com",
        recurring: true,
        attendees: [
          {
            email: "sam@example.com",
            displayName: "Sam Lee",
            organizer: true,
            self: true,
            responseStatus: "accepted",
          },
          { email: "priya@example.com", displayName: "Priya Raman", responseStatus: "needsAction" },
        ],
      },
      guestRows: "read",
    });
  });

  it("reads a group meeting's four guests", () => {
    const open = readOpenEvent(loadFixture("dialog-group.html"));
    const attendees = open?.signals.attendees ?? [];
    expect(attendees.map((a) => a.email)).toEqual([
      people.sam.email,
      people.priya.email,
      people.jordan.email,
      people.alex.email,
    ]);
    expect(attendees.map((a) => a.responseStatus)).toEqual(["accepted", "accepted", "tentative", "declined"]);
    expect(open?.signals.recurring).toBe(false);
    expect(open?.eventInstanceId).toBe(fixtureEvents.teamMeeting.eventId);
    expect(open?.seriesId).toBe(fixtureEvents.teamMeeting.eventId);
    expect(open?.startsAt).toBe(local(2026, 10, 15, 15));
    // "3:00 – 4:00pm"
    expect(open?.endsAt).toBe(local(2026, 10, 15, 16));
  });

  it("knows a dialog without a guest section has no guests", () => {
    const open = readOpenEvent(loadFixture("dialog-no-guests.html"));
    expect(open?.signals).toEqual({
      title: "1:1 prep",
      attendees: [],
      selfEmail: "sam@example.com",
      recurring: false,
    });
    expect(open?.startsAt).toBe(local(2026, 10, 16, 9));
  });

  it("marks a room as a resource", () => {
    const attendees = readOpenEvent(loadFixture("dialog-room.html"))?.signals.attendees;
    expect(attendees).toEqual([
      {
        email: "sam@example.com",
        displayName: "Sam Lee",
        organizer: true,
        self: true,
        responseStatus: "accepted",
      },
      { email: "alex@example.com", displayName: "Alex Chen", responseStatus: "accepted" },
      {
        email: people.room.email,
        displayName: "Berlin-4-Ada Lovelace (6)",
        resource: true,
        responseStatus: "accepted",
      },
    ]);
  });

  it("reads the German page", () => {
    const doc = loadFixture("dialog-de.html");
    expect(readSelfEmail(doc)).toBe("sam@example.com");
    const open = readOpenEvent(doc);
    expect(open?.startsAt).toBe("2026-10-13T16:00:00.000Z");
    expect(open?.signals).toEqual({
      title: "1:1 Priya / Sam",
      selfEmail: "sam@example.com",
      recurring: true,
      attendees: [
        {
          email: "sam@example.com",
          displayName: "Sam Lee",
          organizer: true,
          self: true,
          responseStatus: "accepted",
        },
        { email: "priya@example.com", displayName: "Priya Raman", responseStatus: "needsAction" },
      ],
    });
  });

  it("reads German recurrence and time from the When text when the eid has no instance", () => {
    const html = readFixture("dialog-de.html").replaceAll(
      fixtureEvents.priyaWeekly1.eid,
      fixtureEvents.jordan1on1.eid,
    );
    const open = readOpenEvent(loadHtml(html).document);
    expect(open?.signals.recurring).toBe(true);
    expect(open?.startsAt).toBe(local(2026, 10, 13, 16));
    // "16:00–16:30"
    expect(open?.endsAt).toBe(local(2026, 10, 13, 16, 30));
  });

  it("reads the visible dialog, not a hidden leftover", () => {
    const open = readOpenEvent(loadFixture("dialog-hidden-leftover.html"));
    expect(open?.signals.title).toBe(fixtureEvents.interview.title);
    expect(open?.eid).toBe(fixtureEvents.interview.eid);
    expect(open?.signals.attendees?.map((a) => a.email)).toEqual([people.sam.email, people.casey.email]);
  });

  it("reads the edit page", () => {
    const doc = loadFixture("edit-page.html");
    const event = fixtureEvents.jordan1on1;
    expect(readOpenEvent(doc)).toEqual({
      source: "edit",
      anchor: doc.querySelector('[role="main"]'),
      eid: event.eid,
      eventInstanceId: event.eventId,
      seriesId: event.eventId,
      calendarId: "sam@example.com",
      startsAt: local(2026, 10, 14, 10),
      signals: {
        title: "Jordan <> Sam",
        selfEmail: "sam@example.com",
        attendees: [
          { email: "sam@example.com", displayName: "Sam Lee", organizer: true, self: true },
          { email: "jordan@example.com", displayName: "Jordan Kim" },
        ],
      },
      guestRows: "read",
    });
  });

  it("takes an edited instance's start and recurrence from its eid", () => {
    const open = readOpenEvent(loadFixture("edit-page.html", editUrl(fixtureEvents.priyaWeekly2.eid)));
    expect(open?.eventInstanceId).toBe(fixtureEvents.priyaWeekly2.eventId);
    expect(open?.seriesId).toBe(fixtureEvents.priyaWeekly2.seriesId);
    expect(open?.startsAt).toBe("2026-10-20T16:00:00.000Z");
    expect(open?.signals.recurring).toBe(true);
  });

  it("reads the German edit page with an empty guest list", () => {
    const open = readOpenEvent(loadFixture("edit-page-de.html"));
    expect(open?.source).toBe("edit");
    expect(open?.eid).toBe(fixtureEvents.focusBlock.eid);
    expect(open?.startsAt).toBe(local(2026, 10, 16, 9));
    expect(open?.signals).toEqual({ title: "1:1 prep", attendees: [], selfEmail: "sam@example.com" });
  });

  it("reads a new event's edit page without an eid", () => {
    const open = readOpenEvent(
      loadFixture("edit-page.html", "https://calendar.google.com/calendar/u/0/r/eventedit?text=Hi"),
    );
    expect(open?.source).toBe("edit");
    expect(open?.eid).toBeUndefined();
    expect(open?.eventInstanceId).toBeUndefined();
    expect(open?.signals.title).toBe("Jordan <> Sam");
  });

  it("falls back to the event view URL's eid when the card has none", () => {
    const html = readFixture("dialog-group.html").replace(
      /data-eventid="[^"]*">\s*<span id="rAECCd"/,
      '><span id="rAECCd"',
    );
    const doc = loadHtml(html).document;
    expect(doc.querySelector("#xDetDlg")?.hasAttribute("data-eventid")).toBe(false);
    const url = `https://calendar.google.com/calendar/u/0/r/event?eid=${fixtureEvents.teamMeeting.eid}`;
    expect(readOpenEvent(doc, url)?.eventInstanceId).toBe(fixtureEvents.teamMeeting.eventId);
    expect(readOpenEvent(doc, fixtureWeekUrl)?.eventInstanceId).toBeUndefined();
  });
});

describe("guest rows", () => {
  const withRows = (rows: string) =>
    loadHtml(
      readFixture("dialog-group.html").replace(
        /<div role="tree" aria-label="Guests">[\s\S]*?<\/div>\s*<\/div>\s*<div id="xDtlDlgOrg">/,
        `<div role="tree" aria-label="Guests">${rows}</div></div><div id="xDtlDlgOrg">`,
      ),
    ).document;

  it("dedupes by email, lower-cased, keeping the organizer flag", () => {
    const doc = withRows(`
      <div role="treeitem" data-email="Priya@Example.COM" aria-label="Priya Raman, Attending">Priya Raman</div>
      <div role="treeitem" data-email="priya@example.com" aria-label="Priya Raman, Attending, Organizer">Priya Raman</div>
      <div role="treeitem" data-email="sam@example.com" aria-label="Sam Lee, Attending">Sam Lee</div>`);
    expect(readOpenEvent(doc)?.signals.attendees).toEqual([
      { email: "priya@example.com", displayName: "Priya Raman", organizer: true, responseStatus: "accepted" },
      { email: "sam@example.com", displayName: "Sam Lee", self: true, responseStatus: "accepted" },
    ]);
  });

  it("falls back to data-hovercard-id and to the row's text", () => {
    const doc = withRows(`
      <div role="treeitem" data-hovercard-id="jordan@example.com"><span aria-hidden="true">JK</span><span>Jordan Kim</span><span>Optional</span></div>`);
    expect(readOpenEvent(doc)?.signals.attendees).toEqual([
      { email: "jordan@example.com", displayName: "Jordan Kim", optional: true },
    ]);
  });

  it("says how far the guest list has come: rows read, a section still without rows, or none", () => {
    expect(readOpenEvent(loadFixture("dialog-recurring-1on1.html"))?.guestRows).toBe("read");
    expect(readOpenEvent(loadFixture("dialog-no-guests.html"))?.guestRows).toBe("none");
    const filling = loadFixture("dialog-group.html");
    for (const row of filling.querySelectorAll('[role="treeitem"]')) row.remove();
    expect(readOpenEvent(filling)?.guestRows).toBe("expected");
  });

  it("leaves guests unknown when the section's rows cannot be read", () => {
    const doc = withRows('<div role="treeitem" aria-label="Someone, Attending">Someone</div>');
    const open = readOpenEvent(doc);
    expect(open?.signals.title).toBe("Platform team planning");
    expect(open?.signals.attendees).toBeUndefined();
  });

  it("marks the organizer from the organizer row when no guest row says so", () => {
    const doc = withRows(`
      <div role="treeitem" data-email="priya@example.com" aria-label="Priya Raman">Priya Raman</div>
      <div role="treeitem" data-email="sam@example.com" aria-label="Sam Lee">Sam Lee</div>`);
    expect(readOpenEvent(doc)?.signals.attendees?.find((a) => a.organizer)?.email).toBe("sam@example.com");
  });

  it("skips rows without a usable email", () => {
    const doc = withRows(`
      <div role="treeitem" data-email="not-an-email" aria-label="Ghost">Ghost</div>
      <div role="treeitem" data-email="alex@example.com" aria-label="Alex Chen, Maybe">Alex Chen</div>`);
    expect(readOpenEvent(doc)?.signals.attendees).toEqual([
      { email: "alex@example.com", displayName: "Alex Chen", responseStatus: "tentative" },
    ]);
  });
});

describe("no-guest inference", () => {
  it("does not claim [] before the card shows a title", () => {
    const html = readFixture("dialog-no-guests.html").replace(
      '<span id="rAECCd" role="heading" aria-level="1">1:1 prep</span>',
      '<span id="rAECCd" role="heading" aria-level="1"></span>',
    );
    const open = readOpenEvent(loadHtml(html).document);
    expect(open?.signals.title).toBe("");
    expect(open?.signals.attendees).toBeUndefined();
  });

  it("does not claim [] when guest markup is present but unrecognised", () => {
    const html = readFixture("dialog-no-guests.html").replace(
      '<div id="xDtlDlgOrg">',
      '<div class="renamed"><div data-email="priya@example.com">Priya Raman</div></div><div id="xDtlDlgOrg">',
    );
    expect(readOpenEvent(loadHtml(html).document)?.signals.attendees).toBeUndefined();
  });
});

describe("readSelfEmail", () => {
  it("reads #xUserEmail", () => {
    expect(readSelfEmail(loadFixture("grid.html"))).toBe("sam@example.com");
  });

  it("falls back to the account button", () => {
    const doc = loadFixture("grid.html");
    doc.getElementById("xUserEmail")?.remove();
    expect(readSelfEmail(doc)).toBe("sam@example.com");
  });

  it("is undefined without either", () => {
    const doc = loadFixture("dialog-no-guests.html");
    doc.getElementById("xUserEmail")?.remove();
    expect(readSelfEmail(doc)).toBeUndefined();
    expect(readOpenEvent(doc)?.signals.selfEmail).toBeUndefined();
    expect(readOpenEvent(doc)?.signals.attendees).toEqual([]);
  });

  it("ignores text that is not an email", () => {
    const { document: doc } = loadHtml('<div id="xUserEmail">Sam Lee</div>');
    expect(readSelfEmail(doc)).toBeUndefined();
  });
});

describe("calendarOwnerAmongGuests", () => {
  const guests = [{ email: "Sam@Example.com" }, { email: "priya@example.com" }];

  it("is the owner of the event's calendar when they are a guest", () => {
    expect(calendarOwnerAmongGuests({ calendarId: "sam@example.com", signals: { attendees: guests } })).toBe(
      "sam@example.com",
    );
  });

  it("is no one for a calendar whose owner isn't a guest, a group's calendar, or unread guests", () => {
    expect(
      calendarOwnerAmongGuests({ calendarId: "alex@example.com", signals: { attendees: guests } }),
    ).toBeUndefined();
    expect(
      calendarOwnerAmongGuests({
        calendarId: "eng-leads@group.calendar.google.com",
        signals: { attendees: [...guests, { email: "eng-leads@group.calendar.google.com" }] },
      }),
    ).toBeUndefined();
    expect(calendarOwnerAmongGuests({ calendarId: "sam@example.com", signals: {} })).toBeUndefined();
    expect(calendarOwnerAmongGuests({ signals: { attendees: guests } })).toBeUndefined();
  });

  it("reads the owner from the dialog's eid", () => {
    const open = readOpenEvent(loadFixture("dialog-recurring-1on1.html"));
    if (!open) throw new Error("no open event");
    expect(open.calendarId).toBeDefined();
    expect(calendarOwnerAmongGuests(open)).toBe(open.calendarId?.toLowerCase());
  });
});

describe("hostile page text", () => {
  const hostile = '<img src=x onerror="window.__pwned=1">1:1 <b>Mallory</b> / Sam';

  it("keeps markup in titles and names as text", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const title = doc.getElementById("rAECCd");
    if (title) title.textContent = hostile;
    const priya = doc.querySelector('[data-email="priya@example.com"]');
    priya?.setAttribute("aria-label", "<script>alert(1)</script>Priya, Attending");
    const imagesBefore = doc.querySelectorAll("img").length;

    const open = readOpenEvent(doc);
    expect(open?.signals.title).toBe(hostile);
    expect(open?.signals.attendees?.[1]?.displayName).toBe("<script>alert(1)</script>Priya");
    expect(doc.querySelectorAll("img")).toHaveLength(imagesBefore);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
  });

  it("caps huge strings and stays fast", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const title = doc.getElementById("rAECCd");
    if (title) title.textContent = `1:1 ${"x".repeat(2_000_000)}`;
    doc
      .querySelector('[data-email="priya@example.com"]')
      ?.setAttribute("aria-label", `${"Priya ".repeat(100_000)}, Attending`);
    const when = doc.getElementById("xDetDlgWhen");
    if (when) when.textContent = "Every ".repeat(200_000);
    const open = readOpenEvent(doc);
    expect(open?.signals.title.length).toBeLessThanOrEqual(1024);
    expect(open?.signals.attendees?.[1]?.displayName?.length).toBeLessThanOrEqual(200);
    expect(open?.signals.recurring).toBe(true);
  });

  it("does not let control characters or odd whitespace through", () => {
    const doc = loadFixture("dialog-no-guests.html");
    const title = doc.getElementById("rAECCd");
    if (title) title.textContent = "  1:1\u0000 prep\n\t\u00a0block  ";
    expect(readOpenEvent(doc)?.signals.title).toBe("1:1 prep block");
  });
});
