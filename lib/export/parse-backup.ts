import type { ProblemCode, ProblemDetail } from "@/lib/problem";
import {
  BACKUP_FORMAT,
  BACKUP_MAX_CHARS,
  type BackupDocument,
  backupHeaderSchema,
  backupSchema,
  HEADER_PROBLEMS,
  NOT_A_BACKUP,
} from "./backup-format";
import { describeIssue, describePath, issueProblem } from "./problems";

export type ParsedBackup =
  | { ok: true; doc: BackupDocument }
  | { ok: false; error: string; problem: ProblemDetail };

/**
 * Reads a backup file's text. Never throws: every way a file can be wrong becomes a sentence,
 * in English and as a problem the pages put in the manager's language.
 */
export function parseBackup(text: string): ParsedBackup {
  try {
    if (typeof text !== "string") return fail(NOT_A_BACKUP, "notABackup");
    if (text.length > BACKUP_MAX_CHARS) {
      return fail(
        `This file is too large to be a 1:1 Prep backup (over ${BACKUP_MAX_CHARS / 1024 / 1024} MB).`,
        "backupTooLarge",
        [String(BACKUP_MAX_CHARS / 1024 / 1024)],
      );
    }
    if (text.trim() === "") return fail("This file is empty.", "backupEmpty");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return endsEarly(text) && text.includes(BACKUP_FORMAT)
        ? fail(
            "This backup is incomplete: the file ends before the backup does. Export it again, or use another copy.",
            "backupIncomplete",
          )
        : fail("This file isn't a 1:1 Prep backup: it isn't valid JSON.", "backupNotJson");
    }
    return checkBackup(value);
  } catch {
    // A file nested deeply enough can still exhaust the stack inside the parser.
    return fail("This file isn't a 1:1 Prep backup: it couldn't be read.", "backupUnreadable");
  }
}

/**
 * Documents this module has validated. They are frozen, so one that is here is still exactly what
 * was checked: the preview and the import that follows it validate a large backup once, not twice.
 */
const checked = new WeakSet<object>();

/** Validates an already parsed document, such as one handed to import directly. */
export function checkBackup(value: unknown): ParsedBackup {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(NOT_A_BACKUP, "notABackup");
  if (checked.has(value)) return { ok: true, doc: value as BackupDocument };
  const header = backupHeaderSchema.safeParse(value);
  if (!header.success) {
    const message = header.error.issues[0]?.message ?? NOT_A_BACKUP;
    return fail(message, HEADER_PROBLEMS[message] ?? "notABackup");
  }
  const result = backupSchema.safeParse(value, { reportInput: true });
  if (result.success) {
    checked.add(deepFreeze(result.data));
    return { ok: true, doc: result.data };
  }
  const issue = result.error.issues[0];
  if (!issue) return fail("This backup can't be imported.", "backupInvalid");
  const reason = issueProblem(issue);
  return issue.path.length > 0
    ? fail(
        `This backup can't be imported. The problem is at ${describeIssue(issue)}.`,
        "backupAt",
        [describePath(issue.path)],
        reason,
      )
    : fail(`This backup can't be imported: ${describeIssue(issue)}.`, "backupInvalid", [], reason);
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

function fail(error: string, code: ProblemCode, values: string[] = [], reason?: ProblemDetail): ParsedBackup {
  const kept = values.map((v) => v.slice(0, 300));
  return { ok: false, error, problem: { code, values: kept, ...(reason ? { reason } : {}) } };
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
