import { describe, expect, it } from 'vitest';
import {
  paretoNbdDert,
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesNewCustomer,
  paretoNbdProbabilityAlive,
  simulateParetoNbd,
} from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { discountedSurvivalIntegral } from './paretoNbdDert.js';

const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };

/** ∫₀^∞ f(t) dt by the trapezoidal rule in τ = ln t (exact to ~1e-12 for these smooth integrands). */
function integrateLog(f: (t: number) => number): number {
  const h = 0.002;
  let sum = 0;
  for (let tau = -40; tau <= 40; tau += h) sum += f(Math.exp(tau)) * Math.exp(tau);
  return sum * h;
}

describe('Pareto/NBD predictions: edge cases', () => {
  it('E[X(0)] is 0 and P(alive) is 1 at T = 0; x = 0 lowers P(alive) below 1 as T grows', () => {
    expect(paretoNbdExpectedPurchases(params, { x: 3, tx: 10, T: 20 }, 0)).toBe(0);
    expect(paretoNbdExpectedPurchasesNewCustomer(params, 0)).toBe(0);
    expect(paretoNbdProbabilityAlive(params, { x: 0, tx: 0, T: 0 })).toBe(1);
    const early = paretoNbdProbabilityAlive(params, { x: 0, tx: 0, T: 5 });
    const late = paretoNbdProbabilityAlive(params, { x: 0, tx: 0, T: 50 });
    expect(early < 1 && late < early && late > 0).toBe(true);
  });

  it('gives the new-customer expectation as the conditional one at x = 0, T = 0', () => {
    expectClose(paretoNbdExpectedPurchasesNewCustomer(params, 39), paretoNbdExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, 39), { rtol: 1e-15 });
  });

  it('matches the mean of 200,000 simulated customers: E[X(39)] within 4 standard errors', () => {
    const sim = simulateParetoNbd({ params, customers: 200_000, T: 39, seed: 2024 });
    const mean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    const sd = Math.sqrt(sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (sim.x.length - 1));
    const expected = paretoNbdExpectedPurchasesNewCustomer(params, 39);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(sim.x.length));
  });

  it('handles s = 1 (removable singularity) by its limit, continuously', () => {
    const at = (s: number) => paretoNbdExpectedPurchases({ ...params, s }, { x: 4, tx: 20, T: 30 }, 52);
    const limit = at(1);
    expect(Number.isFinite(limit)).toBe(true);
    expectClose(at(1 + 1e-9), limit, { rtol: 1e-8 });
    expectClose(at(1 - 1e-9), limit, { rtol: 1e-8 });
    // (rβ/α)·ln(1 + t/β) at s = 1 for a new customer.
    expectClose(paretoNbdExpectedPurchasesNewCustomer({ ...params, s: 1 }, 52), ((params.r * params.beta) / params.alpha) * Math.log1p(52 / params.beta), { rtol: 1e-15 });
  });

  it('stays finite and in range for x = 300 and for α far below β', () => {
    for (const [p, h] of [
      [params, { x: 300, tx: 30, T: 38.86 }],
      [{ ...params, alpha: 0.008, beta: 30 }, { x: 0, tx: 0, T: 38.86 }],
      [{ ...params, alpha: 0.008, beta: 30 }, { x: 12, tx: 0.2, T: 38.86 }],
    ] as const) {
      const alive = paretoNbdProbabilityAlive(p, h);
      const expected = paretoNbdExpectedPurchases(p, h, 52);
      expect(alive >= 0 && alive <= 1 && Number.isFinite(expected) && expected >= 0).toBe(true);
    }
  });

  it('a customer who bought at T is more likely alive than one silent since', () => {
    expect(paretoNbdProbabilityAlive(params, { x: 5, tx: 20, T: 20 })).toBeGreaterThan(paretoNbdProbabilityAlive(params, { x: 5, tx: 2, T: 20 }));
  });

  it.each([
    ['negative t', () => paretoNbdExpectedPurchases(params, { x: 1, tx: 1, T: 2 }, -1), 'invalid_input', ['t']],
    ['tx > T', () => paretoNbdProbabilityAlive(params, { x: 1, tx: 3, T: 2 }), 'invalid_input', ['history', 'tx']],
    ['x = 0 with tx > 0', () => paretoNbdProbabilityAlive(params, { x: 0, tx: 1, T: 2 }), 'invalid_input', ['history', 'tx']],
    ['β ≤ 0', () => paretoNbdExpectedPurchasesNewCustomer({ ...params, beta: 0 }, 2), 'invalid_parameters', ['params', 'beta']],
    ['Infinity t', () => paretoNbdExpectedPurchasesNewCustomer(params, Number.POSITIVE_INFINITY), 'invalid_input', ['t']],
    ['a negative discount rate', () => paretoNbdDert(params, { x: 1, tx: 1, T: 2 }, -0.1), 'invalid_input', ['discountRate']],
    ['a NaN discount rate', () => paretoNbdDert(params, { x: 1, tx: 1, T: 2 }, Number.NaN), 'invalid_input', ['discountRate']],
  ])('rejects %s', (_, fn, code, path) => {
    const error = thrownRelmarkError(fn);
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });
});

