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

interface Shape {
  /** the keys as they came */
  keys: readonly string[];
  /** the same keys in the backup's order */
  ordered: readonly string[];
  /** the keys came in the backup's order already */
  inOrder: boolean;
}

/**
 * Shapes by the keys as they came. Rows of a table share a handful of shapes, so a backup of a
 * hundred thousand rows sorts a few dozen key lists rather than one per row.
 */
const shapes = new Map<string, Shape>();
const SHAPES_MAX = 10_000;
/** Rows of a table mostly come one shape after another: the last one is tried first. */
let lastShape: Shape | undefined;

function shapeOf(value: object): Shape {
  const keys = Object.keys(value);
  const last = lastShape;
  if (last && last.keys.length === keys.length && last.keys.every((key, i) => key === keys[i])) return last;
  // JSON keeps every list of keys apart, whatever characters the keys hold.
  const name = JSON.stringify(keys);
  let shape = shapes.get(name);
  if (!shape) {
    const ordered = [...keys].sort(compareKeys);
    shape = { keys, ordered, inOrder: ordered.every((key, i) => key === keys[i]) };
    // Free-form keys (a meeting's answers) could make shapes without end; keep the cache bounded.
    if (shapes.size >= SHAPES_MAX) shapes.clear();
    shapes.set(name, shape);
  }
  lastShape = shape;
  return shape;
}

/** Defined, not assigned, so even a key named "__proto__" stays plain data. */
function put(out: Record<string, unknown>, key: string, value: unknown) {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * The value itself when it is canonical already, as rows read back from the database mostly are:
 * a backup of years of notes then copies next to nothing.
 */
function canonical(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const done = canonical(item);
      if (!copy && !Object.is(done, item)) copy = value.slice(0, i);
      copy?.push(done);
    }
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  const { ordered, inOrder } = shapeOf(value);
  let out: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let i = 0; i < ordered.length; i++) {
    const key = ordered[i] as string;
    const v = source[key];
    const done = v === undefined ? undefined : canonical(v);
    if (!out) {
      if (v !== undefined && Object.is(done, v)) continue;
      // The first change: everything before it was canonical as it stood.
      out = {};
      for (let j = 0; j < i; j++) {
        const before = ordered[j] as string;
        put(out, before, source[before]);
      }
    }
    if (done !== undefined) put(out, key, done);
  }
  return out ?? value;
}

export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Code-unit order, the order IndexedDB keeps string keys in. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
