import { Problem } from "@/lib/problem";
import type { PrepDatabase } from "./database";
import { saveGrowthPlanText } from "./growth-plans";
import { mergeEdit } from "./merge-text";
import {
  type Meeting,
  OTHER_VERSIONS_MAX,
  type OtherVersion,
  type TextTarget,
  type UnsavedEdit,
  unsavedEditSchema,
} from "./schema";

export const NOTES_MAX = 200_000;
export const ANSWER_MAX = 20_000;

/** What a text field hands over to be written: the text, and the stored texts it was typed over. */
export interface TextEdit {
  text: string;
  /**
   * Stored texts this edit descends from, newest last: the text the field last read or wrote, and
   * any it sent whose write may or may not have landed. Edits are ordered by what they were typed
   * over, never by clocks, so a wrong clock anywhere can't make an edit lose.
   */
  bases: readonly string[];
}

/**
 * Keeps another version beside the notes. Only a real clash of two edits adds one, so the row's
 * limit is far off; should it be reached, the two oldest are joined when they fit into one.
 */
function withOtherVersion(list: readonly OtherVersion[] | undefined, version: OtherVersion): OtherVersion[] {
  const next = [...(list ?? []), version];
  const [first, second] = next;
  if (
    next.length > OTHER_VERSIONS_MAX &&
    first &&
    second &&
    first.text.length + second.text.length + 2 <= NOTES_MAX
  )
    next.splice(0, 2, { ...second, text: `${first.text}\n\n${second.text}` });
  return next;
}

/**
 * Writes an edit of a text field and returns the text now stored. When another view wrote the
 * field meanwhile, the two edits are merged when they touch different words; when they touch the
 * same words, this edit is stored and the other is kept beside it (the notes' "other versions"),
 * so no text is ever dropped.
 */
export async function saveText(
  db: PrepDatabase,
  target: TextTarget,
  edit: TextEdit,
  now = Date.now(),
  /**
   * Which text stays in the field when the two clash. A field being typed in writes its own (the
   * other tab follows it, and shows the other text beside it); an edit a closed page left behind
   * must not replace what an open view shows, so it goes beside the field instead.
   */
  onClash: "ours" | "stored" = "ours",
): Promise<string> {
  if (target.kind === "plan")
    return saveGrowthPlanText(db, target.planId, target.field, edit.text, edit.bases);
  return db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(target.meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    const max = target.kind === "notes" ? NOTES_MAX : ANSWER_MAX;
    const stored = target.kind === "notes" ? meeting.notes : (meeting.answers[target.promptId] ?? "");
    let merged = mergeEdit(edit.bases, edit.text.slice(0, max), stored);
    if (merged.clean && merged.text.length > max) merged = { clean: false, text: edit.text, other: stored };
    if (!merged.clean && onClash === "stored") merged = { clean: false, text: stored, other: merged.text };
    if (merged.clean && merged.text === stored) return stored;
    const changes: Partial<Meeting> = { updatedAt: now };
    if (target.kind === "notes") changes.notes = merged.text;
    else {
      const answers = { ...meeting.answers };
      if (merged.text === "") delete answers[target.promptId];
      else answers[target.promptId] = merged.text;
      changes.answers = answers;
    }
    if (!merged.clean && merged.other.trim() !== "") {
      changes.otherVersions = withOtherVersion(meeting.otherVersions, {
        text: merged.other,
        savedAt: now,
        from: "tab",
        ...(target.kind === "answer" ? { promptId: target.promptId } : {}),
      });
    }
    await db.meetings.update(meeting.id, changes);
    return merged.text;
  });
}

/** Sets the notes outright, as the one writer (a test, a sync); editors go through saveText. */
export async function saveMeetingNotes(db: PrepDatabase, meetingId: string, notes: string, now = Date.now()) {
  return db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    return saveText(db, { kind: "notes", meetingId }, { text: notes, bases: [meeting.notes] }, now);
  });
}

/**
 * Puts down an edit whose page is going away, in one synchronous step: the request is made and
 * committed before this returns, so it lands even when the tab closes at once, with no promise or
 * message left to wait on. The next page (or the background) to open the database writes it into
 * its field. Returns false when the database was not open here.
 */
