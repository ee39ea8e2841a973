/**
 * Best-effort reading of Calendar's localized date/time text ("Tuesday, October 13⋅4:00 – 4:30pm",
 * "Dienstag, 13. Oktober⋅16:00–16:30", edit fields "Oct 13, 2026" + "4:00pm"). English and German
 * are supported; anything else gives undefined rather than a wrong date.
 */

const MONTHS: Record<string, number> = {
  january: 0,
  jan: 0,
  januar: 0,
  jänner: 0,
  jän: 0,
  february: 1,
  feb: 1,
  februar: 1,
  march: 2,
  mar: 2,
  märz: 2,
  mär: 2,
  mrz: 2,
  april: 3,
  apr: 3,
  may: 4,
  mai: 4,
  june: 5,
  jun: 5,
  juni: 5,
  july: 6,
  jul: 6,
  juli: 6,
  august: 7,
  aug: 7,
  september: 8,
  sep: 8,
  sept: 8,
  october: 9,
  oct: 9,
  oktober: 9,
  okt: 9,
  november: 10,
  nov: 10,
  december: 11,
  dec: 11,
  dezember: 11,
  dez: 11,
};

const MONTH_ALTERNATION = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_LETTER_AFTER = "(?![\\p{L}])";

const MONTH_FIRST = new RegExp(
  `${NOT_LETTER_BEFORE}(${MONTH_ALTERNATION})\\.?${NOT_LETTER_AFTER}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`,
  "iu",
);
const DAY_FIRST = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{1,2})\\.?\\s*(${MONTH_ALTERNATION})\\.?${NOT_LETTER_AFTER}(?:,?\\s+(\\d{4}))?`,
  "iu",
);
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;

const MERIDIEM = "(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)";
const TIME_RANGE = new RegExp(
  `(?<![\\d:.])(\\d{1,2})(?:[:.](\\d{2}))?\\s*${MERIDIEM}?(?:\\s*(?:-|to|bis)\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*${MERIDIEM}?)?`,
  "giu",
);

const RECURRENCE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${[
    // English
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "every",
    "each weekday",
    // German
    "täglich",
    "wöchentlich",
    "monatlich",
    "jährlich",
    "jeden",
    "jede",
    "jedes",
    "jedem",
    "werktags",
    "alle \\d+ (?:tage|wochen|monate|jahre)",
    // French, Spanish: cheap to recognise, common among our users' colleagues
    "toutes les semaines",
    "tous les jours",
    "chaque",
    "hebdomadaire",
    "cada",
    "semanal",
    "semanalmente",
  ].join("|")})${NOT_LETTER_AFTER}`,
  "iu",
);

/** The When text names a repeating schedule ("Weekly on Tuesday", "Wöchentlich am Dienstag"). */
export function hasRecurrenceWords(text: string): boolean {
  return RECURRENCE.test(text);
}

interface DateParts {
  year?: number;
  month: number;
  day: number;
  end: number;
}

function normalize(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .replace(/[⋅·•]/g, " ")
    .replace(/[–—−]/g, "-");
}

function findDate(text: string): DateParts | undefined {
  const found: (DateParts & { index: number })[] = [];
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const [whole, month = "", day, year] = monthFirst;
    found.push({
      index: monthFirst.index,
      end: monthFirst.index + whole.length,
      month: MONTHS[month.toLowerCase()] ?? -1,
      day: Number(day),
      year: year ? Number(year) : undefined,
    });
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [whole, day, month = "", year] = dayFirst;
    found.push({
      index: dayFirst.index,
      end: dayFirst.index + whole.length,
      month: MONTHS[month.toLowerCase()] ?? -1,
      day: Number(day),
      year: year ? Number(year) : undefined,
    });
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [whole, year, month, day] = iso;
    found.push({
      index: iso.index,
      end: iso.index + whole.length,
      month: Number(month) - 1,
      day: Number(day),
      year: Number(year),
    });
  }
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) {
    const [whole, day, month, year] = dotted;
    found.push({
      index: dotted.index,
      end: dotted.index + whole.length,
      month: Number(month) - 1,
      day: Number(day),
      year: Number(year),
    });
  }
  found.sort((a, b) => a.index - b.index);
  return found.find((date) => date.month >= 0 && date.month < 12 && date.day >= 1 && date.day <= 31);
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith("p");
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

interface ClockTime {
  hour: number;
  minute: number;
}

