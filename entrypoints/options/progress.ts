import { localeInUse } from "@/components/i18n";

/**
 * About how long the rest takes at the pace so far, in milliseconds: none before there is a pace
 * to go by, nor once everything is done.
 */
export function timeLeft(done: number, total: number, elapsedMillis: number): number | undefined {
  if (done <= 0 || done >= total || !(elapsedMillis >= 0)) return undefined;
  return ((total - done) * elapsedMillis) / done;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A time left as the pages' language writes it, rounded up: "12 seconds", "3 Minuten". */
export function formatTimeLeft(millis: number, locale: string = localeInUse()): string {
  const seconds = Math.max(1, Math.ceil(millis / 1000));
  const [value, unit] = seconds < 90 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  const key = `${locale}|${unit}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" });
    formats.set(key, made);
  }
  return made.format(value);
}

/** A count of records as the pages' language writes numbers: "12,345", "12.345". */
export function formatCount(n: number, locale: string = localeInUse()): string {
  return n.toLocaleString(locale);
}
