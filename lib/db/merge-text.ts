import { diff3Merge } from "node-diff3";

export type MergedText =
  | { clean: true; text: string }
  /** The two edits touch the same words: `text` is ours, `other` the stored one; both are kept. */
  | { clean: false; text: string; other: string };

// Words, runs of spaces and single marks: two people typing in different words of one line
// still merge, and a merge never splits a word.
const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

/**
 * Beyond this many differing tokens on each side a merge is not attempted: both versions are kept
 * instead. Typing saves every few hundred milliseconds, so real edits stay far below it, and it
 * keeps the diff's cost bounded for 200,000-character notes.
 */
const MAX_MIDDLE_TOKENS = 4000;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** diff3 on what lies between the prefix and suffix all three share; undefined on a conflict. */
function merge3(base: string, ours: string, theirs: string): string | undefined {
  const o = tokens(base);
  const a = tokens(ours);
  const b = tokens(theirs);
  let start = 0;
  while (
    start < o.length &&
    start < a.length &&
    start < b.length &&
    o[start] === a[start] &&
    o[start] === b[start]
  )
    start++;
  let end = 0;
  while (
    end < o.length - start &&
    end < a.length - start &&
    end < b.length - start &&
    o[o.length - 1 - end] === a[a.length - 1 - end] &&
    o[o.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const middle = (list: string[]) => list.slice(start, list.length - end);
  const [mo, ma, mb] = [middle(o), middle(a), middle(b)];
  if (Math.max(mo.length, ma.length, mb.length) > MAX_MIDDLE_TOKENS) return undefined;
  let merged = "";
  for (const region of diff3Merge(ma, mo, mb, { excludeFalseConflicts: true })) {
    if (region.conflict) return undefined;
    merged += (region.ok ?? []).join("");
  }
  return o.slice(0, start).join("") + merged + o.slice(o.length - end).join("");
}

/**
 * Our edit, typed over one of `bases` (stored texts it descends from, newest last), against the
 * text stored now. When the stored text is one of our bases nobody else wrote: ours stands. When
 * someone else changed other words, both changes are kept; when both changed the same words,
 * nothing is chosen for the manager: ours is the text and theirs is handed back to keep beside it.
 */
export function mergeEdit(bases: readonly string[], ours: string, theirs: string): MergedText {
  if (ours === theirs || bases.includes(theirs)) return { clean: true, text: ours };
  for (let i = bases.length - 1; i >= 0; i--) {
    const merged = merge3(bases[i] as string, ours, theirs);
    if (merged !== undefined) return { clean: true, text: merged };
  }
  return { clean: false, text: ours, other: theirs };
}
