import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parseTransactions } from '../models/parseTransactions.js';
import { rfmScoresArbitrary, rfmSummariesArbitrary, rfmTransactionsArbitrary } from '../testing/rfm.js';
import { RfmScoreSchema } from './rfmScore.js';
import { RfmSummarySchema } from './rfmSummary.js';

// The arbitraries of relmark/testing for this area: every value passes its schema, and a seed
// always gives the same value.
test.prop([rfmTransactionsArbitrary()])('rfmTransactionsArbitrary produces logs that parseTransactions accepts entirely', (log) => {
  expect(parseTransactions(log).rejected).toEqual([]);
});

test.prop([rfmSummariesArbitrary()])('rfmSummariesArbitrary produces valid rows with unique ids', (rows) => {
  for (const row of rows) expect(RfmSummarySchema.safeParse(row).success).toBe(true);
  expect(new Set(rows.map((r) => r.customerId)).size).toBe(rows.length);
});

test.prop([rfmScoresArbitrary({ bins: 7 })])('rfmScoresArbitrary produces valid score rows', (rows) => {
  for (const row of rows) expect(RfmScoreSchema.safeParse(row).success).toBe(true);
});

test.prop([fc.integer()])('the same seed gives the same value', (seed) => {
  for (const arbitrary of [rfmTransactionsArbitrary(), rfmSummariesArbitrary(), rfmScoresArbitrary()] as fc.Arbitrary<unknown>[]) {
    expect(fc.sample(arbitrary, { numRuns: 2, seed })).toEqual(fc.sample(arbitrary, { numRuns: 2, seed }));
  }
});
