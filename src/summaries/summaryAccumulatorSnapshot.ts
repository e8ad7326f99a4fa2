import * as z from 'zod';
import { compareIds } from '../internal/order.js';
import { PurchasePeriodSchema } from '../clv/summarizeHistories.js';
import { TimeUnitSchema } from '../models/primitives.js';
import type { SummaryState } from './summaryState.js';

const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'Expected a finite number');
// Epoch milliseconds a Date can hold (±8.64e15): an instant beyond them would make every reader throw.
const instant = z.number().int().min(-8.64e15).max(8.64e15);

/**
 * The JSON form of a summary accumulator (`accumulator.toJSON()`), read back by
 * {@link restoreSummaryAccumulator}.
 *
 * @remarks
 * Plain JSON: numbers, strings, arrays and objects only (instants are epoch ms), so it survives
 * `JSON.stringify` / `JSON.parse` exactly (JavaScript prints the shortest string that reads back
 * as the same double). Customers are in id order (code units), purchases and refunds in row order,
 * so two accumulators with the same content give the same snapshot. `format` and `version` name
 * the layout, so a future layout can still read this one.
 * `customers[i].keys` are the sorted distinct period keys (UTC day numbers for `period: 'day'`,
 * epoch ms for `'instant'`) with the purchase total of each in `values`; `revenue` is a
 * compensated pair (sum, compensation).
 * @example
 * ```ts
 * import { createSummaryAccumulator, SummaryAccumulatorSnapshotSchema } from 'relmark';
 * const acc = createSummaryAccumulator({ asOf: '2024-01-31' });
 * acc.add([{ customerId: 'a', at: '2024-01-02', amount: 5 }]);
 * const json = JSON.parse(JSON.stringify(acc));
 * [SummaryAccumulatorSnapshotSchema.safeParse(json).success, json.customers[0].keys];
 * //=> [true, [19724]]
 * ```
 * @category Summaries
 */
export const SummaryAccumulatorSnapshotSchema = z.strictObject({
  format: z.literal('relmark.summary-accumulator'),
  version: z.literal(1),
  options: z.strictObject({
    asOf: instant,
    timeUnit: TimeUnitSchema,
    period: PurchasePeriodSchema,
    futureTransactions: z.enum(['reject', 'exclude']),
  }),
  rows: count,
  future: count,
  customers: z.array(
    z.strictObject({
      customerId: z.string(),
      keys: z.array(finite),
      values: z.array(finite),
      revenue: z.tuple([finite, finite]),
      orders: count,
      refunds: count,
      firstAt: instant.nullable(),
      lastAt: instant.nullable(),
    }),
  ),
  purchases: z.array(
    z.strictObject({ id: z.string(), customerId: z.string(), key: finite, amount: finite, at: instant, currency: z.string().optional(), index: count }),
  ),
  refunds: z.array(
    z.strictObject({
      id: z.string().optional(),
      customerId: z.string(),
      refundOf: z.string(),
      amount: finite,
      at: instant,
      currency: z.string().optional(),
      index: count,
    }),
  ),
});

/** A snapshot of a summary accumulator (see {@link SummaryAccumulatorSnapshotSchema}). @category Summaries */
export type SummaryAccumulatorSnapshot = z.output<typeof SummaryAccumulatorSnapshotSchema>;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
const withCurrency = (currency: string | undefined) => (currency === undefined ? {} : { currency });

/** The snapshot of a state. @internal */
export function snapshotOf(state: SummaryState): SummaryAccumulatorSnapshot {
  return {
    format: 'relmark.summary-accumulator',
    version: 1,
    options: { ...state.settings },
    rows: state.rows,
    future: state.future,
    customers: [...state.customers.keys()].sort(compareIds).map((customerId) => {
      const c = state.customers.get(customerId) as NonNullable<ReturnType<typeof state.customers.get>>;
      return {
        customerId,
        keys: [...c.keys],
        values: [...c.values],
        revenue: [c.revenue, c.revenueCompensation],
        orders: c.orders,
        refunds: c.refunds,
        firstAt: finiteOrNull(c.firstAt),
        lastAt: finiteOrNull(c.lastAt),
      };
    }),
    purchases: [...state.purchases]
      .map(([id, p]) => ({ id, customerId: p.customerId, key: p.key, amount: p.amount, at: p.at, ...withCurrency(p.currency), index: p.index }))
      .sort((p, q) => p.index - q.index),
    refunds: state.refunds.map((r) => ({
      ...(r.id === undefined ? {} : { id: r.id }),
      customerId: r.customerId,
      refundOf: r.refundOf,
      amount: r.amount,
      at: r.at,
      ...withCurrency(r.currency),
      index: r.index,
    })),
  };
}
