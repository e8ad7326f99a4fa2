import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError as errorOf } from '../../../test/helpers/thrownRelmarkError.js';
import { csatScore } from './csatScore.js';
import { netPromoterScore } from './netPromoterScore.js';

describe('netPromoterScore', () => {
  it('counts promoters (9–10), passives (7–8) and detractors (0–6) at the boundaries', () => {
    expect(netPromoterScore([0, 6, 7, 8, 9, 10])).toMatchObject({ promoters: 2, passives: 2, detractors: 2, nps: 0, count: 6 });
  });

  it('computes the Wald interval from the multinomial variance (Rocks 2016)', () => {
    // 60 promoters, 25 passives, 15 detractors: p_P = 0.6, p_D = 0.15, Var = (0.75 − 0.45²) / 100 = 0.005475.
    const scores = [...Array(60).fill(10), ...Array(25).fill(8), ...Array(15).fill(2)] as number[];
    const result = netPromoterScore(scores);
    expect(result.nps).toBeCloseTo(45, 12);
    expectClose(result.standardError, 100 * Math.sqrt(0.005475), { rtol: 1e-12 });
    expectClose([...result.interval], [45 - 1.959963984540054 * 7.399324293, 45 + 1.959963984540054 * 7.399324293], { rtol: 1e-8 });
    expect(result).toMatchObject({ smallSample: false, warning: null });
    const wider = netPromoterScore(scores, { confidence: 0.99 });
    expect(wider.interval[0]).toBeLessThan(result.interval[0]);
  });

  it.each([
    ['one response', [10], 100, true],
    ['all promoters', Array(40).fill(9) as number[], 100, false],
    ['all detractors', Array(40).fill(0) as number[], -100, false],
  ])('warns on %s and keeps the interval inside [−100, 100]', (_name, scores, nps, small) => {
    const result = netPromoterScore(scores);
    expect(result.nps).toBe(nps);
    expect(result.smallSample).toBe(small);
    expect(result.warning).not.toBeNull();
    expect(result.interval[0]).toBeGreaterThanOrEqual(-100);
    expect(result.interval[1]).toBeLessThanOrEqual(100);
  });

  it('rejects empty input, out-of-range scores and bad options with their paths', () => {
    expect(errorOf(() => netPromoterScore([])).code).toBe('empty_input');
    const error = errorOf(() => netPromoterScore([5, 11, -1, 7.5, Number.NaN]));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['scores', 1], ['scores', 2], ['scores', 3], ['scores', 4]]);
    expect(errorOf(() => netPromoterScore([5], { confidence: 1 })).issues.map((i) => i.path)).toEqual([['confidence']]);
  });
});

describe('csatScore', () => {
  it('reports the top-2-box share with a Wilson interval and the mean with its interval', () => {
    const result = csatScore([5, 4, 4, 3, 5, 2, 4, 5]);
    expect(result).toMatchObject({ count: 8, distribution: [0, 1, 1, 3, 3], topTwoBox: 6, topTwoBoxShare: 0.75, mean: 4, smallSample: true });
    // s² = (1 + 1 + 0·3 + 4 + … ) / 7: squares of (5,4,4,3,5,2,4,5) − 4 = 1,0,0,1,1,4,0,1 → 8 / 7.
    expectClose(result.standardDeviation, Math.sqrt(8 / 7), { rtol: 1e-12 });
    expectClose([...result.meanInterval], [4 - (1.959963984540054 * Math.sqrt(8 / 7)) / Math.sqrt(8), 4 + (1.959963984540054 * Math.sqrt(8 / 7)) / Math.sqrt(8)], { rtol: 1e-9 });
  });

  it.each([
    ['one response', [5], { topTwoBoxShare: 1, mean: 5, standardDeviation: 0 }],
    ['all equal', [3, 3, 3], { topTwoBoxShare: 0, mean: 3, standardDeviation: 0 }],
  ])('handles %s', (_name, scores, expected) => {
    const result = csatScore(scores);
    expect(result).toMatchObject(expected);
    expect(result.topTwoBoxInterval[0]).toBeGreaterThanOrEqual(0);
    expect(result.topTwoBoxInterval[1]).toBeLessThanOrEqual(1);
    expect(result.topTwoBoxInterval[1]).toBeGreaterThan(result.topTwoBoxInterval[0]);
  });

  it('rejects scores outside 1–5', () => {
    expect(errorOf(() => csatScore([0, 6])).issues.map((issue) => issue.path)).toEqual([['scores', 0], ['scores', 1]]);
  });
});
