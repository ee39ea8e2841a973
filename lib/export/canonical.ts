/**
 * A record as it is written to a backup: keys in a fixed order (id first, then alphabetical),
 * keys holding undefined dropped and -0 written as 0, just as JSON would. Two rows are the
 * same for import exactly when their canonical forms serialize identically.
 */
export function canonicalRecord<T>(value: T): T {
  return canonical(value) as T;
}

const leadingKeys = ["id", "personId"];

function keyRank(key: string): number {
  const i = leadingKeys.indexOf(key);
  return i === -1 ? leadingKeys.length : i;
}

function compareKeys(a: string, b: string): number {
  return keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Sorted key lists by the keys as they came. Rows of a table share a handful of shapes, so a
 * backup of a hundred thousand rows sorts a few dozen key lists rather than one per row.
 */
const orderedKeys = new Map<string, readonly string[]>();
const ORDERED_KEYS_MAX = 10_000;

function keysInOrder(value: object): readonly string[] {
  const keys = Object.keys(value);
  // JSON keeps every list of keys apart, whatever characters the keys hold.
  const shape = JSON.stringify(keys);
  let ordered = orderedKeys.get(shape);
  if (!ordered) {
    ordered = keys.sort(compareKeys);
    // Free-form keys (a meeting's answers) could make shapes without end; keep the cache bounded.
    if (orderedKeys.size >= ORDERED_KEYS_MAX) orderedKeys.clear();
    orderedKeys.set(shape, ordered);
  }
  return ordered;
}

function canonical(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of keysInOrder(value)) {
    const v = source[key];
    if (v === undefined) continue;
    // Defined, not assigned, so even a key named "__proto__" stays plain data.
    if (key === "__proto__")
      Object.defineProperty(out, key, {
        value: canonical(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = canonical(v);
  }
  return out;
}

export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Code-unit order, the order IndexedDB keeps string keys in. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
