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

function canonical(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([k, v]) => [k, canonical(v)] as const);
  // fromEntries defines properties, so even a key named "__proto__" stays plain data.
  return Object.fromEntries(entries);
}

export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Code-unit order, the order IndexedDB keeps string keys in. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
