import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { parseBatch, requireAllValid } from '../models/parse.js';
import { InstantSchema, TimeZoneSchema, type InstantInput } from '../models/primitives.js';
import { TransactionSchema, type TransactionInput } from '../models/transaction.js';
import { type CohortPeriod, cohortPeriods, periodNumberer } from '../cohorts/cohortPeriod.js';
import { type CohortGroupBy, groupIndex, parseCohortOptions } from '../cohorts/cohortOptions.js';
import { cohortTableFromRows } from '../cohorts/cohortTableKernel.js';
import type { CohortTable } from '../cohorts/cohortTableTypes.js';

/** Options of {@link createCohortAccumulator}: those of `cohortTable` that fix what is kept. @category Summaries */
export interface CohortAccumulatorOptions {
  /** The end of observation; required. Later rows are left out and counted in `excluded.future`. */
  readonly asOf: InstantInput;
  /** The calendar period of cohorts (weeks start on Monday). */
  readonly period: CohortPeriod;
  /** The IANA time zone of the period boundaries. @defaultValue 'UTC' */
  readonly timeZone?: string;
}

/**
 * A mergeable cohort-table state: add chunks, merge partitions (in any order and grouping), then read
 * the table. See {@link createCohortAccumulator}.
 * @category Summaries
 */
export interface CohortAccumulator {
  /** Validates a chunk (each row against `TransactionSchema`; all or nothing) and adds it. */
  add(transactions: readonly TransactionInput[]): void;
  /** Adds another accumulator's state (same options) into this one; `other` is left unchanged. */
  merge(other: CohortAccumulator): void;
  /** The cohort table of everything added and merged so far (see `cohortTable`), split by `groupBy` if given. */
  table(options?: { readonly groupBy?: CohortGroupBy }): CohortTable;
  /** Customers with any counted row. */
  readonly customers: number;
  /** Rows added (including those after `asOf`). */
  readonly rows: number;
}

interface PeriodTotals {
  orders: number;
  revenue: number;
  compensation: number;
}

interface CohortState {
  readonly asOf: number;
  readonly period: CohortPeriod;
  readonly timeZone: string;
  readonly customers: Map<string, Map<number, PeriodTotals>>;
  rows: number;
  future: number;
}

const states = new WeakMap<CohortAccumulator, CohortState>();

const OptionsSchema = z.strictObject({ asOf: InstantSchema, period: z.enum(cohortPeriods), timeZone: TimeZoneSchema.default('UTC') });

function addTo(totals: Map<number, PeriodTotals>, q: number, orders: number, revenue: number, compensation: number): void {
  let cell = totals.get(q);
  if (cell === undefined) {
    cell = { orders: 0, revenue: 0, compensation: 0 };
    totals.set(q, cell);
  }
  cell.orders += orders;
  const t = cell.revenue + revenue;
  cell.compensation += (Math.abs(cell.revenue) >= Math.abs(revenue) ? cell.revenue - t + revenue : revenue - t + cell.revenue) + compensation;
  cell.revenue = t;
}

/**
 * Creates an empty, mergeable cohort-table state: the map-reduce shape of `cohortTable`, for logs
 * read in chunks or held in partitions (one per store, per month, per worker).
 *
 * @remarks
 * The state keeps, per customer and calendar period, the order count and the net revenue
 * (Neumaier-compensated); the table is built from it by the same kernel as `cohortTable`, so that
 * the table of merged partitions equals the table of their union — whatever the split, even a
 * customer's transactions spread over several partitions, and a refund apart from its purchase
 * (refunds count by their own date, so they need not meet their purchase). Rows are checked one by
 * one against `TransactionSchema`; the cross-row checks of `parseTransactions` (refund links, unique
 * ids) belong to the whole log and are not repeated here. Memory: about 100 bytes per customer and
 * period with activity.
 *
 * Edge cases: a table read from a partition with a refund whose customer has no purchase there lists
 * it in `unattributedRevenue`; merged with the partition holding the purchase, it moves into the cohort.
 *
 * @param options - `asOf`, `period`, `timeZone`.
 * @returns A {@link CohortAccumulator}.
 * @throws {@link RelmarkError} `invalid_options` for a missing `asOf`, an unknown period (path
 *   `['period']`) or time zone (path `['timeZone']`); from `add`, `invalid_input` with each invalid row's
 *   path; from `merge`, `invalid_options` when the options differ and `invalid_input` for a foreign
 *   object or the accumulator itself.
 * @example
 * ```ts
 * import { createCohortAccumulator } from 'relmark';
 * const north = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
 * const south = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
 * north.add([{ customerId: 'ann', at: '2024-01-05', amount: 40 }]);
 * south.add([{ customerId: 'ann', at: '2024-02-11', amount: 25 }, { customerId: 'bob', at: '2024-02-20', amount: 10 }]);
 * north.merge(south);
 * north.table().cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => cell.activeCustomers)]);
 * //=> [['2024-01', 1, [1, 1, 0]], ['2024-02', 1, [1, 0]]]
 * ```
 * @category Summaries
 */
