import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dismissOtherVersion,
  findOrCreateMeeting,
  findOrCreatePerson,
  foldInOtherVersion,
  keepEditsLeftBehind,
  keepUnsavedEdit,
  LATEST_DATE,
  mergeEdit,
  PrepDatabase,
  recoverUnsavedEdits,
  saveText,
  startGrowthPlan,
  type TextTarget,
} from "@/lib/db";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`text-edits-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const NOW = Date.UTC(2026, 11, 3, 9);

async function meeting(extra: { updatedAt?: number } = {}) {
  const person = await findOrCreatePerson(db, { email: "priya@example.com", displayName: "Priya" });
  const m = await findOrCreateMeeting(db, { personId: person.id, eventInstanceId: "e1", startsAt: NOW }, NOW);
  if (extra.updatedAt !== undefined) await db.meetings.update(m.id, { updatedAt: extra.updatedAt });
  return m;
}

const notesOf = async (id: string) => (await db.meetings.get(id))?.notes;

describe("mergeEdit", () => {
  it.each([
    ["nobody else wrote", ["a b"], "a b c", "a b", { clean: true, text: "a b c" }],
    ["only they wrote", ["a b"], "a b", "a b c", { clean: true, text: "a b c" }],
    ["both wrote the same", ["a"], "a b", "a b", { clean: true, text: "a b" }],
    ["different lines", ["one\ntwo"], "one!\ntwo", "one\ntwo!", { clean: true, text: "one!\ntwo!" }],
    [
      "different words of one line",
      ["fix the build"],
      "fix the flaky build",
      "fix the build today",
      { clean: true, text: "fix the flaky build today" },
    ],
    [
      "the same words",
      ["ship it"],
      "ship it now",
      "ship it later",
      { clean: false, text: "ship it now", other: "ship it later" },
    ],
    ["no base in common", [], "mine", "theirs", { clean: false, text: "mine", other: "theirs" }],
    [
      "both typing at the same place",
      ["Next: "],
      "Next: promotion case, written in another window.",
      "Next: vacation plans",
      {
        clean: false,
        text: "Next: promotion case, written in another window.",
        other: "Next: vacation plans",
      },
    ],
    [
      "one inserting where the other replaced",
      ["a b c"],
      "a X b c",
      "a b Y",
      { clean: true, text: "a X b Y" },
    ],
    ["neighbouring words", ["one two three"], "one 2 three", "one two 3", { clean: true, text: "one 2 3" }],
    [
      "one deleting what the other changed",
      ["keep drop keep"],
      "keep keep",
      "keep DROP keep",
      { clean: false, text: "keep keep", other: "keep DROP keep" },
    ],
  ])("%s", (_name, bases, ours, theirs, expected) => {
    expect(mergeEdit(bases, ours, theirs)).toEqual(expected);
  });

  it("tries each base it was typed over, newest first", () => {
    expect(mergeEdit(["a", "a b"], "a b c", "x a b")).toEqual({ clean: true, text: "x a b c" });
  });

  it("keeps each side's edit exactly when they touch different words", () => {
    // Words that occur once each, so where each edit lies is never in doubt.
    const pool = ["alpha", "Ärger", "日本", "x", "\n"];
    const words = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, k) => `${prefix}${pool[k % pool.length]}${k}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 12 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (length, i, j, xs, ys) => {
          const base = words("b", length);
          const at = [i % base.length, j % base.length].sort((p, q) => p - q) as [number, number];
          if (at[1] - at[0] < 2) return;
          const [x, y] = [words("x", xs), words("y", ys)];
          const ours = [...base.slice(0, at[0]), ...x, ...base.slice(at[0] + 1)];
          const theirs = [...base.slice(0, at[1]), ...y, ...base.slice(at[1] + 1)];
          const expected = [
            ...base.slice(0, at[0]),
            ...x,
            ...base.slice(at[0] + 1, at[1]),
            ...y,
            ...base.slice(at[1] + 1),
          ];
          expect(mergeEdit([base.join(" ")], ours.join(" "), theirs.join(" "))).toEqual({
            clean: true,
            text: expected.join(" "),
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never drops text: a merge keeps both edits, a clash hands back the other version whole", () => {
    const words = fc.array(fc.constantFrom("alpha", "beta", "gamma", "Ärger", "日本", "x"), { maxLength: 8 });
    fc.assert(
      fc.property(words, words, words, (base, before, after) => {
        const baseText = base.join(" ");
        const ours = [baseText, ...after].join(" ");
        const theirs = [...before, baseText].join(" ");
        const merged = mergeEdit([baseText], ours, theirs);
        if (merged.clean) {
          for (const word of [...before, ...after]) expect(merged.text).toContain(word);
          if (ours === baseText) expect(merged.text).toBe(theirs);
          if (theirs === baseText) expect(merged.text).toBe(ours);
        } else {
          expect(merged.text).toBe(ours);
          expect(merged.other).toBe(theirs);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("saveText", () => {
  it("writes an edit over the stored text and returns what is stored", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    expect(await saveText(db, target, { text: "Offsite budget", bases: [""] }, NOW)).toBe("Offsite budget");
    expect(await notesOf(m.id)).toBe("Offsite budget");
  });

  it("is not stopped by a last-edit time in the future (a wrong clock elsewhere)", async () => {
    const m = await meeting({ updatedAt: LATEST_DATE });
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "first", bases: [""] }, NOW);
    await saveText(db, target, { text: "first, then more", bases: ["first"] }, NOW + 1);
    expect(await notesOf(m.id)).toBe("first, then more");
  });

  it("merges two tabs' edits to different parts of the notes", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "Budget\nHiring", bases: [""] }, NOW);
    await saveText(db, target, { text: "Budget is stuck\nHiring", bases: ["Budget\nHiring"] }, NOW);
    const stored = await saveText(
      db,
      target,
      { text: "Budget\nHiring: two offers", bases: ["Budget\nHiring"] },
      NOW,
    );
    expect(stored).toBe("Budget is stuck\nHiring: two offers");
    expect((await db.meetings.get(m.id))?.otherVersions).toBeUndefined();
  });

  it("keeps both versions when two tabs change the same words, and says so on the meeting", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "Next: ", bases: [""] }, NOW);
    await saveText(db, target, { text: "Next: promotion case", bases: ["Next: "] }, NOW);
    const stored = await saveText(db, target, { text: "Next: vacation plans", bases: ["Next: "] }, NOW + 5);
    expect(stored).toBe("Next: vacation plans");
    const row = await db.meetings.get(m.id);
    expect(row?.otherVersions).toEqual([{ text: "Next: promotion case", savedAt: NOW + 5, from: "tab" }]);

    await foldInOtherVersion(db, m.id, NOW + 5, "Next: promotion case");
    expect(await notesOf(m.id)).toBe("Next: vacation plans\n\nNext: promotion case");
    expect((await db.meetings.get(m.id))?.otherVersions).toBeUndefined();
  });

  it("lets the manager let another version go, and only that one", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "a", bases: [""] }, NOW);
    await saveText(db, target, { text: "b", bases: [""] }, NOW + 1);
    await saveText(db, target, { text: "c", bases: [""] }, NOW + 2);
    await dismissOtherVersion(db, m.id, NOW + 1, "a");
    expect((await db.meetings.get(m.id))?.otherVersions).toEqual([
      { text: "b", savedAt: NOW + 2, from: "tab" },
    ]);
  });

  it("keeps a clashing answer beside the answer, named by its prompt", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "answer", meetingId: m.id, promptId: "monthly.make-it-a-10" };
    await saveText(db, target, { text: "Less on-call", bases: [""] }, NOW);
    await saveText(db, target, { text: "More focus time", bases: [""] }, NOW);
    const row = await db.meetings.get(m.id);
    expect(row?.answers["monthly.make-it-a-10"]).toBe("More focus time");
    expect(row?.otherVersions).toEqual([
      { text: "Less on-call", savedAt: NOW, from: "tab", promptId: "monthly.make-it-a-10" },
    ]);
    await foldInOtherVersion(db, m.id, NOW, "Less on-call");
    expect((await db.meetings.get(m.id))?.answers["monthly.make-it-a-10"]).toBe(
      "More focus time\n\nLess on-call",
    );
  });

  it("keeps both texts of a growth plan field written twice at once", async () => {
    const person = await findOrCreatePerson(db, { email: "priya@example.com" });
    const plan = await startGrowthPlan(db, person.id, NOW);
    const target: TextTarget = { kind: "plan", planId: plan.id, field: "goal" };
    await saveText(db, target, { text: "Lead the billing migration", bases: [""] }, NOW);
    const stored = await saveText(db, target, { text: "Run the design review", bases: [""] }, NOW);
    expect(stored).toBe("Run the design review\n\nLead the billing migration");
  });
});

