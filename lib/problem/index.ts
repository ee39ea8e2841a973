import { z } from "zod/mini";

/**
 * Every refusal and failure the manager may read, as a code. The code travels (thrown, stored by
 * the background, sent in a message) and each page puts it into the manager's language; the
 * English message beside it is for logs and for code that only needs to know what happened.
 */
export const PROBLEM_CODES = [
  // a row that went away while it was open
  "meetingGone",
  "agendaItemGone",
  "growthPlanGone",
  "checkpointGone",
  "personGone",
  "eventGone",
  // what the manager typed
  "notesTooLong",
  "answerTooLong",
  "happinessRange",
  "cadenceRange",
  "nameEmpty",
  "nameTooLong",
  "emailInvalid",
  "agendaEmpty",
  "agendaTooLong",
  "checkpointDate",
  "growthTextTooLong",
  "mergeSamePerson",
  "mergePlansTooLong",
  "mergeMeetingsTooLong",
  "autoBackupKeep",
  // permissions and Google's sign-in
  "autoBackupPermission",
  "calendarPermission",
  "clientIdInvalid",
  "signInClosed",
  "signInUnavailable",
  "signInDenied",
  "signInAgain",
  "calendarScope",
  "signInFailed",
  // the background's work
  "autoBackupOff",
  "autoBackupFailed",
  "backupNoBackground",
  "backupNotWritten",
  "backupNotAllowed",
  "backupRefused",
  "downloadInterrupted",
  "downloadTooSlow",
  "calendarRateLimited",
  "calendarUnavailable",
  "calendarOffline",
  "calendarUnreadable",
  "calendarRefused",
  "calendarFailed",
  // a backup file
  "notABackup",
  "newerBackup",
  "unknownBackupVersion",
  "backupTooLarge",
  "backupEmpty",
  "backupIncomplete",
  "backupNotJson",
  "backupUnreadable",
  "backupAt",
  "backupInvalid",
  // what is wrong at one place in a backup file
  "fieldMissing",
  "fieldNotText",
  "fieldNotNumber",
  "fieldNotWholeNumber",
  "fieldNotTrueFalse",
  "fieldNotList",
  "fieldNotObject",
  "fieldWrongType",
  "fieldEmpty",
  "fieldNegative",
  "fieldTooShort",
  "fieldTooFew",
  "fieldTooSmall",
  "fieldTooLong",
  "fieldTooMany",
  "fieldTooLarge",
  "fieldOneOf",
  "fieldNotEmail",
  "fieldNotDate",
  "fieldDateRange",
  "fieldFormat",
  "fieldBadKey",
  "fieldUnexpected",
  "fieldNotSetting",
  "fieldNotSettingValue",
  "fieldProtoKey",
  "fieldSameId",
  "fieldSameEmail",
  "fieldSameMeeting",
  "fieldEndsBeforeStart",
  "fieldEmailTaken",
  "fieldMeetingTaken",
  "fieldNoPerson",
  "fieldNoMeeting",
  "asSaid",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * What went wrong, as data: the code, the words and numbers it names (a limit, a quarter, a
 * place in a file), and, for "couldn't do X: because Y", the problem it comes from.
 */
export interface ProblemDetail {
  code: ProblemCode;
  values: string[];
  reason?: ProblemDetail | undefined;
}

const values = z.array(z.string().check(z.maxLength(300))).check(z.maxLength(4));
const leaf = z.object({ code: z.enum(PROBLEM_CODES), values });

/** A problem as stored or sent: one level of reason, which is all any problem has. */
export const problemDetailSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  values,
  reason: z.optional(leaf),
});

/** An error the manager reads: its message is the English, its detail what the pages translate. */
export class Problem extends Error {
  override name = "Problem";
  readonly detail: ProblemDetail;

  constructor(
    english: string,
    code: ProblemCode,
    values: readonly (string | number)[] = [],
    reason?: ProblemDetail,
  ) {
    super(english);
    this.detail = {
      ...flatten({ code, values: values.map(String) }),
      ...(reason ? { reason: flatten(reason) } : {}),
    };
  }

  get code(): ProblemCode {
    return this.detail.code;
  }
}

/** The detail of any error that carries one; subclasses of Problem and copies that crossed a message. */
export function problemOf(error: unknown): ProblemDetail | undefined {
  if (error instanceof Problem) return error.detail;
  if (typeof error === "object" && error !== null && "detail" in error) {
    const parsed = problemDetailSchema.safeParse((error as { detail: unknown }).detail);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** A refusal that came as a message (`{ error, problem }`) as an error again, its problem kept. */
export function refusalError(refusal: { error: string; problem?: ProblemDetail | undefined }): Error {
  const error = new Error(refusal.error);
  return refusal.problem ? Object.assign(error, { detail: refusal.problem }) : error;
}

/** Keeps a reason one level deep, as the schema does, so a stored problem always parses again. */
function flatten(detail: ProblemDetail): ProblemDetail {
  return { code: detail.code, values: detail.values.slice(0, 4).map((v) => v.slice(0, 300)) };
}
