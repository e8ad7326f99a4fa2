import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  simulateMbgNbd,
  toHistoryColumns,
} from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { prepareBgNbdData } from '../bgNbd/bgNbdData.js';
import { mbgNbdLogLikelihoodKernel } from './mbgNbdLogLikelihood.js';

const params = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };
const histories = [
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 0, tx: 0, T: 38.86 },
  { x: 0, tx: 0, T: 12 },
  { x: 21, tx: 4.71, T: 29.29 },
  { x: 7, tx: 35, T: 36 },
];

describe('mbgNbdLogLikelihood', () => {
  it.each([[params], [{ r: 1.7, alpha: 0.3, a: 0.2, b: 0.6 }], [{ r: 0.05, alpha: 40, a: 3, b: 12 }]])(
    'has an analytic gradient equal to central differences at %j (rtol 1e-6)',
    (p) => {
      const data = prepareBgNbdData(toHistoryColumns(histories));
      const gradient = new Float64Array(4);
      mbgNbdLogLikelihoodKernel(p, data, gradient);
      (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
        const h = 1e-6 * p[key];
        const up = mbgNbdLogLikelihoodKernel({ ...p, [key]: p[key] + h }, data);
        const down = mbgNbdLogLikelihoodKernel({ ...p, [key]: p[key] - h }, data);
        expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-6 });
      });
    },
  );

  it('equals the sum of single-customer log-likelihoods; x = 0, T = 0 contributes 0; [] gives 0', () => {
    const sum = histories.reduce((acc, h) => acc + mbgNbdLogLikelihood(params, [h]), 0);
    expectClose(mbgNbdLogLikelihood(params, histories), sum, { rtol: 1e-13 });
    expectClose(mbgNbdLogLikelihood(params, [{ x: 0, tx: 0, T: 0 }]), 0, { atol: 1e-13 }); // a sum of log-gamma terms of order 1
    expect(mbgNbdLogLikelihood(params, [])).toBe(0);
  });

  it('stays finite for x = 300', () => {
    expect(Number.isFinite(mbgNbdLogLikelihood(params, [{ x: 300, tx: 38, T: 39 }]))).toBe(true);
  });
});

describe('MBG/NBD predictions', () => {
  it('P(alive) is below 1 for x = 0, b/(a+b) at T = 0, and falls with T', () => {
    expectClose(mbgNbdProbabilityAlive(params, { x: 0, tx: 0, T: 0 }), params.b / (params.a + params.b), { rtol: 1e-15 });
    const late = mbgNbdProbabilityAlive(params, { x: 0, tx: 0, T: 38.86 });
    expect(late).toBeLessThan(params.b / (params.a + params.b));
    expect(late).toBeGreaterThan(0);
  });

  it('is BG/NBD with b + 1 for a customer known to be alive (same ₂F₁ expression)', () => {
    const h = { x: 3, tx: 20, T: 20 };
    const mbgAlive = mbgNbdProbabilityAlive(params, h);
    const bgAlive = 1 / (1 + (params.a / (params.b + h.x)) * ((params.alpha + h.T) / (params.alpha + h.tx)) ** (params.r + h.x));
    // With the odds of BG/NBD at b + 1 … and the conditional expectation divided by each P(alive):
    expectClose(mbgAlive, bgAlive, { rtol: 1e-14 });
    const bg = bgNbdExpectedPurchases({ ...params, b: params.b + 1 }, h, 52) / (1 / (1 + (params.a / (params.b + h.x)) * ((params.alpha + h.T) / (params.alpha + h.tx)) ** (params.r + h.x)));
    expectClose(mbgNbdExpectedPurchases(params, h, 52) / mbgAlive, bg, { rtol: 1e-12 });
  });

  it('gives the new-customer expectation b/(a−1)·[…] as the conditional one at x = 0, T = 0', () => {
    expectClose(mbgNbdExpectedPurchasesNewCustomer(params, 39), mbgNbdExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, 39), { rtol: 1e-15 });
    expect(mbgNbdExpectedPurchasesNewCustomer(params, 0)).toBe(0);
  });

  it('matches the mean of 200,000 simulated customers: E[X(39)] within 4 standard errors', () => {
    const sim = simulateMbgNbd({ params, customers: 200_000, T: 39, seed: 77 });
    const mean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    const sd = Math.sqrt(sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (sim.x.length - 1));
    expect(Math.abs(mean - mbgNbdExpectedPurchasesNewCustomer(params, 39))).toBeLessThan((4 * sd) / Math.sqrt(sim.x.length));
  });

  it('handles a = 1 by its limit, continuously', () => {
    const at = (a: number) => mbgNbdExpectedPurchases({ ...params, a }, { x: 2, tx: 30.43, T: 38.86 }, 52);
    expect(Number.isFinite(at(1))).toBe(true);
    expectClose(at(1 + 1e-7), at(1), { rtol: 1e-6 });
    expectClose(at(1 - 1e-7), at(1), { rtol: 1e-6 });
  });

  it.each([
    ['negative t', () => mbgNbdExpectedPurchases(params, { x: 1, tx: 1, T: 2 }, -1), 'invalid_input', ['t']],
    ['tx > T', () => mbgNbdProbabilityAlive(params, { x: 1, tx: 3, T: 2 }), 'invalid_input', ['history', 'tx']],
    ['a ≤ 0', () => mbgNbdExpectedPurchasesNewCustomer({ ...params, a: 0 }, 2), 'invalid_parameters', ['params', 'a']],
    ['a T array of the wrong length', () => simulateMbgNbd({ params, customers: 2, T: [1], seed: 1 }), 'invalid_options', ['T']],
  ])('rejects %s', (_, fn, code, path) => {
    const error = thrownRelmarkError(fn);
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });
});
