import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csatScore } from './csatScore.js';
import { netPromoterScore } from './netPromoterScore.js';

const npsScores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 });
const csatScores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 });

describe('NPS and CSAT laws', () => {
  it('NPS lies in [−100, 100], inside its interval, and is unchanged by duplicating every response', () => {
    fc.assert(
      fc.property(npsScores, (scores) => {
        const result = netPromoterScore(scores);
        expect(result.nps).toBeGreaterThanOrEqual(-100);
        expect(result.nps).toBeLessThanOrEqual(100);
        expect(result.interval[0]).toBeLessThanOrEqual(result.nps + 1e-9);
        expect(result.interval[1]).toBeGreaterThanOrEqual(result.nps - 1e-9);
        const doubled = netPromoterScore([...scores, ...scores]);
        expect(doubled.nps).toBeCloseTo(result.nps, 10);
        expect(doubled.standardError).toBeLessThanOrEqual(result.standardError + 1e-12);
        expect(result.promoters + result.passives + result.detractors).toBe(scores.length);
      }),
    );
  });

  it('NPS does not depend on the order of responses', () => {
    fc.assert(
      fc.property(npsScores.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))), ([scores, shuffled]) => {
        expect(netPromoterScore(shuffled)).toEqual(netPromoterScore(scores));
      }),
    );
  });

  it('CSAT share lies in [0, 1] inside its interval, the mean in [1, 5], and duplication leaves both unchanged', () => {
    fc.assert(
      fc.property(csatScores, (scores) => {
        const result = csatScore(Object.freeze([...scores]));
        expect(result.topTwoBoxShare).toBeGreaterThanOrEqual(result.topTwoBoxInterval[0] - 1e-12);
        expect(result.topTwoBoxShare).toBeLessThanOrEqual(result.topTwoBoxInterval[1] + 1e-12);
        expect(result.mean).toBeGreaterThanOrEqual(1);
        expect(result.mean).toBeLessThanOrEqual(5);
        const doubled = csatScore([...scores, ...scores]);
        expect(doubled.topTwoBoxShare).toBeCloseTo(result.topTwoBoxShare, 12);
        expect(doubled.mean).toBeCloseTo(result.mean, 12);
      }),
    );
  });
});
