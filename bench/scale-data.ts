import type { Page } from "@playwright/test";
import { meetingFigureFields } from "../lib/db/stats-figures";

/** Five years of a manager's 1:1s with a team of fifty, as the bench's data-scale figures assume. */
export interface ScaleSpec {
  people: number;
  years: number;
  actionItemsPerPerson: number;
  /** still open per person: a few from long ago (overdue) and the last meeting's */
  openPerPerson: number;
  overduePerPerson: number;
  feedbackPerPerson: number;
  now: number;
  /** what the database keeps of each meeting for the Stats tab, beside the meeting */
  figureFields: readonly string[];
}

export const scaleSpec = (now: number): ScaleSpec => ({
  people: 50,
  years: 5,
  actionItemsPerPerson: 2000,
  openPerPerson: 7,
  overduePerPerson: 3,
  feedbackPerPerson: 400,
  now,
  figureFields: meetingFigureFields,
});

export interface SeededPerson {
  id: string;
  email: string;
  displayName: string;
  /** the person's latest meeting, the one whose prep the sidebar would show */
  latestMeetingId: string;
}

export interface SeedResult {
  people: SeededPerson[];
  counts: Record<"people" | "meetings" | "actionItems" | "openActionItems" | "overdue" | "feedback", number>;
  /** generating the rows in the page */
  generateMillis: number;
  /** writing them with raw IndexedDB, one transaction per table: a floor for any import */
  writeMillis: number;
}

/**
 * Writes the data straight into the extension's IndexedDB from one of its pages, in one big
 * transaction per table, generated inside the page so nothing large crosses the wire. Rows have
 * the shapes lib/db/schema.ts declares (and validate against it, so the export imports again),
 * ids are UUIDs as the app makes them, open action items carry `open: 1` and each meeting has
 * its figures, as the database's middleware would have written them. The first two people are
 * the fixture calendar's Priya and Jordan, so opening their 1:1s shows five years of history.
 */
