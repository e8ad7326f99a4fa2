import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  compressHistories,
  customerLifetimeValue,
  fitBgNbd,
  simulateBgNbd,
  toHistoryColumns,
  type BgNbdFit,
  type GammaGammaFit,
} from 'relmark/clv';
import { bgNbdParamsArbitrary, gammaGammaParamsArbitrary, purchaseHistoryArbitrary } from 'relmark/testing';

const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const bgNbdFit = (params: BgNbdFit['params']): BgNbdFit => ({
  model: 'bg-nbd', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: params, diagnostics,
});
const gammaGammaFit = (params: GammaGammaFit['params']): GammaGammaFit => ({
  model: 'gamma-gamma', params, logLikelihood: 0, customers: 1, standardErrors: params, excluded: [], diagnostics,
});
// Draws include a = 1, the removable singularity of the BG/NBD expectation (evaluated by its limit).
const paramsArb = bgNbdParamsArbitrary();
const historyArb = purchaseHistoryArbitrary({ maxT: 78, maxX: 60 });

describe('BG/NBD laws', () => {
  test.prop([paramsArb, historyArb])('0 ≤ P(alive) ≤ 1, and exactly 1 when x = 0', (params, history) => {
    const p = bgNbdProbabilityAlive(params, history);
    expect(p >= 0 && p <= 1).toBe(true);
    if (history.x === 0) expect(p).toBe(1);
  });

  test.prop([paramsArb, historyArb, fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true })])(
    'E[X(t)] is 0 at t = 0 and non-decreasing in t (conditional and new customer)',
    (params, history, s, t) => {
      const [lo, hi] = s <= t ? [s, t] : [t, s];
      expect(bgNbdExpectedPurchases(params, history, 0)).toBe(0);
      expect(bgNbdExpectedPurchasesNewCustomer(params, 0)).toBe(0);
      const tolerance = (v: number) => 1e-9 * Math.max(1, Math.abs(v));
      const cLo = bgNbdExpectedPurchases(params, history, lo);
      const cHi = bgNbdExpectedPurchases(params, history, hi);
      expect(cLo >= 0 && cHi >= cLo - tolerance(cHi)).toBe(true);
      const nLo = bgNbdExpectedPurchasesNewCustomer(params, lo);
      const nHi = bgNbdExpectedPurchasesNewCustomer(params, hi);
      expect(nLo >= 0 && nHi >= nLo - tolerance(nHi)).toBe(true);
    },
  );

  test.prop([paramsArb, fc.array(historyArb, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat())])(
    'the log-likelihood is invariant under permutation of customers',
    (params, generated, stream) => {
      const histories = generated.map((h, i) => ({ ...h, customerId: `c${i}` })); // unique ids
      const keys = [...stream.take(histories.length)];
      const shuffled = histories.map((h, i) => [keys[i] as number, h] as const).sort((p, q) => p[0] - q[0]).map(([, h]) => h);
      const a = bgNbdLogLikelihood(params, histories);
      const b = bgNbdLogLikelihood(params, shuffled);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
    },
  );

  test.prop([paramsArb, fc.array(fc.tuple(historyArb, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 20 })])(
    'the log-likelihood of compressed weights equals that of the expanded rows',
    (params, groups) => {
      // Rows without ids: copies of one customer's numbers stand for different customers.
      const expanded = groups.flatMap(([h, copies]) => Array.from({ length: copies }, () => ({ x: h.x, tx: h.tx, T: h.T })));
      const compressed = compressHistories(toHistoryColumns(expanded));
      const weightSum = compressed.weights.reduce((s, w) => s + w, 0);
      expect(weightSum).toBe(expanded.length);
      const a = bgNbdLogLikelihood(params, expanded);
      const b = bgNbdLogLikelihood(params, compressed);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
    },
  );

  test.prop([paramsArb, historyArb], { numRuns: 20 })('predictions do not mutate frozen inputs', (params, history) => {
    const frozenParams = Object.freeze({ ...params });
    const frozenHistory = Object.freeze({ ...history });
    bgNbdExpectedPurchases(frozenParams, frozenHistory, 10);
    bgNbdProbabilityAlive(frozenParams, frozenHistory);
    expect(frozenParams).toEqual(params);
    expect(frozenHistory).toEqual(history);
  });
});