export function keepUnsavedEdit(
  db: PrepDatabase,
  id: string,
  target: TextTarget,
  edit: TextEdit,
  now = Date.now(),
): boolean {
  try {
    if (!db.isOpen()) return false;
    const row: UnsavedEdit = { id, target, text: edit.text, bases: edit.bases.slice(-4), editedAt: now };
    const tx = db.backendDB().transaction("unsavedEdits", "readwrite");
    tx.objectStore("unsavedEdits").put(row);
    tx.commit?.();
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts down edits the background held for a page that went away before writing them. A page that
 * did put its own edit down as it went wrote the same field's latest text under the same id, later
 * than any it handed over, so that one stays; these fill in only where the page's own never
 * landed. Untrusted: each is checked.
 */
export async function keepEditsLeftBehind(db: PrepDatabase, edits: readonly unknown[]): Promise<number> {
  const valid = edits.flatMap((raw) => {
    const edit = unsavedEditSchema.safeParse(raw);
    return edit.success ? [edit.data] : [];
  });
  if (valid.length === 0) return 0;
  return db.transaction("rw", db.unsavedEdits, async () => {
    const there = await db.unsavedEdits.bulkGet(valid.map((edit) => edit.id));
    // An edit handed over a second time (the tab closed, then its line ended with more) replaces
    // the first; the page's own, put down last of all, is never older than what it held.
    const missing = valid.filter((edit, i) => {
      const put = there[i];
      return put === undefined || put.editedAt < edit.editedAt;
    });
    await db.unsavedEdits.bulkPut(missing);
    return missing.length;
  });
}

/** The field wrote everything it had put down; nothing is left to recover. */
export async function discardUnsavedEdit(db: PrepDatabase, id: string) {
  await db.unsavedEdits.delete(id);
}

/**
 * Writes every edit a closed page left behind into its field, merging as any edit does. Runs when
 * a page opens the database and when the background learns a tab or frame went away. Safe to run
 * anywhere at once: each edit is taken in its own transaction, by whoever gets there first.
 */
export async function recoverUnsavedEdits(db: PrepDatabase, now = Date.now()): Promise<number> {
  const ids = await db.unsavedEdits.toCollection().primaryKeys();
  let written = 0;
  for (const id of ids) {
    await db.transaction("rw", [db.unsavedEdits, db.meetings, db.growthPlans], async () => {
      const raw = await db.unsavedEdits.get(id);
      if (!raw) return;
      await db.unsavedEdits.delete(id);
      // Put down outside Dexie, past every check: read it as untrusted.
      const edit = unsavedEditSchema.safeParse(raw);
      if (!edit.success) return;
      const { target } = edit.data;
      // Its meeting or plan was deleted since: there is nothing left to write it into.
      const there =
        target.kind === "plan"
          ? await db.growthPlans.get(target.planId)
          : await db.meetings.get(target.meetingId);
      if (!there) return;
      await saveText(db, target, edit.data, now, "stored");
      written++;
    });
  }
  return written;
}

/** The manager has read another version of these notes and lets it go, or has folded it in. */
export async function dismissOtherVersion(
  db: PrepDatabase,
  meetingId: string,
  savedAt: number,
  text: string,
) {
  await db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting?.otherVersions) return;
    const rest = meeting.otherVersions.filter((v) => !(v.savedAt === savedAt && v.text === text));
    await db.meetings.update(meetingId, { otherVersions: rest.length > 0 ? rest : undefined });
  });
}

/** Adds another version below the notes as they stand, then lets it go: one step, nothing lost. */
export async function foldInOtherVersion(db: PrepDatabase, meetingId: string, savedAt: number, text: string) {
  await db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    const version = meeting?.otherVersions?.find((v) => v.savedAt === savedAt && v.text === text);
    if (!meeting || !version) return;
    const rest = meeting.otherVersions?.filter((v) => v !== version) ?? [];
    const changes: Partial<Meeting> = {
      otherVersions: rest.length > 0 ? rest : undefined,
      updatedAt: Date.now(),
    };
    if (version.promptId === undefined) {
      const notes =
        meeting.notes.trim() === "" ? version.text : `${meeting.notes.trimEnd()}\n\n${version.text}`;
      if (notes.length > NOTES_MAX)
        throw new Problem(
          "The notes would grow past 200,000 characters. Shorten them first.",
          "notesTooLong",
          [NOTES_MAX],
        );
      changes.notes = notes;
    } else {
      const current = meeting.answers[version.promptId] ?? "";
      const answer = current.trim() === "" ? version.text : `${current.trimEnd()}\n\n${version.text}`;
      if (answer.length > ANSWER_MAX)
        throw new Problem(
          "The answer would grow past 20,000 characters. Shorten it first.",
          "answerTooLong",
          [ANSWER_MAX],
        );
      changes.answers = { ...meeting.answers, [version.promptId]: answer };
    }
    await db.meetings.update(meetingId, changes);
  });
}
