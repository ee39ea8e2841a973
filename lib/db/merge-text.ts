export type MergedText =
  | { clean: true; text: string }
  /** The two edits touch the same words: `text` is ours, `other` the stored one; both are kept. */
  | { clean: false; text: string; other: string };

// Words, runs of spaces and single marks: two people typing in different words of one line
// still merge, and a merge never splits a word.
const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** What one side did to the base, as one stretch of base tokens [start, end) replaced by `insert`. */
interface Change {
  start: number;
  end: number;
  insert: string[];
}

function changeFrom(base: readonly string[], side: readonly string[]): Change | undefined {
  let start = 0;
  while (start < base.length && start < side.length && base[start] === side[start]) start++;
  if (start === base.length && start === side.length) return undefined;
  let tail = 0;
  while (
    tail < base.length - start &&
    tail < side.length - start &&
    base[base.length - 1 - tail] === side[side.length - 1 - tail]
  )
    tail++;
  return { start, end: base.length - tail, insert: side.slice(start, side.length - tail) };
}

const sameChange = (a: Change, b: Change) =>
  a.start === b.start && a.end === b.end && a.insert.join("") === b.insert.join("");

/**
 * Both edits applied to the base when they touch different stretches of it; undefined when they
 * overlap, or both insert at the same point (which goes first is a guess). Each side's edit is one
 * stretch from its first to its last changed word, so what is merged reproduces each side's text
 * exactly there; edits far apart within one save only make a clash (and so both kept) likelier.
 */
function merge3(base: string, ours: string, theirs: string): string | undefined {
  const o = tokens(base);
  const a = changeFrom(o, tokens(ours));
  const b = changeFrom(o, tokens(theirs));
  if (!a) return theirs;
  if (!b || sameChange(a, b)) return ours;
  const insertion = (c: Change) => c.start === c.end;
  const [first, second] =
    a.start < b.start || (a.start === b.start && insertion(a)) ? ([a, b] as const) : ([b, a] as const);
  if (first.end > second.start) return undefined;
  if (insertion(first) && insertion(second) && first.start === second.start) return undefined;
  return [
    ...o.slice(0, first.start),
    ...first.insert,
    ...o.slice(first.end, second.start),
    ...second.insert,
    ...o.slice(second.end),
  ].join("");
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
