import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { InstantSchema, TimeZoneSchema } from '../models/primitives.js';
import { cohortPeriods } from './cohortPeriod.js';

/**
 * Option parsing shared by the cohort functions: one schema, `invalid_options` with every issue.
 * @internal
 * @module
 */

/** A customer attribute per customer id: a record or a Map (id → value). @category Cohorts */
export type CohortGroupBy = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

const GroupBySchema = z.custom<CohortGroupBy>((value) => value instanceof Map || (typeof value === 'object' && value !== null && !Array.isArray(value)), {
  message: 'groupBy must be an object or a Map from customer id to a group name',
});

/** @internal */
export const CohortTableOptionsSchema = z.strictObject({
  asOf: InstantSchema,
  period: z.enum(cohortPeriods),
  timeZone: TimeZoneSchema.default('UTC'),
  groupBy: GroupBySchema.optional(),
});

/** Parses options with `schema`; throws `invalid_options` with every issue and its path. @internal */
export function parseCohortOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  if (typeof options !== 'object' || options === null) {
    throw new RelmarkError('invalid_options', `${where}: invalid options`, { issues: [{ code: 'invalid_type', path: [], message: 'Expected an options object' }] });
  }
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  return parsed.data;
}

/**
 * The group of each customer (index into `names`), from `groupBy`; customers it does not name are in
 * group `null`. Throws `invalid_options` naming each customer whose value is not a string.
 * @internal
 */
export function groupIndex(groupBy: CohortGroupBy, customerIds: readonly string[], where: string): { groupOf: Int32Array; names: (string | null)[] } {
  const lookup = groupBy instanceof Map ? (id: string) => groupBy.get(id) : (id: string) => (Object.hasOwn(groupBy, id) ? (groupBy as Record<string, unknown>)[id] : undefined);
  const names: (string | null)[] = [null];
  const indexOf = new Map<string, number>();
  const groupOf = new Int32Array(customerIds.length);
  const issues: RelmarkIssue[] = [];
  customerIds.forEach((id, c) => {
    const value = lookup(id);
    if (value === undefined) return;
    if (typeof value !== 'string') {
      if (issues.length < 100) issues.push({ code: 'invalid_type', path: ['groupBy', id], message: `A group must be a string, received ${typeof value}` });
      return;
    }
    let g = indexOf.get(value);
    if (g === undefined) {
      g = names.length;
      names.push(value);
      indexOf.set(value, g);
    }
    groupOf[c] = g;
  });
  if (issues.length > 0) throw new RelmarkError('invalid_options', `${where}: invalid options`, { issues });
  return { groupOf, names };
}
