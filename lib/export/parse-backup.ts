import {
  BACKUP_FORMAT,
  BACKUP_MAX_CHARS,
  type BackupDocument,
  backupHeaderSchema,
  backupSchema,
  NOT_A_BACKUP,
} from "./backup-format";
import { describeIssue } from "./problems";

export type ParsedBackup = { ok: true; doc: BackupDocument } | { ok: false; error: string };

/**
 * Reads a backup file's text. Never throws: every way a file can be wrong becomes a sentence
 * that can be shown as it is.
 */
export function parseBackup(text: string): ParsedBackup {
  try {
    if (typeof text !== "string") return fail(NOT_A_BACKUP);
    if (text.length > BACKUP_MAX_CHARS) {
      return fail(
        `This file is too large to be a 1:1 Prep backup (over ${BACKUP_MAX_CHARS / 1024 / 1024} MB).`,
      );
    }
    if (text.trim() === "") return fail("This file is empty.");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fail(
        endsEarly(text) && text.includes(BACKUP_FORMAT)
          ? "This backup is incomplete: the file ends before the backup does. Export it again, or use another copy."
          : "This file isn't a 1:1 Prep backup: it isn't valid JSON.",
      );
    }
    return checkBackup(value);
  } catch {
    // A file nested deeply enough can still exhaust the stack inside the parser.
    return fail("This file isn't a 1:1 Prep backup: it couldn't be read.");
  }
}

/**
 * Documents this module has validated. They are frozen, so one that is here is still exactly what
 * was checked: the preview and the import that follows it validate a large backup once, not twice.
 */
const checked = new WeakSet<object>();

/** Validates an already parsed document, such as one handed to import directly. */
export function checkBackup(value: unknown): ParsedBackup {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(NOT_A_BACKUP);
  if (checked.has(value)) return { ok: true, doc: value as BackupDocument };
  const header = backupHeaderSchema.safeParse(value);
  if (!header.success) return fail(header.error.issues[0]?.message ?? NOT_A_BACKUP);
  const result = backupSchema.safeParse(value, { reportInput: true });
  if (result.success) {
    checked.add(deepFreeze(result.data));
    return { ok: true, doc: result.data };
  }
  const issue = result.error.issues[0];
  return fail(issue ? cannotImport(issue) : "This backup can't be imported.");
}

function cannotImport(issue: Parameters<typeof describeIssue>[0]): string {
  return issue.path.length > 0
    ? `This backup can't be imported. The problem is at ${describeIssue(issue)}.`
    : `This backup can't be imported: ${describeIssue(issue)}.`;
}

/** Freezes every object and array in a validated document; iterative, as documents can be deep. */
function deepFreeze<T extends object>(root: T): T {
  const stack: object[] = [root];
  for (let value = stack.pop(); value; value = stack.pop()) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return root;
}

function fail(error: string): ParsedBackup {
  return { ok: false, error };
}

/** True when the text stops inside a string or with brackets still open: a cut-off file. */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}
