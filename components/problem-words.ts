import { type ProblemCode, type ProblemDetail, problemOf } from "@/lib/problem";
import { localeInUse, t } from "./i18n";

/** A count as the manager's locale writes it: "200.000" in German, "200 000" in French. */
function count(value: string | undefined): string {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n.toLocaleString(localeInUse()) : (value ?? "");
}

type Words = (values: readonly string[], reason: string) => string;

/**
 * Each problem in the manager's language. A record, so a code added to `lib/problem` without
 * its words fails the typecheck instead of reaching a page as English.
 */
const WORDS: Record<ProblemCode, Words> = {
  meetingGone: () => t("problem.meetingGone"),
  agendaItemGone: () => t("problem.agendaItemGone"),
  growthPlanGone: () => t("problem.growthPlanGone"),
  checkpointGone: () => t("problem.checkpointGone"),
  personGone: () => t("problem.personGone"),
  eventGone: () => t("problem.eventGone"),
  notesTooLong: ([max]) => t("problem.notesTooLong", [count(max)]),
  answerTooLong: ([max]) => t("problem.answerTooLong", [count(max)]),
  happinessRange: () => t("problem.happinessRange"),
  cadenceRange: () => t("problem.cadenceRange"),
  nameEmpty: () => t("problem.nameEmpty"),
  nameTooLong: ([max]) => t("problem.nameTooLong", [count(max)]),
  emailInvalid: () => t("problem.emailInvalid"),
  agendaEmpty: () => t("problem.agendaEmpty"),
  agendaTooLong: ([max, has]) => t("problem.agendaTooLong", [count(max), count(has)]),
  checkpointDate: () => t("problem.checkpointDate"),
  growthTextTooLong: ([max, has]) => t("problem.growthTextTooLong", [count(max), count(has)]),
  mergeSamePerson: () => t("problem.mergeSamePerson"),
  mergePlansTooLong: ([quarter]) => t("problem.mergePlansTooLong", [quarter ?? ""]),
  mergeMeetingsTooLong: () => t("problem.mergeMeetingsTooLong"),
  autoBackupKeep: ([max]) => t("problem.autoBackupKeep", [count(max)]),
  autoBackupPermission: () => t("problem.autoBackupPermission"),
  calendarPermission: () => t("problem.calendarPermission"),
  clientIdInvalid: () => t("problem.clientIdInvalid"),
  signInClosed: () => t("problem.signInClosed"),
  signInUnavailable: () => t("problem.signInUnavailable"),
  signInDenied: () => t("problem.signInDenied"),
  signInAgain: () => t("problem.signInAgain"),
  calendarScope: () => t("problem.calendarScope"),
  signInFailed: () => t("problem.signInFailed"),
  autoBackupOff: () => t("problem.autoBackupOff"),
  autoBackupFailed: (_, reason) => t("problem.autoBackupFailed", [reason]),
  backupNoBackground: () => t("problem.backupNoBackground"),
  backupNotWritten: () => t("problem.backupNotWritten"),
  backupNotAllowed: () => t("problem.backupNotAllowed"),
  backupRefused: () => t("problem.backupRefused"),
  downloadInterrupted: () => t("problem.downloadInterrupted"),
  downloadTooSlow: () => t("problem.downloadTooSlow"),
  calendarRateLimited: () => t("problem.calendarRateLimited"),
  calendarUnavailable: () => t("problem.calendarUnavailable"),
  calendarOffline: () => t("problem.calendarOffline"),
  calendarUnreadable: () => t("problem.calendarUnreadable"),
  calendarRefused: ([status]) => t("problem.calendarRefused", [status ?? ""]),
  calendarFailed: () => t("problem.calendarFailed"),
  notABackup: () => t("problem.notABackup"),
  newerBackup: () => t("problem.newerBackup"),
  unknownBackupVersion: () => t("problem.unknownBackupVersion"),
  backupTooLarge: ([mb]) => t("problem.backupTooLarge", [count(mb)]),
  backupEmpty: () => t("problem.backupEmpty"),
  backupIncomplete: () => t("problem.backupIncomplete"),
  backupNotJson: () => t("problem.backupNotJson"),
  backupUnreadable: () => t("problem.backupUnreadable"),
  backupAt: ([where], reason) => t("problem.backupAt", [where ?? "", reason]),
  backupInvalid: (_, reason) => t("problem.backupInvalid", [reason]),
  fieldMissing: () => t("problem.fieldMissing"),
  fieldNotText: () => t("problem.fieldNotText"),
  fieldNotNumber: () => t("problem.fieldNotNumber"),
  fieldNotWholeNumber: () => t("problem.fieldNotWholeNumber"),
  fieldNotTrueFalse: () => t("problem.fieldNotTrueFalse"),
  fieldNotList: () => t("problem.fieldNotList"),
  fieldNotObject: () => t("problem.fieldNotObject"),
  fieldWrongType: ([expected]) => t("problem.fieldWrongType", [expected ?? ""]),
  fieldEmpty: () => t("problem.fieldEmpty"),
  fieldNegative: () => t("problem.fieldNegative"),
  fieldTooShort: ([n]) => t("problem.fieldTooShort", [count(n)]),
  fieldTooFew: ([n]) => t("problem.fieldTooFew", [count(n)]),
  fieldTooSmall: ([n]) => t("problem.fieldTooSmall", [count(n)]),
  fieldTooLong: ([n]) => t("problem.fieldTooLong", [count(n)]),
  fieldTooMany: ([n]) => t("problem.fieldTooMany", [count(n)]),
  fieldTooLarge: ([n]) => t("problem.fieldTooLarge", [count(n)]),
  fieldOneOf: ([list]) => t("problem.fieldOneOf", [list ?? ""]),
  fieldNotEmail: () => t("problem.fieldNotEmail"),
  fieldNotDate: () => t("problem.fieldNotDate"),
  fieldDateRange: () => t("problem.fieldDateRange"),
  fieldFormat: () => t("problem.fieldFormat"),
  fieldBadKey: () => t("problem.fieldBadKey"),
  fieldUnexpected: ([list]) => t("problem.fieldUnexpected", [list ?? ""]),
  fieldNotSetting: () => t("problem.fieldNotSetting"),
  fieldNotSettingValue: () => t("problem.fieldNotSettingValue"),
  fieldProtoKey: () => t("problem.fieldProtoKey"),
  fieldSameId: ([where]) => t("problem.fieldSameId", [where ?? ""]),
  fieldSameEmail: ([where]) => t("problem.fieldSameEmail", [where ?? ""]),
  fieldSameMeeting: ([where]) => t("problem.fieldSameMeeting", [where ?? ""]),
  fieldEndsBeforeStart: () => t("problem.fieldEndsBeforeStart"),
  fieldEmailTaken: ([email, holder, other]) =>
    t("problem.fieldEmailTaken", [email ?? "", holder ?? "", other ?? ""]),
  fieldMeetingTaken: () => t("problem.fieldMeetingTaken"),
  fieldNoPerson: () => t("problem.fieldNoPerson"),
  fieldNoMeeting: () => t("problem.fieldNoMeeting"),
  asSaid: ([said]) => t("problem.asSaid", [said ?? ""]),
};

/** A problem in the manager's language. */
export function problemWords(detail: ProblemDetail): string {
  const reason = detail.reason ? problemWords(detail.reason) : "";
  return WORDS[detail.code](detail.values, reason);
}

/**
 * What to tell the manager about an error: its problem in their language when it has one, else
 * the error's own message (the browser's or Google's words, which 1:1 Prep can't translate),
 * else `fallback`.
 */
export function problemText(error: unknown, fallback: string): string {
  const detail = problemOf(error);
  if (detail) return problemWords(detail);
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
