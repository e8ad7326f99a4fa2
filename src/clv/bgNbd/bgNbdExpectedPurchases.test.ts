import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, bgNbdExpectedPurchasesNewCustomer } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { hyp2f1 } from '../../numeric/hyp2f1.js';
import { expectedPurchasesNearOne, expectedPurchasesNearOneEuler } from './bgNbdExpectedPurchases.js';

const base = { r: 0.243, alpha: 4.414, b: 2.426 };

/** The textbook form (FHL 2005 eq. 10 without P(alive)), for a away from 1. */
function textbook(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  return ((a + b + x - 1) / (a - 1)) * -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)) + f.logAbs);
}

describe('BG/NBD expectation near a = 1 (removable singularity)', () => {
  it.each([
    [2, 38.86, 39],
    [0, 10, 5000],
    [200, 39, 52],
    [5, 0, 100],
  ])('is finite at a = 1 and continuous across it (x = %s, T = %s, t = %s)', (x, T, t) => {
    const at = (a: number) => expectedPurchasesNearOne(base.r + x, base.b + x, a - 1, t / (base.alpha + T));
    const limit = at(1);
    expect(Number.isFinite(limit) && limit > 0).toBe(true);
    // |E(1 ± h) − E(1)| = O(h): the derivative in a is of order E itself.
    for (const h of [1e-6, 1e-9]) {
      expect(Math.abs(at(1 + h) - limit)).toBeLessThan(10 * h * limit);
      expect(Math.abs(at(1 - h) - limit)).toBeLessThan(10 * h * limit);
    }
  });

  it.each([0.95, 0.951, 1.049, 1.05, 1.2, 0.8])('agrees with the textbook formula at a = %s where both apply (rtol 1e-11)', (a) => {
    for (const [x, T, t] of [[2, 38.86, 39], [0, 10, 500], [200, 39, 52]] as const) {
      expectClose(expectedPurchasesNearOne(base.r + x, base.b + x, a - 1, t / (base.alpha + T)), textbook(base.r, base.alpha, a, base.b, x, T, t), { rtol: 1e-11 });
    }
  });

  it('makes the public functions finite at a = 1 (they returned NaN before)', () => {
    const params = { ...base, a: 1 };
    const conditional = bgNbdExpectedPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 39);
    const fresh = bgNbdExpectedPurchasesNewCustomer(params, 39);
    expect(Number.isFinite(conditional) && Number.isFinite(fresh)).toBe(true);
    expectClose(bgNbdExpectedPurchasesNewCustomer({ ...base, a: 1 + 1e-8 }, 39), fresh, { rtol: 1e-6 });
  });
});

describe('BG/NBD expectations for huge x (issue #17)', () => {
  it("Euler's form near a = 1 equals the direct near-one series where both run (rtol 1e-8)", () => {
    for (const [p, bPrime, epsilon, u] of [
      [50, 3, 0, 2],
      [50, 3, 0.01, 2],
      [500, 400, -0.02, 10],
      [2000, 1990.5, 0.03, 40],
    ] as const) {
      const direct = expectedPurchasesNearOne(p, bPrime, epsilon, u);
      expect(Math.abs(expectedPurchasesNearOneEuler(p, bPrime, epsilon, u) / direct - 1)).toBeLessThan(1e-8);
    }
  });

  it('is finite and close to the Pareto/NBD value for x = 10⁶ (the CLV case of the issue)', () => {
    const params = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 };
    const history = { x: 1e6, tx: 39, T: 39 };
    const value = bgNbdExpectedPurchases(params, history, 52);
    expect(Number.isFinite(value)).toBe(true);
    // λ ≈ 1e6/43.4 per week; the dropout chance per purchase is about a/(b+x) ≈ 8e-7: about 8.6e5 purchases.
    expect(value).toBeGreaterThan(7e5);
    expect(value).toBeLessThan(1.2e6);
  });
});