export async function seedScale(extensionPage: Page, spec: ScaleSpec): Promise<SeedResult> {
  return extensionPage.evaluate(async (s: ScaleSpec) => {
    const started = performance.now();
    let state = 0x2f6b_1d3c;
    const rand = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
    const WORDS = (
      "roadmap review hiring onboarding incident retro promotion feedback growth pairing design doc " +
      "migration on-call launch budget offsite mentoring customer escalation latency dashboard api " +
      "planning estimate scope deadline handover interview workload energy focus conference talk " +
      "refactor testing release quality metrics goals quarter team project stakeholder demo spec"
    ).split(" ");
    const sentence = (min: number, max: number) => {
      const words = Array.from({ length: between(min, max) }, () => WORDS[between(0, WORDS.length - 1)]);
      const text = words.join(" ");
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    };
    const paragraph = (sentences: number) =>
      Array.from({ length: sentences }, () => sentence(5, 12)).join(" ");
    const FIRST = [
      "Alex",
      "Sam",
      "Robin",
      "Kai",
      "Noor",
      "Mika",
      "Lena",
      "Omar",
      "Ines",
      "Tomás",
      "Yuki",
      "Zoe",
    ];
    const LAST = [
      "Chen",
      "Garcia",
      "Müller",
      "Okafor",
      "Silva",
      "Nakamura",
      "Novak",
      "Haddad",
      "Berg",
      "Rossi",
    ];

    const DAY = 86_400_000;
    const WEEK = 7 * DAY;
    const weeks = Math.round((s.years * 365) / 7);
    const firstWeek = s.now - weeks * WEEK;

    const people: Record<string, unknown>[] = [];
    const meetings: Record<string, unknown>[] = [];
    const actionItems: Record<string, unknown>[] = [];
    const feedback: Record<string, unknown>[] = [];
    const seeded: {
      id: string;
      email: string;
      displayName: string;
      latestMeetingId: string;
    }[] = [];
    let open = 0;
    let overdue = 0;

    for (let p = 0; p < s.people; p++) {
      const personId = crypto.randomUUID();
      const fixture = [
        { email: "priya@example.com", displayName: "Priya Raman" },
        { email: "jordan@example.com", displayName: "Jordan Kim" },
      ][p];
      const first = FIRST[p % FIRST.length] ?? "Alex";
      const last = LAST[Math.floor(p / FIRST.length) % LAST.length] ?? "Chen";
      const displayName = fixture?.displayName ?? `${first} ${last}`;
      // Plain ASCII addresses, as Calendar shows for almost everyone.
      const ascii = `${first}.${last}`.normalize("NFD").replace(/[^A-Za-z.]/g, "");
      const email = fixture?.email ?? `${ascii}.${p}@example.com`.toLowerCase();
      people.push({ id: personId, email, displayName, cadenceDays: 7 });

      const series = `${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;
      const own: { id: string; startsAt: number }[] = [];
      for (let w = 0; w <= weeks; w++) {
        const startsAt = firstWeek + w * WEEK + (p % 8) * 3_600_000;
        const stamp = new Date(startsAt).toISOString().replace(/[-:]|\.\d+/g, "");
        const id = crypto.randomUUID();
        const past = startsAt <= s.now;
        // One meeting in ten was skipped or left without notes.
        const notes = past && rand() > 0.1 ? paragraph(between(3, 7)) : "";
        meetings.push({
          id,
          personId,
          eventInstanceId: `${series}_${stamp}`,
          seriesId: series,
          title: `1:1 ${displayName.split(" ")[0]} / Sam`,
          startsAt,
          kind: w % 4 === 0 ? "monthly" : "weekly",
          status: past ? (notes ? "held" : "skipped") : "planned",
          notes,
          answers: {},
          ...(past && notes ? { happiness: between(5, 10) } : {}),
          updatedAt: startsAt,
        });
        own.push({ id, startsAt });
      }
      const latest = own[own.length - 1];
      if (!latest) throw new Error("no meetings");
      seeded.push({ id: personId, email, displayName, latestMeetingId: latest.id });

      const held = own.filter((m) => m.startsAt < s.now);
      for (let i = 0; i < s.actionItemsPerPerson; i++) {
        // Spread over the held meetings in order; the last few items are still open, and a
        // few from the past year were forgotten and are overdue.
        const overdueItem = i < s.overduePerPerson;
        const meeting = overdueItem
          ? held[held.length - between(8, 52)]
          : held[Math.floor((i * held.length) / s.actionItemsPerPerson)];
        if (!meeting) throw new Error("no held meetings");
        const fromEnd = s.actionItemsPerPerson - i;
        const isOpen = overdueItem || fromEnd <= s.openPerPerson - s.overduePerPerson;
        const createdAt = meeting.startsAt;
        const dueAt = overdueItem
          ? createdAt + 14 * DAY
          : rand() < 0.7
            ? createdAt + between(3, 21) * DAY
            : undefined;
        const item: Record<string, unknown> = {
          id: crypto.randomUUID(),
          personId,
          meetingId: meeting.id,
          owner: rand() < 0.5 ? "me" : "them",
          text: sentence(4, 9),
          createdAt,
        };
        if (isOpen && !overdueItem && dueAt !== undefined) item.dueAt = Math.max(dueAt, s.now + DAY);
        else if (dueAt !== undefined) item.dueAt = dueAt;
        if (isOpen) {
          item.open = 1;
          open++;
          if (overdueItem) overdue++;
        } else {
          item.doneAt = Math.min(s.now - 1, createdAt + between(1, 20) * DAY);
        }
        actionItems.push(item);
      }

      for (let i = 0; i < s.feedbackPerPerson; i++) {
        const createdAt = firstWeek + Math.floor((i / s.feedbackPerPerson) * (s.now - firstWeek));
        const deliveredIn = own.find((m) => m.startsAt > createdAt && m.startsAt <= s.now);
        const queued = i >= s.feedbackPerPerson - 2 || !deliveredIn;
        feedback.push({
          id: crypto.randomUUID(),
          personId,
          situation: sentence(6, 12),
          behavior: sentence(6, 14),
          impact: sentence(6, 14),
          request: rand() < 0.5 ? sentence(5, 10) : "",
          valence: rand() < 0.6 ? "reinforcing" : "redirecting",
          createdAt,
          ...(queued || !deliveredIn
            ? {}
            : { deliveredAt: deliveredIn.startsAt, deliveredMeetingId: deliveredIn.id }),
        });
      }
    }

    const generated = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const write = (table: string, rows: Record<string, unknown>[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(table, "readwrite", { durability: "relaxed" });
        const store = tx.objectStore(table);
        for (const row of rows) store.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    await write("people", people);
    await write("meetings", meetings);
    // Each meeting's figures, as the database's middleware writes them beside every meeting
    // (lib/db/meeting-figures.ts); the Stats tab reads these.
    await write(
      "meetingFigures",
      meetings.map((m) =>
        Object.fromEntries(s.figureFields.flatMap((f) => (m[f] === undefined ? [] : [[f, m[f]]]))),
      ),
    );
    // A new stamp, as the middleware leaves after any write to people or meetings: Stats builds
    // its snapshot from the rows above on its first open.
    await write("statsSnapshot", [{ id: "team", stamp: `seeded-${Date.now()}` }]);
    await write("actionItems", actionItems);
    await write("feedback", feedback);
    db.close();
    return {
      people: seeded,
      counts: {
        people: people.length,
        meetings: meetings.length,
        actionItems: actionItems.length,
        openActionItems: open,
        overdue,
        feedback: feedback.length,
      },
      generateMillis: generated - started,
      writeMillis: performance.now() - generated,
    };
  }, spec);
}
