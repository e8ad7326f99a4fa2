import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointsEntrySchema, TierProgramSchema } from '../models/reward.js';
import { QualifyingActivitySchema } from '../rewards/qualifyingActivity.js';
import { parsePointsLedger } from '../rewards/parsePointsLedger.js';
import { PointsPolicySchema } from '../rewards/pointsPolicy.js';
import { pointsLedgerArbitrary, pointsPolicyArbitrary, qualifyingActivityArbitrary, tierProgramArbitrary } from './rewards.js';

describe('rewards arbitraries', () => {
  it('generate ledgers whose every entry passes its schema and whose cross-entry references are valid', () => {
    fc.assert(
      fc.property(pointsLedgerArbitrary(), (entries) => {
        for (const entry of entries) expect(PointsEntrySchema.safeParse(entry).success).toBe(true);
        expect(parsePointsLedger(entries).entries).toHaveLength(entries.length);
      }),
    );
  });

  it('generate policies that pass their schema', () => {
    fc.assert(
      fc.property(pointsPolicyArbitrary(), (policy) => {
        expect(PointsPolicySchema.safeParse(policy).success).toBe(true);
      }),
    );
  });

  it('generate tier programmes and activity that pass their schemas', () => {
    fc.assert(
      fc.property(tierProgramArbitrary(), qualifyingActivityArbitrary({ negative: true }), (program, activity) => {
        expect(TierProgramSchema.safeParse(program).success).toBe(true);
        for (const row of activity) expect(QualifyingActivitySchema.safeParse(row).success).toBe(true);
      }),
    );
  });

  it('give the same value for the same seed', () => {
    for (const arbitrary of [pointsLedgerArbitrary(), pointsPolicyArbitrary(), tierProgramArbitrary(), qualifyingActivityArbitrary()] as fc.Arbitrary<unknown>[]) {
      expect(fc.sample(arbitrary, { numRuns: 5, seed: 42 })).toEqual(fc.sample(arbitrary, { numRuns: 5, seed: 42 }));
    }
  });
});
