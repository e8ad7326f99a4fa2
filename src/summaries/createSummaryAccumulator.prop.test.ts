import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { summarizeHistories } from 'relmark/clv';
import { summarizeRfm } from 'relmark/rfm';
import { createSummaryAccumulator, restoreSummaryAccumulator, type SummaryAccumulator, type SummaryAccumulatorOptions } from 'relmark/summaries';
import { partitionedTransactionsArbitrary } from 'relmark/testing';

const optionsArbitrary = fc.record({
  timeUnit: fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<'day' | 'week' | 'month'>,
  period: fc.constantFrom('day', 'instant') as fc.Arbitrary<'day' | 'instant'>,
});
const rfmOptionsArbitrary = fc.record({
  timeUnit: fc.constantFrom('day', 'week'),
  monetary: fc.constantFrom('total', 'mean'),
  frequency: fc.constantFrom('purchases', 'days'),
}) as fc.Arbitrary<{ timeUnit: 'day' | 'week'; monetary: 'total' | 'mean'; frequency: 'purchases' | 'days' }>;

function partitionAccumulators(partitions: readonly (readonly (readonly object[])[])[], options: SummaryAccumulatorOptions): SummaryAccumulator[] {
  return partitions.map((chunks) => {
    const acc = createSummaryAccumulator(options);
    for (const chunk of chunks) acc.add(chunk as never);
    return acc;
  });
}

describe('createSummaryAccumulator laws', () => {
  test.prop([partitionedTransactionsArbitrary(), optionsArbitrary, rfmOptionsArbitrary])(
    'merging the partitions, chunked and shuffled, gives exactly the batch histories and RFM summaries',
    (split, { timeUnit, period }, rfmOptions) => {
      const options = { asOf: split.asOf, timeUnit, period };
      const frozen = structuredClone(split.partitions);
      const [first, ...rest] = partitionAccumulators(split.partitions, options);
      for (const other of rest) first!.merge(other);
      expect(first!.histories()).toEqual(summarizeHistories(split.transactions, options));
      expect(first!.rfmSummaries(rfmOptions)).toEqual(summarizeRfm(split.transactions, { asOf: split.asOf, ...rfmOptions }).summaries);
      expect(first!.customers).toBe(first!.histories().length);
      expect(first!.rows).toBe(split.transactions.length);
      expect(split.partitions).toEqual(frozen);
    },
  );

  test.prop([partitionedTransactionsArbitrary({ maxPartitions: 3, maxChunks: 1 }), optionsArbitrary])(
    'merge is associative and commutative',
    (split, { timeUnit, period }) => {
      const options = { asOf: split.asOf, timeUnit, period };
      const fresh = () => partitionAccumulators(split.partitions, options);
      const [a1, b1, c1] = fresh(); // (a ∪ b) ∪ c
      a1!.merge(b1!);
      a1!.merge(c1!);
      const [a2, b2, c2] = fresh(); // a ∪ (b ∪ c)
      b2!.merge(c2!);
      a2!.merge(b2!);
      const [a3, b3, c3] = fresh(); // (c ∪ b) ∪ a
      c3!.merge(b3!);
      c3!.merge(a3!);
      for (const other of [a2!, c3!]) {
        expect(other.histories()).toEqual(a1!.histories());
        expect(other.rfmSummaries({ frequency: 'days' })).toEqual(a1!.rfmSummaries({ frequency: 'days' }));
        expect(other.customers).toBe(a1!.customers);
      }
    },
  );

  test.prop([partitionedTransactionsArbitrary({ maxPartitions: 2 }), optionsArbitrary])(
    'a snapshot round-trips through JSON and merges as the original',
    (split, { timeUnit, period }) => {
      const options = { asOf: split.asOf, timeUnit, period };
      const [a, b] = partitionAccumulators(split.partitions, options);
      const copy = restoreSummaryAccumulator(JSON.parse(JSON.stringify(b)));
      expect(copy.toJSON()).toEqual(b!.toJSON());
      const viaSnapshot = restoreSummaryAccumulator(JSON.parse(JSON.stringify(a)));
      viaSnapshot.merge(copy);
      a!.merge(b!);
      expect(viaSnapshot.toJSON()).toEqual(a!.toJSON());
      expect(viaSnapshot.rfmSummaries()).toEqual(summarizeRfm(split.transactions, { asOf: split.asOf }).summaries);
    },
  );

  test.prop([partitionedTransactionsArbitrary({ maxPartitions: 1, maxChunks: 4 })])('addUnchecked on parsed rows equals add', (split) => {
    const checked = createSummaryAccumulator({ asOf: split.asOf });
    const unchecked = createSummaryAccumulator({ asOf: split.asOf });
    for (const chunk of split.partitions[0]!) {
      checked.add(chunk);
      unchecked.addUnchecked(chunk.map((t) => ({ ...t, at: new Date(t.at as string), kind: t.kind ?? 'purchase' }) as never));
    }
    expect(unchecked.toJSON()).toEqual(checked.toJSON());
  });
});
