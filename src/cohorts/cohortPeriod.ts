import { msPerDay } from '../internal/time.js';
import { startOfLocalDay, toWallMs as zoneWallMs } from '../internal/localTime.js';

/**
 * Calendar periods for cohorts, numbered from 1970 on the wall calendar of a time zone: a period
 * number is the index of a week, month or quarter, so that "periods since acquisition" is a
 * difference of two numbers. Weeks start on Monday (ISO 8601); week 0 starts on Monday 1969-12-29.
 * Month m of year y is (y − 1970)·12 + m − 1; quarter q of year y is (y − 1970)·4 + q − 1.
 * @internal
 * @module
 */

/** The calendar periods a cohort table counts in. @category Cohorts */
export type CohortPeriod = 'week' | 'month' | 'quarter';

/** The period names, for schemas and the CLI. @internal */
export const cohortPeriods = ['week', 'month', 'quarter'] as const;

/**
 * Year and month (1–12) of a day number (days since 1970-01-01) on the proleptic Gregorian calendar,
 * by Hinnant's `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html): integer
 * arithmetic only, no Date object, so that it runs at millions of rows per second.
 * @internal
 */
export function monthNumberOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + month - 1;
}

/** The period number of a local day number. @internal */
export function periodOfDay(day: number, period: CohortPeriod): number {
  if (period === 'week') return Math.floor((day + 3) / 7);
  const month = monthNumberOfDay(day);
  return period === 'month' ? month : Math.floor(month / 3);
}

/**
 * A function from epoch ms to the period number in `timeZone`. UTC takes no zone look-up; other
 * zones go through the cached offsets of `internal/localTime.ts` (one Map look-up per row).
 * @internal
 */
export function periodNumberer(period: CohortPeriod, timeZone: string): (ms: number) => number {
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const toWallMs = wallClock(timeZone);
  if (period === 'week') {
    return utc ? (ms) => Math.floor((Math.floor(ms / msPerDay) + 3) / 7) : (ms) => Math.floor((Math.floor(toWallMs(timeZone, ms) / msPerDay) + 3) / 7);
  }
  // Months and quarters: a table of the period of each day within ±89 years of the first day seen
  // (filled on first use), so that a row costs a subtraction and a look-up; other days are computed.
  const divisor = period === 'month' ? 1 : 3;
  const size = 1 << 16;
  const table = new Int32Array(size);
  const known = new Uint8Array(size);
  let origin = Number.NaN;
  return (ms) => {
    const day = Math.floor((utc ? ms : toWallMs(timeZone, ms)) / msPerDay);
    if (origin !== origin) origin = day - size / 2;
    const slot = day - origin;
    if (slot >= 0 && slot < size) {
      if (known[slot] === 1) return table[slot] as number;
      const value = Math.floor(monthNumberOfDay(day) / divisor);
      table[slot] = value;
      known[slot] = 1;
      return value;
    }
    return Math.floor(monthNumberOfDay(day) / divisor);
  };
}

/**
 * Instants within two days of the ends of the Date range (±8.64e15 ms, 275,760 years away) are read
 * on the UTC calendar: the zone's rules are unknown there, and Intl cannot format the shifted instant.
 */
const safeLimit = 8.64e15 - 2 * msPerDay;

function wallClock(timeZone: string): (zone: string, ms: number) => number {
  return (zone, ms) => (Math.abs(ms) <= safeLimit ? zoneWallMs(timeZone, ms) : ms);
}

/** The first local day number of period `n`. @internal */
export function firstDayOfPeriod(n: number, period: CohortPeriod): number {
  if (period === 'week') return 7 * n - 3;
  const month = period === 'month' ? n : 3 * n;
  const year = 1970 + Math.floor(month / 12);
  return Date.UTC(year, month - (year - 1970) * 12, 1) / msPerDay;
}

/** The instant period `n` starts in `timeZone` (local midnight of its first day; DST gap rule of `localTime.ts`). @internal */
export function periodStart(n: number, period: CohortPeriod, timeZone: string): number {
  const day = firstDayOfPeriod(n, period);
  return Math.abs(day * msPerDay) <= safeLimit ? startOfLocalDay(timeZone, day) : day * msPerDay;
}

const pad = (value: number, width: number) => (value < 0 ? '-' + String(-value).padStart(width, '0') : String(value).padStart(width, '0'));

/**
 * The label of period `n`: `'2024-03'` for a month, `'2024-Q1'` for a quarter, the local date of
 * its Monday (`'2024-03-04'`) for a week.
 * @internal
 */
export function periodLabel(n: number, period: CohortPeriod): string {
  if (period === 'week') {
    const date = new Date(firstDayOfPeriod(n, period) * msPerDay);
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  }
  if (period === 'quarter') return `${pad(1970 + Math.floor(n / 4), 4)}-Q${n - Math.floor(n / 4) * 4 + 1}`;
  return `${pad(1970 + Math.floor(n / 12), 4)}-${pad(n - Math.floor(n / 12) * 12 + 1, 2)}`;
}
