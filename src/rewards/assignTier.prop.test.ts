import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualifyingActivityArbitrary, tierProgramArbitrary } from '../testing/rewards.js';
import { assignTier } from './assignTier.js';

const asOfArbitrary = fc.integer({ min: 0, max: 4 * 365 }).map((day) => new Date(Date.UTC(2023, 0, 1) + day * 86_400_000));
const rankOf = (result: ReturnType<typeof assignTier>) => new Map(result.map((a) => [a.customerId, a.rank]));

describe('assignTier laws', () => {
  it('is monotone in qualifying activity: more activity never gives a lower tier (calendar reviews)', () => {
    fc.assert(
      fc.property(tierProgramArbitrary(), qualifyingActivityArbitrary(), qualifyingActivityArbitrary(), asOfArbitrary, (program, activity, extra, asOf) => {
        const before = rankOf(assignTier(activity, { asOf, program }));
        const after = rankOf(assignTier([...activity, ...extra], { asOf, program }));
        for (const [customerId, rank] of before) expect(after.get(customerId)).toBeGreaterThanOrEqual(rank);
      }),
    );
  });

  it('never assigns less than what activity alone qualifies for at asOf', () => {
    fc.assert(
      fc.property(tierProgramArbitrary(), qualifyingActivityArbitrary(), asOfArbitrary, fc.constantFrom('calendar' as const, 'attainment' as const), (program, activity, asOf, anchor) => {
        const ranks = new Map(program.tiers.map((t) => [String(t.id), t.rank]));
        for (const a of assignTier(activity, { asOf, program, review: { anchor, everyMonths: 12 } })) {
          expect(a.rank).toBeGreaterThanOrEqual(ranks.get(a.qualifiedTierId) as number);
        }
      }),
    );
  });

  it('does not depend on the order of the activity, and ignores activity after asOf', () => {
    fc.assert(
      fc.property(
        tierProgramArbitrary(),
        qualifyingActivityArbitrary({ negative: true }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        asOfArbitrary,
        (program, [activity, shuffled], asOf) => {
          const result = assignTier(activity, { asOf, program });
          expect(assignTier(shuffled, { asOf, program })).toEqual(result);
          const upToAsOf = activity.filter((row) => Date.parse(row.at as string) <= asOf.getTime());
          const customerIds = [...new Set(activity.map((row) => row.customerId))];
          expect(assignTier(upToAsOf, { asOf, program, customerIds })).toEqual(result);
        },
      ),
    );
  });
});
