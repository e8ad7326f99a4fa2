import { describe, expect, it } from 'vitest';
import { paretoNbdExpectedPurchasesNewCustomer, paretoNbdProbabilityOfPurchases, simulateParetoNbd } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';

const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };

describe('paretoNbdProbabilityOfPurchases', () => {
  it.each([
    [params, 39],
    [params, 2],
    [{ r: 2.5, alpha: 0.5, s: 1.5, beta: 3 }, 20],
    [{ r: 0.3, alpha: 5, s: 0.2, beta: 400 }, 52],
  ])('sums to 1 and has mean E[X(t)] at %j, t = %s (atol 1e-10, rtol 1e-9)', (p, t) => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= 3000; n++) {
      const q = paretoNbdProbabilityOfPurchases(p, n, t);
      expect(q >= 0 && q <= 1).toBe(true);
      total += q;
      mean += n * q;
      if (n > 50 && q < 1e-18) break;
    }
    expectClose(total, 1, { atol: 1e-10 });
    expectClose(mean, paretoNbdExpectedPurchasesNewCustomer(p, t), { rtol: 1e-9 });
  });

  it('matches the frequencies of 100,000 simulated customers within 4 standard errors', () => {
    const sim = simulateParetoNbd({ params, customers: 100_000, T: 39, seed: 5 });
    for (const n of [0, 1, 2, 5]) {
      const share = sim.x.filter((x) => x === n).length / sim.x.length;
      const p = paretoNbdProbabilityOfPurchases(params, n, 39);
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / sim.x.length));
    }
  });

  it('is 1 for n = 0 and 0 otherwise at t = 0', () => {
    expect([paretoNbdProbabilityOfPurchases(params, 0, 0), paretoNbdProbabilityOfPurchases(params, 2, 0)]).toEqual([1, 0]);
  });

  it.each([
    ['n not an integer', () => paretoNbdProbabilityOfPurchases(params, 1.5, 2), 'invalid_input', ['n']],
    ['a negative t', () => paretoNbdProbabilityOfPurchases(params, 1, -2), 'invalid_input', ['t']],
    ['s ≤ 0', () => paretoNbdProbabilityOfPurchases({ ...params, s: 0 }, 1, 2), 'invalid_parameters', ['params', 's']],
  ])('rejects %s', (_, fn, code, path) => {
    const error = thrownRelmarkError(fn);
    expect([error.code, error.issues.map((i) => i.path)]).toEqual([code, [path]]);
  });
});
