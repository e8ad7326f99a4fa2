/**
 * Time arithmetic for the library, in UTC epoch milliseconds only: local-time getters and setters
 * change with daylight saving time, and relmark's results must not depend on the machine's zone.
 * @internal
 * @module
 */

/** Milliseconds in one day. */
export const msPerDay = 86_400_000;

/**
 * The units in which relmark reports durations. A month is a fixed 365.25 / 12 days (30.4375 days),
 * so that it converts exactly to and from weeks and days; calendar months are handled separately.
 * @internal
 */
export const msPerUnit = {
  day: msPerDay,
  week: 7 * msPerDay,
  month: (365.25 / 12) * msPerDay,
  year: 365.25 * msPerDay,
} as const;

/** @internal */
export type DurationUnit = keyof typeof msPerUnit;

/** The time from `from` to `to` in `unit` (negative when `to` is earlier). @internal */
export function elapsed(fromMs: number, toMs: number, unit: DurationUnit): number {
  return (toMs - fromMs) / msPerUnit[unit];
}

/** The UTC day number (days since 1970-01-01) of an instant. @internal */
export function utcDayNumber(ms: number): number {
  return Math.floor(ms / msPerDay);
}

/**
 * Adds calendar months in UTC, clamping the day to the end of the target month
 * (2024-01-31 + 1 month = 2024-02-29), as date-fns' addMonths does in local time. @internal
 */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

/** The first instant of the UTC calendar month that contains `ms`. @internal */
export function startOfUtcMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The first instant of the UTC calendar year that contains `ms`. @internal */
export function startOfUtcYear(ms: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
}
