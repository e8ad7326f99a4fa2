import * as z from 'zod';
import { describeValue } from '../internal/describeValue.js';
import { readIsoInstant } from '../internal/isoInstant.js';

/**
 * An identifier: a non-empty string, or an integer (as in CDNOW's numeric ids), always produced as a
 * string so that `1` and `'1'` name the same customer.
 *
 * @example
 * ```ts
 * import { IdSchema } from 'relmark/models';
 * IdSchema.parse(42);
 * //=> '42'
 * IdSchema.safeParse('').success;
 * //=> false
 * ```
 * @category Primitives
 */
export const IdSchema = z
  .union([z.string(), z.number()], {
    error: (issue) => `Expected an id (a non-empty string or an integer), received ${describeValue(issue.input)}`,
  })
  .transform((id, ctx) => {
    if (typeof id === 'number' && !Number.isSafeInteger(id)) {
      ctx.addIssue({ code: 'custom', message: `Expected an integer id (or a string), received ${id}` });
      return z.NEVER;
    }
    const text = String(id);
    if (text.length === 0 || text.length > 256) {
      ctx.addIssue({ code: 'custom', message: `Expected an id of 1 to 256 characters, received ${text.length}` });
      return z.NEVER;
    }
    return text;
  })
  .describe('A non-empty string id (integers are accepted and turned into strings)');

/** An id as produced by {@link IdSchema}. @category Primitives */
export type Id = z.output<typeof IdSchema>;

function toInstant(value: Date | number | string, ctx: z.core.$RefinementCtx<Date | number | string>): Date {
  if (typeof value === 'string') {
    const read = readIsoInstant(value.trim());
    if ('problem' in read) {
      ctx.addIssue({
        code: 'custom',
        message:
          read.problem === 'not_a_real_date'
            ? `Invalid date: "${value}" is not a real calendar date or time`
            : `Invalid date: expected an ISO-8601 date or date-time, received "${value}"`,
      });
      return z.NEVER;
    }
    return new Date(read.ms);
  }
  const date = typeof value === 'number' ? new Date(value) : value;
  // An invalid Date holds NaN (ECMA-262 §21.4.1.1); no library is needed to tell.
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message:
        typeof value === 'number'
          ? `Invalid date: ${value} ms is outside the range of dates`
          : `Invalid date: received ${describeValue(value)}`,
    });
    return z.NEVER;
  }
  return typeof value === 'number' ? date : new Date(date.getTime());
}

/**
 * An instant in time, accepted as a `Date`, an ISO-8601 string or epoch milliseconds, and always
 * produced as a new `Date` (never the caller's object).
 *
 * @remarks
 * A date without a time (`'1997-09-30'`) means midnight UTC; a date-time without an offset is read as
 * UTC too, never as the machine's local time. A space may stand for the `T` (`'2014-01-01 10:00:00'`,
 * as spreadsheets and databases write it). Invalid dates, impossible calendar dates, NaN and ±Infinity
 * are rejected.
 *
 * @example
 * ```ts
 * import { InstantSchema } from 'relmark/models';
 * InstantSchema.parse('1997-09-30').toISOString();
 * //=> '1997-09-30T00:00:00.000Z'
 * InstantSchema.parse(0).toISOString();
 * //=> '1970-01-01T00:00:00.000Z'
 * InstantSchema.safeParse('2023-02-30').success;
 * //=> false
 * ```
 * @category Primitives
 */
export const InstantSchema = z
  .union([z.date({ error: 'Invalid date: received Invalid Date' }), z.number(), z.string()], {
    error: (issue) =>
      `Expected a date (Date, ISO-8601 string or epoch milliseconds), received ${describeValue(issue.input)}`,
  })
  .transform(toInstant)
  .describe('An instant: Date, ISO-8601 string or epoch milliseconds');

/** An instant as produced by {@link InstantSchema}: a valid `Date`. @category Primitives */
export type Instant = z.output<typeof InstantSchema>;
/** What {@link InstantSchema} accepts. @category Primitives */
export type InstantInput = z.input<typeof InstantSchema>;

/**
 * A finite, non-negative amount of money in the transaction's currency (NaN and ±Infinity rejected).
 * @example
 * ```ts
 * import { MoneySchema } from 'relmark/models';
 * MoneySchema.safeParse(-1).success;
 * //=> false
 * ```
 * @category Primitives
 */
