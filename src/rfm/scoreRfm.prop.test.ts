import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { rfmSummariesArbitrary } from '../testing/rfm.js';
import { scoreRfm, type ScoreRfmOptions } from './scoreRfm.js';

const bins = fc.integer({ min: 2, max: 10 });
const method = fc.constantFrom<ScoreRfmOptions>(
  {},
  { ties: 'midrank' },
  { method: 'rank' },
  { m: { percentiles: [0.2, 0.5, 0.9] } },
  { f: { thresholds: [1, 3, 10] } },
);
const withBins = fc.tuple(bins, method).map(([b, o]): ScoreRfmOptions => ({ bins: b, ...o }));
const summaries = rfmSummariesArbitrary({ maxLength: 60, levels: 12 });

test.prop([summaries, withBins])('every score lies in 1…bins of its dimension', (rows, options) => {
  const { scores, dimensions } = scoreRfm(rows, options);
  for (const s of scores) {
    for (const d of ['r', 'f', 'm'] as const) {
      expect(s[d]).toBeGreaterThanOrEqual(1);
      expect(s[d]).toBeLessThanOrEqual(dimensions[d].bins);
    }
  }
  for (const d of ['r', 'f', 'm'] as const) expect(dimensions[d].populations.reduce((a, b) => a + b, 0)).toBe(rows.length);
});

test.prop([summaries, withBins, fc.integer()])('a permutation of the input changes no customer\'s scores', (rows, options, seed) => {
  const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0] ?? [];
  const byId = (list: readonly { customerId: string }[]) => [...list].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  expect(byId(scoreRfm(shuffled, options).scores)).toEqual(byId(scoreRfm(rows, options).scores));
});

test.prop([summaries, bins, fc.constantFrom(0.001, 0.37, 3, 1e6)])('multiplying every monetary value by c > 0 changes no score', (rows, b, c) => {
  const scaled = rows.map((row) => ({ ...row, monetary: row.monetary * c }));
  for (const options of [{ bins: b }, { bins: b, ties: 'midrank' as const }, { bins: b, method: 'rank' as const }]) {
    expect(scoreRfm(scaled, options).scores).toEqual(scoreRfm(rows, options).scores);
  }
});

test.prop([summaries, withBins])('a strictly more recent customer never gets a lower r; equal values share a score', (rows, options) => {
  const { scores } = scoreRfm(rows, options);
  const splitsTies = (options.method ?? 'percentRank') === 'rank';
  rows.forEach((a, i) =>
    rows.forEach((b, j) => {
      const sa = scores[i]!;
      const sb = scores[j]!;
      if (a.recency < b.recency) expect(sa.r).toBeGreaterThanOrEqual(sb.r);
      if (a.frequency < b.frequency) expect(sa.f).toBeLessThanOrEqual(sb.f);
      if (a.monetary < b.monetary) expect(sa.m).toBeLessThanOrEqual(sb.m);
      if (!splitsTies) {
        if (a.recency === b.recency) expect(sa.r).toBe(sb.r);
        if (a.monetary === b.monetary && !options.m) expect(sa.m).toBe(sb.m);
      }
    }),
  );
});

test.prop([fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 80 }), bins])(
  'with distinct values each bin holds ⌊n/bins⌋ or ⌈n/bins⌉ customers, and the lowest value scores 1',
  (values, b) => {
    const rows = values.map((v, i) => ({ customerId: `c${i}`, recency: v, frequency: v, monetary: v }));
    const { scores, dimensions } = scoreRfm(rows, { bins: b });
    const n = values.length;
    for (const d of ['r', 'f', 'm'] as const) {
      for (const count of dimensions[d].populations) expect([Math.floor(n / b), Math.ceil(n / b)]).toContain(count);
    }
    if (n > 0) {
      const lowest = values.indexOf(Math.min(...values));
      expect(scores[lowest]!.m).toBe(1);
      expect(scores[lowest]!.r).toBe(b === 1 ? 1 : scores.length === 1 ? 1 : Math.floor(((n - 1) * b) / n) + 1);
    }
  },
);

test.prop([rfmSummariesArbitrary({ maxLength: 60, levels: 5 }), bins])('rank scoring fills bins equally even with ties', (rows, b) => {
  const n = rows.length;
  for (const count of scoreRfm(rows, { bins: b, method: 'rank' }).dimensions.f.populations) {
    expect([Math.floor(n / b), Math.ceil(n / b)]).toContain(count);
  }
});

test.prop([summaries, bins])('observed thresholds fed back as explicit thresholds reproduce the percent-rank scores', (rows, b) => {
  const first = scoreRfm(rows, { bins: b });
  const t = first.dimensions.m.thresholds;
  fc.pre(t.every((x) => x !== null) && new Set(t).size === t.length);
  const again = scoreRfm(rows, { m: { thresholds: t as number[] } });
  expect(again.scores.map((s) => s.m)).toEqual(first.scores.map((s) => s.m));
});

test.prop([summaries, withBins])('never mutates its input', (rows, options) => {
  const frozen = Object.freeze(rows.map((row) => Object.freeze({ ...row })));
  const before = structuredClone(frozen);
  scoreRfm(frozen, Object.freeze(options));
  expect(frozen).toEqual(before);
});
