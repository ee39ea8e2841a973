import type { z } from "zod";
import { PROBLEM_CODES, type ProblemCode, type ProblemDetail } from "@/lib/problem";

type Issue = z.core.$ZodIssue & { input?: unknown };

/** `data.meetings.3.startsAt` as `meetings[3].startsAt`, the way the file reads. */
export function describePath(path: readonly PropertyKey[]): string {
  const parts = path[0] === "data" && path.length > 1 ? path.slice(1) : path;
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function sizeLimit(issue: Issue & { code: "too_big" | "too_small" }, bound: number | bigint): string {
  const n = Number(bound);
  switch (issue.origin) {
    case "string":
      return `${n} character${n === 1 ? "" : "s"}`;
    case "array":
    case "set":
      return `${n} item${n === 1 ? "" : "s"}`;
    default:
      return String(n);
  }
}

/** What is wrong, in words, without the path: "expected a number", "missing". */
function describeProblem(issue: Issue): string {
  const missing = issue.input === undefined;
  switch (issue.code) {
    case "invalid_type":
      if (missing) return "missing";
      return `expected ${typeNames[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "empty";
      if ((issue.origin === "number" || issue.origin === "int") && Number(issue.minimum) === 0)
        return "negative, but it can't be";
      return `too small (at least ${sizeLimit(issue, issue.minimum)})`;
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array") {
        return `too long (at most ${sizeLimit(issue, issue.maximum)})`;
      }
      return `too large (at most ${sizeLimit(issue, issue.maximum)})`;
    case "invalid_value":
      if (missing) return "missing";
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      if (issue.format === "email") return "not a valid email address";
      if (issue.format === "datetime") return "not a date and time";
      return `not in the expected format${"pattern" in issue && issue.pattern ? ` (${issue.pattern})` : ""}`;
    case "invalid_key":
      return "has a key that isn't allowed";
    case "unrecognized_keys":
      return `has unexpected fields: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}

/** The first problem, where it is and what is wrong: `meetings[3].startsAt: expected a number`. */
export function describeIssue(issue: Issue): string {
  const where = describePath(issue.path);
  return where ? `${where}: ${describeProblem(issue)}` : describeProblem(issue);
}

const typeProblems: Record<string, ProblemCode> = {
  string: "fieldNotText",
  number: "fieldNotNumber",
  int: "fieldNotWholeNumber",
  boolean: "fieldNotTrueFalse",
  array: "fieldNotList",
  object: "fieldNotObject",
  record: "fieldNotObject",
};

const isProblemCode = (value: unknown): value is ProblemCode =>
  typeof value === "string" && (PROBLEM_CODES as readonly string[]).includes(value);

/** What is wrong, as a problem the pages put in the manager's language; the same cases as the English. */
export function issueProblem(issue: Issue): ProblemDetail {
  const missing = issue.input === undefined;
  const is = (code: ProblemCode, values: (string | number | bigint)[] = []): ProblemDetail => ({
    code,
    values: values.map(String),
  });
  switch (issue.code) {
    case "invalid_type": {
      if (missing) return is("fieldMissing");
      const known = typeProblems[issue.expected];
      return known ? is(known) : is("fieldWrongType", [issue.expected]);
    }
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) === 1) return is("fieldEmpty");
      if ((issue.origin === "number" || issue.origin === "int") && Number(issue.minimum) === 0)
        return is("fieldNegative");
      if (issue.origin === "string") return is("fieldTooShort", [issue.minimum]);
      if (issue.origin === "array" || issue.origin === "set") return is("fieldTooFew", [issue.minimum]);
      return is("fieldTooSmall", [issue.minimum]);
    }
    case "too_big":
      if (issue.origin === "string") return is("fieldTooLong", [issue.maximum]);
      if (issue.origin === "array" || issue.origin === "set") return is("fieldTooMany", [issue.maximum]);
      return is("fieldTooLarge", [issue.maximum]);
    case "invalid_value":
      if (missing) return is("fieldMissing");
      return is("fieldOneOf", [issue.values.map((v) => JSON.stringify(v)).join(", ")]);
    case "invalid_format":
      if (issue.format === "email") return is("fieldNotEmail");
      if (issue.format === "datetime") return is("fieldNotDate");
      return is("fieldFormat");
    case "invalid_key":
      return is("fieldBadKey");
    case "unrecognized_keys":
      return is("fieldUnexpected", [issue.keys.join(", ")]);
    case "custom": {
      const { problem, values } = (issue.params ?? {}) as { problem?: unknown; values?: unknown };
      if (isProblemCode(problem)) {
        return is(problem, Array.isArray(values) ? values.filter((v) => typeof v === "string") : []);
      }
      return is("asSaid", [issue.message]);
    }
    default:
      return is("asSaid", [issue.message]);
  }
}