describe("edits a closing page puts down", () => {
  it("are written into their notes by the next page to open the database", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "Typed before", bases: [""] }, NOW);
    expect(
      keepUnsavedEdit(db, "editor-1", target, {
        text: "Typed before the tab closed",
        bases: ["Typed before"],
      }),
    ).toBe(true);
    expect(await db.unsavedEdits.count()).toBe(1);
    expect(await recoverUnsavedEdits(db, NOW)).toBe(1);
    expect(await notesOf(m.id)).toBe("Typed before the tab closed");
    expect(await db.unsavedEdits.count()).toBe(0);
  });

  it("merge with what another tab wrote meanwhile", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "one\ntwo", bases: [""] }, NOW);
    keepUnsavedEdit(db, "editor-1", target, { text: "one, closed tab\ntwo", bases: ["one\ntwo"] });
    await saveText(db, target, { text: "one\ntwo, open tab", bases: ["one\ntwo"] }, NOW);
    await recoverUnsavedEdits(db, NOW);
    expect(await notesOf(m.id)).toBe("one, closed tab\ntwo, open tab");
  });

  it("go beside what an open view shows when they clash with it, never in its place", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "Next: ", bases: [""] }, NOW);
    keepUnsavedEdit(db, "closed", target, { text: "Next: promotion case", bases: ["Next: "] });
    await saveText(db, target, { text: "Next: vacation plans", bases: ["Next: "] }, NOW);
    await recoverUnsavedEdits(db, NOW + 1);
    const row = await db.meetings.get(m.id);
    expect(row?.notes).toBe("Next: vacation plans");
    expect(row?.otherVersions).toEqual([{ text: "Next: promotion case", savedAt: NOW + 1, from: "tab" }]);
  });

  it("land once, even when two pages recover at the same time", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    keepUnsavedEdit(db, "editor-1", target, { text: "once", bases: [""] });
    const other = new PrepDatabase(db.name);
    const written = await Promise.all([recoverUnsavedEdits(db, NOW), recoverUnsavedEdits(other, NOW)]);
    other.close();
    expect(written[0] + written[1]).toBe(1);
    expect(await notesOf(m.id)).toBe("once");
  });

  it("are dropped when their meeting was deleted since, and a malformed one is dropped too", async () => {
    keepUnsavedEdit(db, "editor-1", { kind: "notes", meetingId: "gone" }, { text: "x", bases: [""] });
    await db.unsavedEdits.put({ id: "junk", target: { kind: "notes" } } as never);
    expect(await recoverUnsavedEdits(db, NOW)).toBe(0);
    expect(await db.unsavedEdits.count()).toBe(0);
  });

  it("are put down only where the database is open", () => {
    const closed = new PrepDatabase("never-opened");
    expect(keepUnsavedEdit(closed, "e", { kind: "notes", meetingId: "m" }, { text: "x", bases: [] })).toBe(
      false,
    );
  });
});

