import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseTransactions } from 'relmark/models';
import { partitionedTransactionsArbitrary } from 'relmark/testing';

describe('partitionedTransactionsArbitrary', () => {
  test.prop([partitionedTransactionsArbitrary({ maxPartitions: 4, maxChunks: 2 })])('gives a valid log and a split that holds every row exactly once', (split) => {
    const parsed = parseTransactions(split.transactions);
    expect(parsed.rejected).toEqual([]);
    expect(split.transactions.every((t) => (t.at as string) < split.asOf)).toBe(true);
    const key = (t: object) => JSON.stringify(t);
    expect(split.partitions.flat(2).map(key).sort()).toEqual(split.transactions.map(key).sort());
    expect(split.partitions.length).toBeLessThanOrEqual(4);
    expect(split.partitions.every((p) => p.length <= 2)).toBe(true);
  });

  test.prop([fc.integer()])('gives the same value for the same seed', (seed) => {
    const sample = () => fc.sample(partitionedTransactionsArbitrary(), { numRuns: 2, seed });
    expect(sample()).toEqual(sample());
  });
});
