import { RelmarkError } from '../errors/RelmarkError.js';
import type { TransactionColumnBatch } from '../io/transactionColumnReader.js';
import { type CohortPeriod, periodNumberer } from './cohortPeriod.js';
import { type CohortGroupBy, groupIndex } from './cohortOptions.js';
import { cohortTableFromRows } from './cohortTableKernel.js';
import type { CohortTable } from './cohortTableTypes.js';

/**
 * The columnar path of {@link cohortTable}: batches of the transaction column reader (already
 * checked, refunds linked) are reduced to 20 bytes per row (customer, period number, orders, signed
 * amount) as they arrive, and the table is built once `asOf` is known — the shape of the `relmark`
 * command, whose default as-of date is found at the end of the file.
 * @internal
 * @module
 */

/** Options of {@link createCohortTableCollector}. @internal */
export interface CohortTableCollectorOptions {
  readonly period: CohortPeriod;
  /** A valid IANA zone (checked by the caller). */
  readonly timeZone: string;
  /** Rows after this instant are left out and counted. @defaultValue none (every row counts) */
  readonly asOf?: number;
}

/** @internal */
export interface CohortTableCollector {
  add(batch: Pick<TransactionColumnBatch, 'length' | 'customer' | 'at' | 'amount' | 'refund'>): void;
  /** The table as of `asOf` (at or after every counted row), for customers named by `customerIds`. Frees the rows. */
  finish(asOf: number, customerIds: readonly string[], groupBy?: CohortGroupBy): CohortTable;
  readonly rows: number;
  readonly future: number;
  readonly byteLength: number;
}

/** @internal */
export function createCohortTableCollector(options: CohortTableCollectorOptions): CohortTableCollector {
  const limit = options.asOf ?? Number.POSITIVE_INFINITY;
  const numberOf = periodNumberer(options.period, options.timeZone);
  let capacity = 1 << 16;
  let customer = new Int32Array(capacity);
  let period = new Int32Array(capacity);
  let orders = new Uint32Array(capacity);
  let revenue = new Float64Array(capacity);
  let length = 0;
  let future = 0;
  let latest = Number.NEGATIVE_INFINITY;
  let maxCustomer = -1;
  const grow = (needed: number) => {
    let next = Math.max(capacity, 1);
    while (next < needed) next *= 2;
    const copy = <T extends Int32Array | Uint32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(next);
      b.set(a.subarray(0, length) as never);
      return b;
    };
    customer = copy(customer, (k) => new Int32Array(k));
    period = copy(period, (k) => new Int32Array(k));
    orders = copy(orders, (k) => new Uint32Array(k));
    revenue = copy(revenue, (k) => new Float64Array(k));
    capacity = next;
  };
  return {
    add(batch) {
      if (length + batch.length > capacity) grow(length + batch.length);
      const { at, amount, refund } = batch;
      const ids = batch.customer;
      for (let i = 0; i < batch.length; i++) {
        const t = at[i] as number;
        if (t > limit) {
          future++;
          continue;
        }
        if (t > latest) latest = t;
        const c = ids[i] as number;
        if (c > maxCustomer) maxCustomer = c;
        customer[length] = c;
        period[length] = numberOf(t);
        const isRefund = refund[i] === 1;
        orders[length] = isRefund ? 0 : 1;
        revenue[length] = isRefund ? -(amount[i] as number) : (amount[i] as number);
        length++;
      }
    },
    finish(asOf, customerIds, groupBy) {
      if (latest > asOf) {
        throw new RelmarkError('invalid_input', 'cohortTable: a counted row lies after asOf', {
          issues: [{ code: 'future_date', path: ['asOf'], message: `asOf ${new Date(asOf).toISOString()} is before a counted row (${new Date(latest).toISOString()})` }],
        });
      }
      const customerCount = Math.max(customerIds.length, maxCustomer + 1);
      const groups = groupBy === undefined ? undefined : groupIndex(groupBy, customerIds, 'cohortTable');
      const table = cohortTableFromRows(
        { length, customer, period, orders, revenue },
        {
          period: options.period,
          timeZone: options.timeZone,
          asOf,
          asOfPeriod: numberOf(asOf),
          customerCount,
          groupOf: groups?.groupOf,
          groupNames: groups?.names,
          future,
        },
      );
      customer = new Int32Array(0);
      period = new Int32Array(0);
      orders = new Uint32Array(0);
      revenue = new Float64Array(0);
      capacity = 0;
      length = 0;
      return table;
    },
    get rows() {
      return length;
    },
    get future() {
      return future;
    },
    get byteLength() {
      return capacity * 20;
    },
  };
}