describe('paretoNbdDert', () => {
  const history = { x: 2, tx: 30.43, T: 38.86 };

  it.each([0.0027, 0.02, 0.3])('equals ∫ e^(−δt) dE[Y(t)] by quadrature at δ = %s (rtol 1e-9)', (delta) => {
    const { r, alpha, s, beta } = params;
    const B = beta + history.T;
    const alive = paretoNbdProbabilityAlive(params, history);
    // dE[Y(t) | x, tx, T]/dt = P(alive)·(r+x)/(α+T)·(B/(B+t))^s.
    const integral = integrateLog((t) => Math.exp(-delta * t) * alive * ((r + history.x) / (alpha + history.T)) * (B / (B + t)) ** s);
    expectClose(paretoNbdDert(params, history, delta), integral, { rtol: 1e-9 });
  });

  it('tends to the undiscounted E[Y(∞)] as δ → 0 when s > 1, and is +∞ at δ = 0 when s ≤ 1', () => {
    const p = { ...params, s: 2.5 };
    const total = paretoNbdExpectedPurchases(p, history, 1e12);
    expectClose(paretoNbdDert(p, history, 0), total, { rtol: 1e-6 });
    expectClose(paretoNbdDert(p, history, 1e-7), total, { rtol: 1e-4 });
    expect(paretoNbdDert(params, history, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('falls as the discount rate grows', () => {
    const values = [0.001, 0.01, 0.1, 1].map((d) => paretoNbdDert(params, history, d));
    for (let i = 1; i < values.length; i++) expect(values[i] as number).toBeLessThan(values[i - 1] as number);
  });

  it.each([
    [0.13, 0.6],
    [2, 1.5],
    [1e-3, 2.2],
    [40, 0.3],
    [1e-5, 0.05],
    [1e-9, 0.999],
    [0.999, 3.5],
    [1, 3.5],
  ])('K(z, s) satisfies K(z, s) = (1 − z·K(z, s−1))/(s−1) at z = %s, s = %s (rtol 1e-12)', (z, s) => {
    // Integration by parts of ∫ e^(−zw)(1+w)^(−s) dw; z < 1 (quadrature) and z ≥ 1 (continued fraction).
    expectClose(discountedSurvivalIntegral(z, s), (1 - z * discountedSurvivalIntegral(z, s - 1)) / (s - 1), { rtol: 1e-12 });
  });

  it('K is continuous where the method switches at z = 1 (rtol 1e-13)', () => {
    for (const s of [0.3, 1, 2.7]) expectClose(discountedSurvivalIntegral(1 - 1e-15, s), discountedSurvivalIntegral(1, s), { rtol: 1e-13 });
  });

  it('K(z, 0) = 1/z, and K is NaN for z ≤ 0 or NaN', () => {
    expectClose(discountedSurvivalIntegral(0.25, 0), 4, { rtol: 1e-13 });
    expect(discountedSurvivalIntegral(2, 0)).toBe(0.5);
    expect([discountedSurvivalIntegral(0, 1), discountedSurvivalIntegral(Number.NaN, 1), discountedSurvivalIntegral(1, Number.NaN)].every(Number.isNaN)).toBe(true);
  });
});