export function createCohortAccumulator(options: CohortAccumulatorOptions): CohortAccumulator {
  const parsed = parseCohortOptions(OptionsSchema, options, 'createCohortAccumulator');
  const state: CohortState = { asOf: parsed.asOf.getTime(), period: parsed.period, timeZone: parsed.timeZone, customers: new Map(), rows: 0, future: 0 };
  const numberOf = periodNumberer(state.period, state.timeZone);
  const accumulator: CohortAccumulator = {
    add(transactions) {
      const valid = requireAllValid(parseBatch(TransactionSchema, transactions, { pathName: 'transactions' }), 'CohortAccumulator.add');
      state.rows += valid.length;
      for (const t of valid) {
        const at = t.at.getTime();
        if (at > state.asOf) {
          state.future++;
          continue;
        }
        let totals = state.customers.get(t.customerId);
        if (totals === undefined) {
          totals = new Map();
          state.customers.set(t.customerId, totals);
        }
        const refund = t.kind === 'refund';
        addTo(totals, numberOf(at), refund ? 0 : 1, refund ? -t.amount : t.amount, 0);
      }
    },
    merge(other) {
      const source = states.get(other);
      if (source === undefined || source === state) {
        throw new RelmarkError('invalid_input', 'CohortAccumulator.merge: not another cohort accumulator', {
          issues: [
            source === undefined
              ? { code: 'invalid_type', path: ['other'], message: 'Expected an accumulator from createCohortAccumulator' }
              : { code: 'same_accumulator', path: ['other'], message: 'Merging an accumulator into itself would count every row twice' },
          ],
        });
      }
      const names = ['asOf', 'period', 'timeZone'] as const;
      const mismatched = names.filter((name) => state[name] !== source[name]);
      if (mismatched.length > 0) {
        throw new RelmarkError('invalid_options', 'CohortAccumulator.merge: the accumulators have different options', {
          issues: mismatched.map((name) => ({ code: 'options_mismatch', path: ['other', name], message: `Expected ${name} ${String(state[name])}, received ${String(source[name])}` })),
        });
      }
      for (const [id, theirs] of source.customers) {
        let totals = state.customers.get(id);
        if (totals === undefined) {
          totals = new Map();
          state.customers.set(id, totals);
        }
        for (const [q, cell] of theirs) addTo(totals, q, cell.orders, cell.revenue, cell.compensation);
      }
      state.rows += source.rows;
      state.future += source.future;
    },
    table(tableOptions = {}) {
      const ids = [...state.customers.keys()];
      let length = 0;
      for (const totals of state.customers.values()) length += totals.size;
      const customer = new Int32Array(length);
      const period = new Int32Array(length);
      const orders = new Uint32Array(length);
      const revenue = new Float64Array(length);
      let i = 0;
      ids.forEach((id, c) => {
        for (const [q, cell] of state.customers.get(id) as Map<number, PeriodTotals>) {
          customer[i] = c;
          period[i] = q;
          orders[i] = cell.orders;
          revenue[i] = cell.revenue + cell.compensation;
          i++;
        }
      });
      const groups = tableOptions.groupBy === undefined ? undefined : groupIndex(tableOptions.groupBy, ids, 'CohortAccumulator.table');
      return cohortTableFromRows(
        { length, customer, period, orders, revenue },
        {
          period: state.period,
          timeZone: state.timeZone,
          asOf: state.asOf,
          asOfPeriod: numberOf(state.asOf),
          customerCount: ids.length,
          groupOf: groups?.groupOf,
          groupNames: groups?.names,
          future: state.future,
        },
      );
    },
    get customers() {
      return state.customers.size;
    },
    get rows() {
      return state.rows;
    },
  };
  states.set(accumulator, state);
  return accumulator;
}
