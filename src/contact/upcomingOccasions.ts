import * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { CustomerSchema, type Customer, type CustomerInput } from '../models/customer.js';
import { IdSchema, InstantSchema, TimeZoneSchema, type InstantInput } from '../models/primitives.js';
import { parseBatch } from '../models/parse.js';
import { compareIds } from '../internal/order.js';
import { localDayNumber, startOfLocalDay } from '../internal/localTime.js';
import { msPerDay } from '../internal/time.js';
import { ContactDurationSchema, type ContactDurationInput } from './contactDuration.js';

/** The built-in occasions of {@link upcomingOccasions}. @category Contact */
export type BuiltInOccasion = 'birthday' | 'first_purchase' | 'membership';

/** A custom dated occasion: its name and the customer attribute holding its date (`'YYYY-MM-DD'`). @category Contact */
export interface CustomOccasion {
  readonly name: string;
  readonly attribute: string;
}

/** Options of {@link upcomingOccasions}. @category Contact */
export interface UpcomingOccasionsOptions {
  /** The time of the check: the window starts on its local date, in each customer's zone. */
  readonly asOf: InstantInput;
  /** How far ahead, as a duration of whole days (`'30d'`, `'2w'`), at most 364 days. */
  readonly horizon: ContactDurationInput;
  /** The zone of customers without one. @defaultValue 'UTC' */
  readonly fallbackTimeZone?: string;
  /** Which built-in occasions to list. @defaultValue ['birthday', 'first_purchase', 'membership'] */
  readonly occasions?: readonly BuiltInOccasion[];
  /** Custom occasions read from customer attributes. @defaultValue [] */
  readonly custom?: readonly CustomOccasion[];
  /** Purchases (`customerId`, `at`) for first-purchase anniversaries; refunds are skipped. @defaultValue [] */
  readonly purchases?: readonly { readonly customerId: string | number; readonly at: InstantInput; readonly kind?: 'purchase' | 'refund' }[];
}

/** One occasion falling inside the window. @category Contact */
export interface UpcomingOccasion {
  readonly customerId: string;
  /** `birthday`, `first_purchase`, `membership` or a custom occasion's name. */
  readonly occasion: string;
  /** The local calendar date of this year's occasion, `'YYYY-MM-DD'` (29 February → 28 February in other years). */
  readonly date: string;
  /** The original date (`'YYYY-MM-DD'`). */
  readonly originalDate: string;
  /** Whole years since the original date: the age on a birthday, the anniversary's number. */
  readonly years: number;
  /** The first instant of `date` in the customer's zone. */
  readonly startsAt: Date;
  /** Local days from the date of `asOf` to `date` (0 = today). */
  readonly daysUntil: number;
  readonly timeZone: string;
}

/** A customer for whom an occasion's date is not known (or not a valid date). @category Contact */
export interface MissingOccasionDate {
  readonly customerId: string;
  readonly occasion: string;
  readonly reason: 'no_date' | 'invalid_date';
}

/** The result of {@link upcomingOccasions}. @category Contact */
export interface OccasionsResult {
  /** Occasions inside the window, by `daysUntil`, then customer id, then occasion name (code-unit order). */
  readonly upcoming: UpcomingOccasion[];
  /** Customer and occasion pairs without a usable date, by customer id then occasion (in option order). */
  readonly missing: MissingOccasionDate[];
}

const builtIns = ['birthday', 'first_purchase', 'membership'] as const;

/**
 * The options of {@link upcomingOccasions}, as checked (defaults filled in).
 * @example
 * ```ts
 * import { UpcomingOccasionsOptionsSchema } from 'relmark/contact';
 * const options = UpcomingOccasionsOptionsSchema.parse({ asOf: '2024-01-01T00:00:00Z', horizon: '7d' });
 * [options.occasions, options.fallbackTimeZone];
 * //=> [['birthday', 'first_purchase', 'membership'], 'UTC']
 * ```
 * @category Contact
 */
export const UpcomingOccasionsOptionsSchema = z.object({
  asOf: InstantSchema,
  horizon: ContactDurationSchema.refine((ms) => ms <= 364 * msPerDay, { message: 'A horizon of at most 364 days (so each occasion falls in it at most once)' }),
  fallbackTimeZone: TimeZoneSchema.default('UTC'),
  occasions: z.array(z.enum(builtIns)).default([...builtIns]),
  custom: z.array(z.object({ name: z.string().min(1), attribute: z.string().min(1) })).default([]),
  purchases: z.array(z.object({ customerId: IdSchema, at: InstantSchema, kind: z.enum(['purchase', 'refund']).optional() })).default([]),
});

