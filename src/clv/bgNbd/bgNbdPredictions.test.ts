import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from 'relmark/clv';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD predictions: edge cases', () => {
  it.each([
    [{ x: 0, tx: 0, T: 38.86 }],
    [{ x: 0, tx: 0, T: 0 }],
    [{ x: 0, tx: 0, T: 1e9 }],
  ])('P(alive) is exactly 1 when x = 0 (%j)', (history) => {
    expect(bgNbdProbabilityAlive(params, history)).toBe(1);
  });

  it('E[X(0)] is 0, conditional and new', () => {
    expect(bgNbdExpectedPurchases(params, { x: 3, tx: 10, T: 20 }, 0)).toBe(0);
    expect(bgNbdExpectedPurchasesNewCustomer(params, 0)).toBe(0);
  });

  it('P(X(0) = n) is 1 for n = 0 and 0 otherwise', () => {
    expect([bgNbdProbabilityOfPurchases(params, 0, 0), bgNbdProbabilityOfPurchases(params, 3, 0)]).toEqual([1, 0]);
  });

  it('the probabilities of 0…400 purchases sum to 1', () => {
    let sum = 0;
    for (let n = 0; n <= 400; n++) sum += bgNbdProbabilityOfPurchases(params, n, 10);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
  });

  it.each([
    [4.106080448038613, 0.8888888888888907],
    [1, 0.27783059629366513],
    [0.1, 0.04170880135495983],
  ])('handles a + b < 1 (negative ₂F₁ parameter c, cancelling series): E[X(%s)] = %s (ref: mpmath, rtol 1e-12)', (t, expected) => {
    // The 2F1 value at t = 4.1 is ~1e-15 (noise from cancellation); the expectation is still exact.
    const value = bgNbdExpectedPurchasesNewCustomer({ r: 0.05, alpha: 0.1, a: 0.1, b: 0.1 }, t);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it('stays finite and in range for x = 200', () => {
    const history = { x: 200, tx: 30, T: 38.86 };
    const alive = bgNbdProbabilityAlive(params, history);
    const expected = bgNbdExpectedPurchases(params, history, 52);
    expect(alive >= 0 && alive <= 1 && Number.isFinite(expected) && expected >= 0).toBe(true);
  });

  it('a customer who bought at T is more likely alive than one silent since', () => {
    expect(bgNbdProbabilityAlive(params, { x: 5, tx: 20, T: 20 })).toBeGreaterThan(bgNbdProbabilityAlive(params, { x: 5, tx: 2, T: 20 }));
  });

  it.each([
    ['negative t', () => bgNbdExpectedPurchases(params, { x: 1, tx: 1, T: 2 }, -1), 'invalid_input', ['t']],
    ['tx > T', () => bgNbdProbabilityAlive(params, { x: 1, tx: 3, T: 2 }), 'invalid_input', ['history', 'tx']],
    ['x not an integer', () => bgNbdProbabilityAlive(params, { x: 0.5, tx: 1, T: 2 }), 'invalid_input', ['history', 'x']],
    ['n not an integer', () => bgNbdProbabilityOfPurchases(params, 1.5, 2), 'invalid_input', ['n']],
    ['b ≤ 0', () => bgNbdExpectedPurchasesNewCustomer({ ...params, b: -1 }, 2), 'invalid_parameters', ['params', 'b']],
    ['Infinity t', () => bgNbdExpectedPurchasesNewCustomer(params, Number.POSITIVE_INFINITY), 'invalid_input', ['t']],
  ])('rejects %s', (_, fn, code, path) => {
    expect(fn).toThrow(expect.objectContaining({ code, issues: [expect.objectContaining({ path })] }));
  });
});