describe("edits the background held for a page that went away", () => {
  it("are written when the page's own never landed", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    await saveText(db, target, { text: "Typed before", bases: [""] }, NOW);
    const held = {
      id: "editor-1",
      target,
      text: "Typed before the tab closed",
      bases: ["Typed before"],
      editedAt: NOW,
    };
    expect(await keepEditsLeftBehind(db, [held])).toBe(1);
    await recoverUnsavedEdits(db, NOW);
    expect(await notesOf(m.id)).toBe("Typed before the tab closed");
  });

  it("leave the page's own in place when it landed, and land once", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    keepUnsavedEdit(db, "editor-1", target, { text: "the page's last word", bases: [""] }, NOW);
    const held = { id: "editor-1", target, text: "the page's last", bases: [""], editedAt: NOW };
    expect(await keepEditsLeftBehind(db, [held])).toBe(0);
    await recoverUnsavedEdits(db, NOW);
    expect(await notesOf(m.id)).toBe("the page's last word");
  });

  it("handed over again with more typed, put the later down in place of the earlier", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    const first = { id: "editor-1", target, text: "Agreed", bases: [""], editedAt: NOW };
    const later = { ...first, text: "Agreed: ship Friday", editedAt: NOW + 40 };
    expect(await keepEditsLeftBehind(db, [first])).toBe(1);
    expect(await keepEditsLeftBehind(db, [later])).toBe(1);
    expect(await keepEditsLeftBehind(db, [first])).toBe(0);
    await recoverUnsavedEdits(db, NOW);
    expect(await notesOf(m.id)).toBe("Agreed: ship Friday");
  });

  it("change nothing when written twice, and refuse what isn't an edit", async () => {
    const m = await meeting();
    const target: TextTarget = { kind: "notes", meetingId: m.id };
    const held = { id: "editor-1", target, text: "Agreed: ship Friday", bases: [""], editedAt: NOW };
    await keepEditsLeftBehind(db, [held]);
    await recoverUnsavedEdits(db, NOW);
    await keepEditsLeftBehind(db, [held, { id: "x", target: { kind: "notes" }, text: 1 }, null]);
    expect(await db.unsavedEdits.count()).toBe(1);
    await recoverUnsavedEdits(db, NOW);
    const after = await db.meetings.get(m.id);
    expect(after?.notes).toBe("Agreed: ship Friday");
    expect(after?.otherVersions).toBeUndefined();
  });
});