export const MoneySchema = z.number().nonnegative({
  error: (issue) => `Expected a non-negative amount, received ${String(issue.input)}`,
});

/**
 * A finite, non-negative number.
 * @example
 * ```ts
 * import { NonNegativeFiniteSchema } from 'relmark/models';
 * NonNegativeFiniteSchema.safeParse(Number.POSITIVE_INFINITY).success;
 * //=> false
 * ```
 * @category Primitives
 */
export const NonNegativeFiniteSchema = z.number().nonnegative({
  error: (issue) => `Expected a non-negative number, received ${String(issue.input)}`,
});

/**
 * A probability in [0, 1].
 * @example
 * ```ts
 * import { ProbabilitySchema } from 'relmark/models';
 * ProbabilitySchema.safeParse(1.5).success;
 * //=> false
 * ```
 * @category Primitives
 */
export const ProbabilitySchema = z.number().min(0).max(1);

const currencies = new Set(Intl.supportedValuesOf('currency'));

/**
 * An ISO 4217 currency code in upper case (`'EUR'`, `'USD'`), checked against the codes the
 * JavaScript runtime knows.
 * @example
 * ```ts
 * import { CurrencySchema } from 'relmark/models';
 * CurrencySchema.safeParse('EUR').success;
 * //=> true
 * CurrencySchema.safeParse('eur').success;
 * //=> false
 * ```
 * @category Primitives
 */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code of three upper-case letters')
  .refine((code) => currencies.has(code), { message: 'Unknown ISO 4217 currency code' });

// Building an Intl.DateTimeFormat costs about 100 µs, and a customer table repeats a handful of
// zones, so the answer per name is remembered (bounded: a zone's validity never changes in a run).
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size < 10_000) knownZones.set(zone, valid);
  return valid;
}

/**
 * An IANA time zone name (`'Europe/Paris'`, `'UTC'`), checked against the runtime's zone database.
 * @example
 * ```ts
 * import { TimeZoneSchema } from 'relmark/models';
 * TimeZoneSchema.safeParse('Europe/Paris').success;
 * //=> true
 * TimeZoneSchema.safeParse('Mars/Olympus').success;
 * //=> false
 * ```
 * @category Primitives
 */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .refine(isTimeZone, { message: 'Unknown IANA time zone' });

/**
 * The unit of a duration in results and options. `month` is a fixed 30.4375 days (365.25 / 12).
 * @example
 * ```ts
 * import { TimeUnitSchema } from 'relmark/models';
 * TimeUnitSchema.options;
 * //=> ['day', 'week', 'month', 'year']
 * ```
 * @category Primitives
 */
export const TimeUnitSchema = z.enum(['day', 'week', 'month', 'year']);

/** A unit of duration. @category Primitives */
export type TimeUnit = z.output<typeof TimeUnitSchema>;

const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One attribute value: a string, a finite number, a boolean, null, or an array of those. @category Primitives */
export type AttributeValue = string | number | boolean | null | readonly (string | number | boolean | null)[];
/** Free-form attributes of an entity. @category Primitives */
export type Attributes = { readonly [key: string]: AttributeValue };

/**
 * Free-form attributes: string keys with JSON-like values (string, number, boolean, null, or
 * arrays of those). Keys `__proto__`, `constructor` and `prototype` are rejected so that no input can
 * reach an object's prototype.
 * @example
 * ```ts
 * import { AttributesSchema } from 'relmark/models';
 * AttributesSchema.parse({ source: 'web', vip: true });
 * //=> { source: 'web', vip: true }
 * AttributesSchema.safeParse(JSON.parse('{"__proto__": 1}')).success;
 * //=> false
 * ```
 * @category Primitives
 */
export const AttributesSchema: z.ZodType<Attributes, Attributes> = z.preprocess(
  (input, ctx) => {
    // zod's record silently skips an own "__proto__" key; report it instead of losing it.
    if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'Reserved attribute key "__proto__"', input });
    }
    return input;
  },
  z.record(
    z.string().refine((key) => !reservedKeys.has(key), { message: 'Reserved attribute key' }),
    z.union([scalar, z.array(scalar)]),
  ),
) as unknown as z.ZodType<Attributes, Attributes>;
