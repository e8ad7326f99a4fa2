import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as thrown } from '../../test/helpers/thrownRelmarkError.js';
import { scoreRfm } from './scoreRfm.js';
import type { RfmSummaryInput } from './rfmSummary.js';


const row = (customerId: string, recency: number, frequency: number, monetary: number): RfmSummaryInput => ({
  customerId,
  recency,
  frequency,
  monetary,
});
// Frequency dominated by one-time buyers: 6 of 10 bought once.
const customers = [
  row('a', 1, 1, 10),
  row('b', 2, 1, 20),
  row('c', 3, 1, 30),
  row('d', 4, 1, 40),
  row('e', 5, 1, 50),
  row('f', 6, 1, 60),
  row('g', 7, 2, 70),
  row('h', 8, 2, 80),
  row('i', 9, 3, 90),
  row('j', 10, 8, 100),
];

describe('scoreRfm', () => {
  it('scores distinct values into equal bins, recency reversed', () => {
    const { scores } = scoreRfm(customers);
    expect(scores.map((s) => s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores[0]).toEqual({ customerId: 'a', r: 5, f: 1, m: 1, code: '511', fm: 1 });
  });

  it('keeps ties together: a dominant value fills its bins and the bins above it stay empty', () => {
    const { scores, dimensions } = scoreRfm(customers);
    // p(1) = 0, p(2) = 6/10 → 4, p(3) = 8/10 → 5, p(8) = 9/10 → 5
    expect(scores.map((s) => s.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(dimensions.f).toEqual({
      method: 'percentRank',
      ties: 'together',
      bins: 5,
      thresholds: [2, 2, 2, 3],
      populations: [6, 0, 0, 2, 2],
      emptyBins: [2, 3],
      distinctValues: 4,
      largestTieShare: 0.6,
    });
  });

  it('centres tie groups with ties: "midrank"', () => {
    const { scores, dimensions } = scoreRfm(customers, { ties: 'midrank' });
    // p(1) = (0 + 3) / 10 → 2, p(2) = (6 + 1) / 10 → 4, p(3) = 8.5 / 10 → 5, p(8) = 9.5 / 10 → 5
    expect(scores.map((s) => s.f)).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    expect(dimensions.f.emptyBins).toEqual([1, 3]);
  });

  it('splits ties by customer id with method: "rank" (equal-sized bins)', () => {
    const { scores, dimensions } = scoreRfm(customers, { method: 'rank' });
    expect(scores.map((s) => s.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(dimensions.f.populations).toEqual([2, 2, 2, 2, 2]);
    // The same customers listed in another order keep their scores: the tie-break is the id.
    const reversed = scoreRfm(customers.toReversed(), { method: 'rank' }).scores.toReversed();
    expect(reversed).toEqual(scores);
  });

  it('applies explicit thresholds per dimension (recency: at most; frequency and monetary: at least)', () => {
    const { scores, dimensions } = scoreRfm(customers, {
      r: { thresholds: [3, 6] }, // 3 bins: recency ≤ 3 → 3, ≤ 6 → 2, else 1
      f: { thresholds: [2, 3, 5, 8] }, // 5 bins
      m: { thresholds: [50] }, // 2 bins
    });
    expect(scores.map((s) => [s.r, s.f, s.m])).toEqual([
      [3, 1, 1],
      [3, 1, 1],
      [3, 1, 1],
      [2, 1, 1],
      [2, 1, 2],
      [2, 1, 2],
      [1, 2, 2],
      [1, 2, 2],
      [1, 3, 2],
      [1, 5, 2],
    ]);
    expect(dimensions.r.thresholds).toEqual([3, 6]);
    expect(dimensions.f.emptyBins).toEqual([4]);
  });

  it('applies explicit percentile cut points', () => {
    const { scores, dimensions } = scoreRfm(customers, { m: { percentiles: [0.5, 0.9] } });
    expect(scores.map((s) => s.m)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 3]);
    expect(dimensions.m).toMatchObject({ method: 'percentiles', bins: 3, percentiles: [0.5, 0.9], thresholds: [60, 100] });
  });

  it('reports thresholds that reproduce the scores when given back as explicit thresholds', () => {
    const first = scoreRfm(customers);
    const again = scoreRfm(customers, {
      r: { thresholds: first.dimensions.r.thresholds as number[] },
      m: { thresholds: first.dimensions.m.thresholds as number[] },
      f: { thresholds: [2, 2.5, 2.75, 3] },
    });
    expect(again.scores.map((s) => [s.r, s.m])).toEqual(first.scores.map((s) => [s.r, s.m]));
  });

  it('writes a score of 10 as "A" in the code', () => {
    const many = Array.from({ length: 10 }, (_, i) => row(`c${i}`, 10 - i, i, i));
    const { scores } = scoreRfm(many, { bins: 10 });
    expect(scores.map((s) => s.code)).toEqual(['111', '222', '333', '444', '555', '666', '777', '888', '999', 'AAA']);
  });

  it.each([
    ['no customers', [], [], [0, 0, 0, 0, 0]],
    ['one customer', [row('a', 3, 2, 10)], ['111'], [1, 0, 0, 0, 0]],
    ['all values equal', [row('a', 3, 2, 10), row('b', 3, 2, 10), row('c', 3, 2, 10)], ['111', '111', '111'], [3, 0, 0, 0, 0]],
    ['two customers', [row('a', 3, 2, 10), row('b', 1, 1, 20)], ['131', '313'], [1, 0, 1, 0, 0]],
  ] as [string, RfmSummaryInput[], string[], number[]][])('edge case: %s', (_name, rows, codes, rPopulations) => {
    const { scores, dimensions } = scoreRfm(rows);
    expect(scores.map((s) => s.code)).toEqual(codes);
    expect(dimensions.r.populations).toEqual(rPopulations);
  });

  it('accepts numeric ids and negative net monetary values', () => {
    const { scores } = scoreRfm([
      { customerId: 1, recency: 0, frequency: 1, monetary: -5 },
      { customerId: 2, recency: 0, frequency: 1, monetary: 5 },
    ]);
    expect(scores.map((s) => [s.customerId, s.m])).toEqual([
      ['1', 1],
      ['2', 3],
    ]);
  });

  it('rejects malformed rows with every path, and repeated ids with duplicate_id', () => {
    const bad = thrown(() =>
      scoreRfm([row('a', -1, 1, 1), { customerId: 'b', recency: 1, frequency: Number.NaN, monetary: Number.POSITIVE_INFINITY }]),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues.map((i) => i.path)).toEqual([
      ['summaries', 0, 'recency'],
      ['summaries', 1, 'frequency'],
      ['summaries', 1, 'monetary'],
    ]);
    const duplicate = thrown(() => scoreRfm([row('a', 1, 1, 1), row('a', 2, 2, 2)]));
    expect(duplicate.code).toBe('duplicate_id');
    expect(duplicate.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "Id "a" appears more than once (first at summaries[0])",
          "path": [
            "summaries",
            1,
          ],
        },
      ]
    `);
  });

  it.each([
    [{ bins: 1 }, [['bins']]],
    [{ bins: 11 }, [['bins']]],
    [{ bins: 2.5 }, [['bins']]],
    [{ f: { thresholds: [1, 3, 2] } }, [['f', 'thresholds', 2]]],
    [{ m: { percentiles: [0, 0.5] } }, [['m', 'percentiles', 0]]],
    [{ r: { thresholds: [1], percentiles: [0.5] } }, [['r', 'percentiles']]],
    [{ r: { thresholds: [1, 2], bins: 5 } }, [['r', 'bins']]],
    [{ ties: 'random' }, [['ties']]],
    [{ colour: 'red' }, [[]]],
  ])('rejects invalid options %j with invalid_options', (options, paths) => {
    const error = thrown(() => scoreRfm(customers, options as never));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toEqual(paths);
  });
});