describe('CLV laws', () => {
  const valueArb = fc.tuple(paramsArb, gammaGammaParamsArbitrary(), fc.array(historyArb, { minLength: 1, maxLength: 5 }));
  const rateArb = fc.double({ min: 0, max: 0.5, noNaN: true });
  const marginArb = fc.double({ min: 0, max: 2, noNaN: true });
  const ids = <H extends { customerId: string }>(histories: readonly H[]): H[] => histories.map((h, i) => ({ ...h, customerId: `${i}` }));

  test.prop([valueArb], { numRuns: 20 })('CLV and summaries do not mutate deep-frozen inputs', ([bg, gg, histories]) => {
    const input = ids(histories);
    const before = structuredClone(input);
    const frozen = Object.freeze(input.map((h) => Object.freeze(h)));
    customerLifetimeValue(Object.freeze(bgNbdFit(bg)), Object.freeze(gammaGammaFit(gg)), frozen, { horizonMonths: 3, monthlyDiscountRate: 0.01 });
    expect(frozen).toEqual(before);
  });

  test.prop([valueArb, rateArb, rateArb], { numRuns: 40 })('CLV is non-increasing in the discount rate', ([bg, gg, histories], d1, d2) => {
    const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
    const run = (rate: number) =>
      customerLifetimeValue(bgNbdFit(bg), gammaGammaFit(gg), ids(histories), { horizonMonths: 12, monthlyDiscountRate: rate }).map((v) => v.clv);
    const atLo = run(lo);
    const atHi = run(hi);
    atLo.forEach((v, i) => expect((atHi[i] as number) <= v * (1 + 1e-12) + 1e-12).toBe(true));
  });

  test.prop([valueArb, marginArb, marginArb], { numRuns: 40 })('CLV is non-decreasing in the margin', ([bg, gg, histories], m1, m2) => {
    const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
    const run = (margin: number) =>
      customerLifetimeValue(bgNbdFit(bg), gammaGammaFit(gg), ids(histories), { horizonMonths: 6, monthlyDiscountRate: 0.01, margin }).map((v) => v.clv);
    const atLo = run(lo);
    const atHi = run(hi);
    atLo.forEach((v, i) => expect((atHi[i] as number) >= v).toBe(true));
  });
});

describe('simulate → fit', () => {
  // Parameters where 4,000 customers over 52 weeks identify the model well: enough repeat buyers.
  const recoverable = fc.record({
    r: fc.double({ min: 0.3, max: 2, noNaN: true }),
    alpha: fc.double({ min: 1, max: 10, noNaN: true }),
    a: fc.double({ min: 0.3, max: 2, noNaN: true }),
    b: fc.double({ min: 1, max: 6, noNaN: true }),
  });
  // A law that holds by construction, with a stated false-positive rate. The old law, |θ̂ − θ| ≤ 4 SE
  // per parameter, is a Wald test: at n = 4,000 the estimate of b is skewed, its normal tail is not
  // a good guide, and 8 draws × 4 parameters at 4 SE fail about once in a few hundred runs (it did:
  // b off by 4.3 SE while the fit's log-likelihood beat the true parameters'). Instead:
  // 1. θ̂ maximises the likelihood, so ll(θ̂) ≥ ll(θ) up to the optimiser's tolerance (no randomness);
  // 2. Wilks: 2(ll(θ̂) − ll(θ)) is asymptotically χ²₄, and P(χ²₄ > 48) = e^−24 (1 + 24) ≈ 9.4e-10,
  //    so 8 draws give a false failure with probability below 1e-8 per run, far below one in a
  //    million; the generator keeps θ inside the interior where the asymptotics apply.
  test.prop([recoverable, fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 8 })(
    'recovers the true parameters: ll(θ̂) ≥ ll(θ), and the likelihood ratio 2(ll(θ̂) − ll(θ)) ≤ 48 (χ²₄ tail 1e-9)',
    (params, seed) => {
      const histories = simulateBgNbd({ params, customers: 4000, T: 52, seed });
      const fit = fitBgNbd(histories);
      const atFit = bgNbdLogLikelihood(fit.params, histories);
      const atTruth = bgNbdLogLikelihood(params, histories);
      expect(atFit).toBeGreaterThanOrEqual(atTruth - 1e-7 * Math.abs(atTruth));
      expect(2 * (atFit - atTruth)).toBeLessThanOrEqual(48);
    },
  );

  test.prop([paramsArb, fc.integer()], { numRuns: 20 })('the same seed gives the same histories, bit for bit', (params, seed) => {
    const options = { params, customers: 50, T: 30, seed };
    expect(simulateBgNbd(options)).toEqual(simulateBgNbd(options));
  });
});