/** Validated options of {@link upcomingOccasionsUnchecked}. @category Contact */
export type UpcomingOccasionsUncheckedOptions = z.output<typeof UpcomingOccasionsOptionsSchema>;

/**
 * Birthdays, anniversaries of the first purchase and of membership, and custom dated occasions
 * (from customer attributes) that fall within a horizon, in each customer's time zone; customers
 * without a date are listed as such, never dropped.
 *
 * @remarks
 * Dates are calendar dates. Birthdays and custom dates are read as written (`'YYYY-MM-DD'`); the
 * first purchase and membership (`createdAt`) are instants, read as the local date in the customer's
 * zone (`timeZone`, else `fallbackTimeZone`). The window is the local dates from the date of `asOf`
 * through `horizon` whole days later, in the customer's zone. Leap-day rule: an occasion on
 * 29 February falls on 28 February in years without one (the common legal and retail convention;
 * 1 March is the other one in use). `years` counts whole years since the original date, so an
 * occasion in its own original year (a membership started today) has `years` 0.
 * Every requested occasion of every customer is either dated (and listed in `upcoming` when it falls
 * in the window) or listed once in `missing`: `no_date` when absent, `invalid_date` when a custom
 * attribute is not a `'YYYY-MM-DD'` date.
 *
 * @param customers - Customers (ids unique; see {@link CustomerSchema}).
 * @param options - `asOf`, `horizon` and which occasions (see {@link UpcomingOccasionsOptions}).
 * @returns `{ upcoming, missing }`.
 * @throws {@link RelmarkError} `invalid_input` for bad customers or purchases (each issue with its
 *   path, e.g. `['customers', 2, 'birthday']`); `duplicate_id` for repeated customer ids;
 *   `invalid_options` for a bad `asOf`, `horizon` (over 364 days) or zone.
 * @example
 * ```ts
 * import { upcomingOccasions } from 'relmark/contact';
 * const { upcoming, missing } = upcomingOccasions(
 *   [
 *     { id: 'ada', birthday: '1992-02-29', timeZone: 'Europe/London' },
 *     { id: 'bob', createdAt: '2020-03-02T23:30:00Z', timeZone: 'Asia/Tokyo' },
 *   ],
 *   { asOf: '2025-02-20T12:00:00Z', horizon: '14d', occasions: ['birthday', 'membership'] },
 * );
 * upcoming.map((o) => [o.customerId, o.occasion, o.date, o.years]);
 * //=> [['ada', 'birthday', '2025-02-28', 33], ['bob', 'membership', '2025-03-03', 5]]
 * missing.map((m) => [m.customerId, m.occasion]);
 * //=> [['ada', 'membership'], ['bob', 'birthday']]
 * ```
 * @category Contact
 */
