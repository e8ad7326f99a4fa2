import { RelmarkError } from '../errors/RelmarkError.js';
import { requireAllValid } from '../models/parse.js';
import { parseTransactions } from '../models/parseTransactions.js';
import type { InstantInput } from '../models/primitives.js';
import type { Transaction, TransactionInput } from '../models/transaction.js';
import { type CohortPeriod, periodNumberer } from './cohortPeriod.js';
import { type CohortGroupBy, CohortTableOptionsSchema, groupIndex, parseCohortOptions } from './cohortOptions.js';
import { cohortTableFromRows } from './cohortTableKernel.js';
import type { CohortTable } from './cohortTableTypes.js';

/** Options of {@link cohortTable}. @category Cohorts */
export interface CohortTableOptions {
  /** The end of observation (a Date, ISO string or epoch ms); required. Transactions after it are counted in `excluded.future` and left out. */
  readonly asOf: InstantInput;
  /** The calendar period of cohorts and of the periods since acquisition. Weeks start on Monday. */
  readonly period: CohortPeriod;
  /** The IANA time zone whose calendar draws the period boundaries. @defaultValue 'UTC' */
  readonly timeZone?: string;
  /** Splits the table by a customer attribute (segment, acquisition channel): customer id → group. @defaultValue no split */
  readonly groupBy?: CohortGroupBy;
}

/**
 * Groups customers into acquisition cohorts by the calendar period of their first purchase and
 * measures each cohort in every period since: active customers, retention rate, orders, revenue,
 * cumulative revenue per acquired customer (the empirical value curve) and repeat-purchase rate.
 *
 * @remarks
 * Rules:
 * - A customer's cohort is the period (in `timeZone`, default UTC) of their first purchase up to
 *   `asOf`; every customer with a purchase is in exactly one cohort.
 * - Orders count purchase transactions: two purchases on one day are two orders.
 * - Refund rule: a refund is not an order and never makes a customer active; it lowers the revenue
 *   of the period of the refund's own date (not of the purchase it returns), in its customer's cohort.
 * - Incomplete period: the period that contains `asOf` is still running; its cells are present with
 *   `complete: false` ("so far"), never reported as complete. Every earlier period since a cohort's
 *   start is present, a period without activity as a zero cell.
 * - Retention rate = active customers / cohort size, so period 0 has rate 1; repeat-purchase rate =
 *   the share of the cohort with at least two orders by the end of the period.
 * - Period boundaries are local midnights in `timeZone` (through the library's DST-aware offsets):
 *   months and quarters start on the 1st, weeks on Monday (ISO 8601).
 *
 * Edge cases: transactions after `asOf` are counted in `excluded.future` and left out; a customer
 * with only refunds up to `asOf` has no cohort (impossible for a checked log, where every refund
 * follows its purchase). Output order: groups (`null` first, then code-unit order), then cohorts by
 * start. Revenue sums are Neumaier-compensated. O(n + customers·P/32 + P²) for P periods.
 *
 * @param transactions - The transaction log (checked as by `parseTransactions`: refunds link to an earlier purchase).
 * @param options - `asOf`, `period`, `timeZone`, `groupBy`.
 * @returns A {@link CohortTable}.
 * @throws {@link RelmarkError} `empty_input` for an empty log (path `['transactions']`);
 *   `invalid_options` for a missing `asOf`, a period other than week, month or quarter (path
 *   `['period']`), a time zone that does not exist (path `['timeZone']`) or a group that is not a
 *   string (path `['groupBy', id]`); `invalid_input` for invalid rows, each with its path
 *   (`['transactions', 3, 'amount']`).
 * @example
 * ```ts
 * import { cohortTable } from 'relmark/cohorts';
 * const table = cohortTable(
 *   [
 *     { customerId: 'ann', at: '2024-01-05', amount: 40 },
 *     { customerId: 'ann', at: '2024-02-11', amount: 25 },
 *     { customerId: 'bob', at: '2024-01-20', amount: 10 },
 *     { customerId: 'cy', at: '2024-02-02', amount: 30 },
 *   ],
 *   { asOf: '2024-03-15', period: 'month' },
 * );
 * table.cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => cell.activeCustomers)]);
 * //=> [['2024-01', 2, [2, 1, 0]], ['2024-02', 1, [1, 0]]]
 * table.cohorts[0]?.cells.map((cell) => [cell.retentionRate, cell.cumulativeRevenuePerCustomer, cell.complete]);
 * //=> [[1, 25, true], [0.5, 37.5, true], [0, 37.5, false]]
 * ```
 * @category Cohorts
 */
export function cohortTable(transactions: readonly TransactionInput[], options: CohortTableOptions): CohortTable {
  const parsed = parseCohortOptions(CohortTableOptionsSchema, options, 'cohortTable');
  if (Array.isArray(transactions) && transactions.length === 0) {
    throw new RelmarkError('empty_input', 'cohortTable: no transactions', {
      issues: [{ code: 'too_small', path: ['transactions'], message: 'Expected at least one transaction' }],
    });
  }
  const valid = requireAllValid(parseTransactions(transactions, { pathName: 'transactions' }), 'cohortTable');
  return cohortTableOfTransactions(valid, parsed.asOf.getTime(), parsed.period, parsed.timeZone, parsed.groupBy);
}

/** The table of checked transactions. @internal */
export function cohortTableOfTransactions(
  transactions: readonly Transaction[],
  asOf: number,
  period: CohortPeriod,
  timeZone: string,
  groupBy: CohortGroupBy | undefined,
): CohortTable {
  const numberOf = periodNumberer(period, timeZone);
  const ids = new Map<string, number>();
  const n = transactions.length;
  const customer = new Int32Array(n);
  const periods = new Int32Array(n);
  const orders = new Uint32Array(n);
  const revenue = new Float64Array(n);
  let length = 0;
  let future = 0;
  for (const t of transactions) {
    const at = t.at.getTime();
    if (at > asOf) {
      future++;
      continue;
    }
    let c = ids.get(t.customerId);
    if (c === undefined) {
      c = ids.size;
      ids.set(t.customerId, c);
    }
    customer[length] = c;
    periods[length] = numberOf(at);
    const refund = t.kind === 'refund';
    orders[length] = refund ? 0 : 1;
    revenue[length] = refund ? -t.amount : t.amount;
    length++;
  }
  const groups = groupBy === undefined ? undefined : groupIndex(groupBy, [...ids.keys()], 'cohortTable');
  return cohortTableFromRows(
    { length, customer, period: periods, orders, revenue },
    {
      period,
      timeZone,
      asOf,
      asOfPeriod: numberOf(asOf),
      customerCount: ids.size,
      groupOf: groups?.groupOf,
      groupNames: groups?.names,
      future,
    },
  );
}