function findStartTime(text: string): ClockTime | undefined {
  return findTimes(text)?.start;
}

/** The first time range in `text`: "4:00 – 4:30pm" gives both ends, "4:00pm" only the start. */
function findTimes(text: string): { start: ClockTime; end?: ClockTime } | undefined {
  TIME_RANGE.lastIndex = 0;
  for (let match = TIME_RANGE.exec(text); match; match = TIME_RANGE.exec(text)) {
    const [, startHour, startMinute, startMeridiem, endHour, endMinute, endMeridiem] = match;
    // A bare number ("2 guests", a year) is not a time; "10 – 11am" is.
    if (startMinute === undefined && startMeridiem === undefined && endMeridiem === undefined) continue;
    const rawHour = Number(startHour);
    const minute = Number(startMinute ?? 0);
    if (rawHour > 24 || minute > 59 || (startMeridiem && (rawHour < 1 || rawHour > 12))) continue;
    let hour = to24h(rawHour, startMeridiem);
    // "4:00 – 4:30pm": the start takes the end's meridiem unless that would put it after the end.
    if (!startMeridiem && endMeridiem && rawHour <= 12 && endHour !== undefined) {
      const end = to24h(Number(endHour), endMeridiem) * 60 + Number(endMinute ?? 0);
      const asEnd = to24h(rawHour, endMeridiem);
      const other = to24h(rawHour, endMeridiem.toLowerCase().startsWith("p") ? "am" : "pm");
      hour = asEnd * 60 + minute <= end ? asEnd : other;
    }
    if (hour === 24) hour = 0;
    const start = { hour, minute };
    if (endHour === undefined) return { start };
    const rawEndHour = Number(endHour);
    const endMinuteValue = Number(endMinute ?? 0);
    if (rawEndHour > 24 || endMinuteValue > 59 || (endMeridiem && (rawEndHour < 1 || rawEndHour > 12))) {
      return { start };
    }
    // "10 – 11am" and "16:00–16:30": the end has its own meridiem, or none on a 24-hour clock.
    const endHour24 = to24h(rawEndHour, endMeridiem ?? (rawEndHour <= 12 ? startMeridiem : undefined));
    return { start, end: { hour: endHour24 % 24, minute: endMinuteValue } };
  }
  return undefined;
}

const DAY_MINUTES = 24 * 60;

/**
 * How long the event lasts, in whole minutes, from a When text with a time range ("Tuesday,
 * October 13 ⋅ 4:00 – 5:00pm" gives 60). A range that ends at or before its start ends the next
 * day ("11:00pm – 12:30am"). Undefined without a range, e.g. for an all-day event. The length
 * doesn't depend on the time zone the text is read in, so it holds beside an instance's exact start.
 */
export function minutesFromText(text: string): number | undefined {
  try {
    const normalized = normalize(text);
    const date = findDate(normalized);
    const times = findTimes(date ? normalized.slice(date.end) : normalized);
    if (!times?.end) return undefined;
    const from = times.start.hour * 60 + times.start.minute;
    const to = times.end.hour * 60 + times.end.minute;
    return to > from ? to - from : to + DAY_MINUTES - from;
  } catch {
    return undefined;
  }
}

function closestYear(month: number, day: number, now: Date): number {
  const year = now.getFullYear();
  const candidates = [year - 1, year, year + 1];
  let best = year;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = Math.abs(new Date(candidate, month, day).getTime() - now.getTime());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * ISO 8601 UTC start read from localized text, or undefined. Times are taken in the browser's time
 * zone (Calendar shows them in the user's, which is usually the same); a date without a time is
 * an all-day start at 00:00Z, matching all-day eid suffixes. A missing year is the one that puts
 * the date nearest to `now`.
 */
export function startFromText(text: string, now: Date = new Date()): string | undefined {
  try {
    const normalized = normalize(text);
    const date = findDate(normalized);
    if (!date) return undefined;
    const year = date.year ?? closestYear(date.month, date.day, now);
    const time = findStartTime(normalized.slice(date.end));
    const result = time
      ? new Date(year, date.month, date.day, time.hour, time.minute)
      : new Date(Date.UTC(year, date.month, date.day));
    const dayOfMonth = time ? result.getDate() : result.getUTCDate();
    // Reject dates that rolled over ("February 31").
    if (Number.isNaN(result.getTime()) || dayOfMonth !== date.day) return undefined;
    return result.toISOString();
  } catch {
    return undefined;
  }
}
