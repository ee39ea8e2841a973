/**
 * Multi-word phrases ("every time", "n'en a rien à faire", "cada vez"), found word by word in
 * any language's tokens: a phrase never runs across a clause break.
 */

/** Phrases grouped by their first word, so a text is read once, not once per phrase. */
export type Phrases = ReadonlyMap<string, readonly (readonly string[])[]>;

/** A token as every language's tokeniser gives it: the folded word, and whether it ends a clause. */
interface Token {
  w: string;
  brk: boolean;
}

export function byFirstWord(phrases: readonly (readonly string[])[]): Phrases {
  const map = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) {
    const first = phrase[0] ?? "";
    map.set(first, [...(map.get(first) ?? []), phrase]);
  }
  return map;
}

/** Length of the phrase from `index` that starts at word `i`, or 0. */
export function phraseAt(ws: readonly Token[], i: number, index: Phrases): number {
  for (const phrase of index.get(ws[i]?.w ?? "") ?? []) {
    if (phrase.every((part, k) => (ws[i + k]?.w ?? "") === part && !ws[i + k]?.brk)) return phrase.length;
  }
  return 0;
}