export function upcomingOccasions(customers: readonly CustomerInput[], options: UpcomingOccasionsOptions): OccasionsResult {
  const optionIssues: RelmarkIssue[] = [];
  const parsed = UpcomingOccasionsOptionsSchema.safeParse(options);
  if (!parsed.success) optionIssues.push(...issuesFromZod(parsed.error, ['options']));
  const inputIssues: RelmarkIssue[] = [];
  let valid: Customer[] = [];
  if (!Array.isArray(customers)) {
    inputIssues.push({ code: 'invalid_type', path: ['customers'], message: 'Expected an array of customers' });
  } else {
    const batch = parseBatch(CustomerSchema, customers, { pathName: 'customers', uniqueKey: (row: Customer) => row.id });
    for (const row of batch.rejected) inputIssues.push(...row.issues);
    valid = batch.valid;
  }
  if (inputIssues.length > 0 || !parsed.success) {
    const onlyDuplicates = optionIssues.length === 0 && inputIssues.every((issue) => issue.code === 'duplicate_id');
    const code = inputIssues.length === 0 ? 'invalid_options' : onlyDuplicates ? 'duplicate_id' : 'invalid_input';
    throw new RelmarkError(code, `upcomingOccasions: invalid ${inputIssues.length === 0 ? 'options' : 'input'}`, { issues: [...optionIssues, ...inputIssues] });
  }
  return upcomingOccasionsUnchecked(valid, parsed.data);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `'YYYY-MM-DD'` text as [year, month, day], or undefined when it is not a real date. */
function parseDate(text: unknown): readonly [number, number, number] | undefined {
  if (typeof text !== 'string') return undefined;
  const match = datePattern.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return [year, month, day];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day number (days since 1970-01-01) of the occasion in `year`: 29 February → 28 February when `year` has none. */
function occasionDay(year: number, month: number, day: number): number {
  const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
  return Math.floor(Date.UTC(year, month - 1, d) / msPerDay);
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

/**
 * {@link upcomingOccasions} without validation, for customers that passed {@link CustomerSchema}
 * and parsed options.
 * @remarks Preconditions: unique customer ids; `horizon` at most 364 days. Same rules and order.
 * @param customers - Validated customers.
 * @param options - Parsed options (every default filled in).
 * @returns `{ upcoming, missing }`.
 * @example
 * ```ts
 * import { upcomingOccasionsUnchecked } from 'relmark/contact';
 * upcomingOccasionsUnchecked([{ id: 'c', birthday: '2000-01-02' }], {
 *   asOf: new Date('2024-01-01T00:00:00Z'), horizon: 86_400_000, fallbackTimeZone: 'UTC',
 *   occasions: ['birthday'], custom: [], purchases: [],
 * }).upcoming.map((o) => [o.date, o.daysUntil]);
 * //=> [['2024-01-02', 1]]
 * ```
 * @category Contact
 */
export function upcomingOccasionsUnchecked(customers: readonly Customer[], options: UpcomingOccasionsUncheckedOptions): OccasionsResult {
  const asOf = options.asOf.getTime();
  const horizonDays = Math.floor(options.horizon / msPerDay);
  const firstPurchase = new Map<string, number>();
  for (const row of options.purchases) {
    if (row.kind === 'refund') continue;
    const ms = row.at.getTime();
    const known = firstPurchase.get(row.customerId);
    if (known === undefined || ms < known) firstPurchase.set(row.customerId, ms);
  }
  const upcoming: UpcomingOccasion[] = [];
  const missing: MissingOccasionDate[] = [];
  const names = [...options.occasions.map((name) => ({ name, attribute: undefined })), ...options.custom];
  for (const customer of [...customers].sort((a, b) => compareIds(a.id, b.id))) {
    const zone = customer.timeZone ?? options.fallbackTimeZone;
    const today = localDayNumber(zone, asOf);
    for (const { name, attribute } of names) {
      let original: readonly [number, number, number] | undefined;
      let reason: MissingOccasionDate['reason'] = 'no_date';
      if (attribute !== undefined) {
        const value = customer.attributes?.[attribute];
        if (value !== undefined && value !== null) reason = 'invalid_date';
        original = parseDate(value);
      } else if (name === 'birthday') {
        original = parseDate(customer.birthday);
      } else {
        const ms = name === 'membership' ? customer.createdAt?.getTime() : firstPurchase.get(customer.id);
        if (ms !== undefined) {
          // An instant within two days of the edge of Date's range (±8.64e15 ms) can leave it once
          // shifted to local time: no local date, so listed as invalid.
          if (Math.abs(ms) <= 8.64e15 - 2 * msPerDay) original = parseDate(isoDate(localDayNumber(zone, ms)));
          else reason = 'invalid_date';
        }
      }
      if (original === undefined) {
        missing.push({ customerId: customer.id, occasion: name, reason });
        continue;
      }
      const [year, month, day] = original;
      const todayYear = Number(isoDate(today).slice(0, 4));
      for (const y of [todayYear, todayYear + 1]) {
        const dayNumber = occasionDay(y, month, day);
        const until = dayNumber - today;
        if (until < 0 || until > horizonDays || y < year) continue;
        upcoming.push({
          customerId: customer.id,
          occasion: name,
          date: isoDate(dayNumber),
          originalDate: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          years: y - year,
          startsAt: new Date(startOfLocalDay(zone, dayNumber)),
          daysUntil: until,
          timeZone: zone,
        });
      }
    }
  }
  upcoming.sort((a, b) => a.daysUntil - b.daysUntil || compareIds(a.customerId, b.customerId) || compareIds(a.occasion, b.occasion));
  return { upcoming, missing };
}
