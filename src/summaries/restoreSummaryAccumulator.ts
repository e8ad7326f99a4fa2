import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { accumulatorOf, type SummaryAccumulator } from './createSummaryAccumulator.js';
import { SummaryAccumulatorSnapshotSchema } from './summaryAccumulatorSnapshot.js';
import { emptySummaryState } from './summaryState.js';

/**
 * Rebuilds a summary accumulator from its snapshot (`accumulator.toJSON()`, possibly sent through
 * `JSON.stringify` / `JSON.parse` from another process), so that partitions summarised elsewhere
 * can be merged here.
 *
 * @remarks
 * Round trip: `restoreSummaryAccumulator(JSON.parse(JSON.stringify(acc)))` has the same histories,
 * RFM summaries and snapshot as `acc`, and merges as `acc` would. The snapshot is validated with
 * {@link SummaryAccumulatorSnapshotSchema} and checked across fields (keys strictly increasing, one
 * value per key, a purchase count for every occasion, unique customer ids).
 * Edge cases: the snapshot of an empty accumulator restores to an empty one. O(size of the snapshot).
 *
 * @param snapshot - A snapshot object (not a string).
 * @returns A new accumulator; the snapshot is not mutated or kept.
 * @throws {@link RelmarkError} `invalid_input` with every issue and its path (`['snapshot',
 *   'customers', 3, 'keys']`) if the snapshot is malformed.
 * @example
 * ```ts
 * import { createSummaryAccumulator, restoreSummaryAccumulator } from 'relmark';
 * const shard = createSummaryAccumulator({ asOf: '2024-01-31', timeUnit: 'day' });
 * shard.add([{ customerId: 'a', at: '2024-01-02', amount: 5 }, { customerId: 'a', at: '2024-01-09', amount: 8 }]);
 * const shipped = JSON.stringify(shard);
 * const here = restoreSummaryAccumulator(JSON.parse(shipped));
 * here.histories();
 * //=> [{ customerId: 'a', x: 1, tx: 7, T: 29, monetaryMean: 8 }]
 * ```
 * @category Summaries
 */
export function restoreSummaryAccumulator(snapshot: unknown): SummaryAccumulator {
  const parsed = SummaryAccumulatorSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) throw fromZodError(parsed.error, 'restoreSummaryAccumulator: invalid snapshot', { pathPrefix: ['snapshot'] });
  const s = parsed.data;
  const issues: RelmarkIssue[] = [];
  const state = emptySummaryState(s.options);
  state.rows = s.rows;
  state.future = s.future;
  s.customers.forEach((c, i) => {
    const at = (field: string) => ['snapshot', 'customers', i, field];
    if (state.customers.has(c.customerId)) issues.push({ code: 'duplicate_id', path: at('customerId'), message: `Customer "${c.customerId}" appears twice` });
    if (c.values.length !== c.keys.length) issues.push({ code: 'invalid_length', path: at('values'), message: `Expected ${c.keys.length} values (one per key), received ${c.values.length}` });
    if (c.keys.some((key, j) => j > 0 && key <= (c.keys[j - 1] as number))) issues.push({ code: 'invalid_value', path: at('keys'), message: 'Keys must be strictly increasing' });
    if (c.orders < c.keys.length || (c.orders > 0) !== (c.keys.length > 0) || (c.orders > 0) !== (c.firstAt !== null && c.lastAt !== null)) {
      issues.push({ code: 'invalid_value', path: at('orders'), message: `${c.orders} orders do not fit ${c.keys.length} occasions and the first/last purchase instants` });
    }
    state.customers.set(c.customerId, {
      keys: [...c.keys],
      values: [...c.values],
      revenue: c.revenue[0],
      revenueCompensation: c.revenue[1],
      orders: c.orders,
      refunds: c.refunds,
      firstAt: c.firstAt ?? Number.POSITIVE_INFINITY,
      lastAt: c.lastAt ?? Number.NEGATIVE_INFINITY,
    });
    if (c.orders > 0) state.buyers++;
  });
  s.purchases.forEach((p, i) => {
    if (state.purchases.has(p.id)) issues.push({ code: 'duplicate_id', path: ['snapshot', 'purchases', i, 'id'], message: `Purchase "${p.id}" appears twice` });
    state.purchases.set(p.id, { customerId: p.customerId, key: p.key, amount: p.amount, at: p.at, currency: p.currency, index: p.index });
  });
  for (const r of s.refunds) {
    state.refunds.push({ id: r.id, customerId: r.customerId, refundOf: r.refundOf, amount: r.amount, at: r.at, currency: r.currency, index: r.index });
    if (r.id !== undefined) state.refundIds.add(r.id);
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'restoreSummaryAccumulator: invalid snapshot', { issues });
  return accumulatorOf(state);
}
