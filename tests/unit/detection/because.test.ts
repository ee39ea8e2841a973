import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Attendee,
  classifyEvent,
  type DetectionBecause,
  type DetectionSettings,
  type EventSignals,
  explainEvent,
  reasonInEnglish,
} from "@/lib/detection";
import { prepBecauseSchema } from "@/lib/messaging";

const SELF_EMAIL = "morgan.lee@acme.com";
const me: Attendee = { email: SELF_EMAIL, self: true };
const priya: Attendee = { email: "priya@acme.com", displayName: "Priya Sharma" };
const sam: Attendee = { email: "sam@acme.com", displayName: "Sam Ortiz" };
const vendor: Attendee = { email: "rep@vendor.io", displayName: "Rep" };
const team: Attendee = { email: "team@acme.com", displayName: "Team" };
const colleague = (title: string, recurring = false): EventSignals => ({
  title,
  attendees: [me, priya],
  selfEmail: SELF_EMAIL,
  recurring,
});

describe("why an event is or isn't a 1:1, as data", () => {
  it.each<[string, EventSignals, DetectionSettings | undefined, DetectionBecause, string]>([
    ["a marker", { title: "1:1 Priya" }, undefined, { code: "marker" }, "Title says 1:1"],
    [
      "the manager's keyword, as typed",
      { title: "Mentoring Priya" },
      { keywords: ["Mentoring"] },
      { code: "keyword", phrase: "Mentoring" },
      "Title matches your keyword “Mentoring”",
    ],
    [
      "the manager's exclusion, as typed",
      { title: "1:1 Office Hours" },
      { exclusions: ["Office Hours"] },
      { code: "excluded", phrase: "Office Hours" },
      "Excluded by your setting “Office Hours”",
    ],
    ["a plural", { title: "Planning our 1:1s" }, undefined, { code: "about-plural" }, "Title speaks of 1:1s"],
    [
      "training about 1:1s",
      { title: "1:1 training" },
      undefined,
      { code: "about-word", word: "training" },
      "About 1:1s (training)",
    ],
    ["an interview", { title: "Interview: backend" }, undefined, { code: "interview" }, "Interview"],
    ["a name pair", { title: "Priya / Sam" }, undefined, { code: "name-pair" }, "Title names two people"],
    [
      "no marker, guests unknown",
      { title: "Coffee" },
      undefined,
      { code: "no-marker" },
      "Guests unknown and no 1:1 in the title",
    ],
    [
      "nobody else",
      { title: "1:1", attendees: [me] },
      undefined,
      { code: "no-other-guests" },
      "No other guests",
    ],
    [
      "a group",
      { title: "1:1", attendees: [me, priya, sam], selfEmail: SELF_EMAIL },
      undefined,
      { code: "group-meeting", guests: 3 },
      "Group meeting (3 guests)",
    ],
    [
      "a group address",
      { title: "Sync", attendees: [me, team], selfEmail: SELF_EMAIL },
      undefined,
      { code: "group-address" },
      "The one guest is a group address",
    ],
    [
      "an outside guest",
      { title: "Weekly sync", attendees: [me, vendor], selfEmail: SELF_EMAIL, recurring: true },
      undefined,
      { code: "external-guest" },
      "External guest without a 1:1 marker",
    ],
    [
      "a colleague, recurring",
      colleague("Design review", true),
      undefined,
      { code: "one-guest", guest: "colleague", hint: "recurring" },
      "One colleague, recurring",
    ],
    [
      "a colleague, not recurring",
      colleague("Design review"),
      undefined,
      { code: "one-guest", guest: "colleague", hint: "not-recurring" },
      "One colleague, not recurring and no 1:1 in the title",
    ],
    [
      "a colleague, the title's own words",
      colleague("Sync"),
      undefined,
      { code: "one-guest", guest: "colleague", hint: "regular", words: "sync" },
      "One colleague, sync",
    ],
    [
      "two guests, nobody known as the user",
      { title: "1:1", attendees: [priya, sam] },
      undefined,
      { code: "unclear-self" },
      "Title says 1:1; two guests, and the page doesn't show which one is you",
    ],
  ])("%s", (_, signals, settings, because, reason) => {
    const explained = explainEvent(signals, settings);
    expect(explained.because).toEqual(because);
    expect(explained.reason).toBe(reason);
    expect(reasonInEnglish(because)).toBe(reason);
  });

  it("classifyEvent is the same decision, with no `because` of its own", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.option(fc.subarray([me, priya, sam, vendor, team]), { nil: undefined }),
        fc.boolean(),
        (title, attendees, recurring) => {
          const signals: EventSignals = { title, recurring, ...(attendees ? { attendees } : {}) };
          const { because, ...rest } = explainEvent(signals);
          expect(classifyEvent(signals)).toEqual(rest);
          expect(rest.reason).toBe(reasonInEnglish(because));
          // Whatever the detector says travels in the messages as it is.
          expect(prepBecauseSchema.safeParse(because).success).toBe(true);
        },
      ),
    );
  });

  it("input it can't read is explained as such", () => {
    expect(explainEvent(null as unknown as EventSignals).because).toEqual({ code: "unreadable" });
  });
});
