import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { toHistoryColumns } from '../historyColumns.js';
import { prepareBgNbdData } from './bgNbdData.js';
import { bgNbdLogLikelihoodKernel } from './bgNbdLogLikelihood.js';

const histories = [
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 0, tx: 0, T: 38.86 },
  { x: 21, tx: 4.71, T: 29.29 },
  { x: 1, tx: 1.71, T: 38.86 },
  { x: 7, tx: 35, T: 36 },
  { x: 1, tx: 20, T: 20 },
];

describe('bgNbdLogLikelihood', () => {
  it.each([
    [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
    [{ r: 1.7, alpha: 0.3, a: 0.2, b: 0.6 }],
    [{ r: 0.05, alpha: 40, a: 3, b: 12 }],
  ])('has an analytic gradient equal to central differences at %j (rtol 1e-6)', (params) => {
    const groups = prepareBgNbdData(toHistoryColumns(histories));
    const gradient = new Float64Array(4);
    bgNbdLogLikelihoodKernel(params, groups, gradient);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((key, i) => {
      const h = 1e-6 * params[key];
      const up = bgNbdLogLikelihoodKernel({ ...params, [key]: params[key] + h }, groups);
      const down = bgNbdLogLikelihoodKernel({ ...params, [key]: params[key] - h }, groups);
      expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-6 });
    });
  });

  it('equals the sum of single-customer log-likelihoods, and 0 for no customers', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const sum = histories.reduce((acc, h) => acc + bgNbdLogLikelihood(params, [h]), 0);
    expectClose(bgNbdLogLikelihood(params, histories), sum, { rtol: 1e-13 });
    expect(bgNbdLogLikelihood(params, [])).toBe(0);
  });

  it('gives a customer with x = 0 and T = 0 a log-likelihood of exactly 0', () => {
    expect(bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ x: 0, tx: 0, T: 0 }])).toBe(0);
  });

  it('stays finite for x = 200 (huge frequency)', () => {
    expect(Number.isFinite(bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ x: 200, tx: 38, T: 39 }]))).toBe(true);
  });

  it('rejects invalid parameters with invalid_parameters and their paths', () => {
    try {
      bgNbdLogLikelihood({ r: 0, alpha: Number.NaN, a: 1, b: 1 }, histories);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_parameters' });
      expect((error as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([
        ['params', 'r'],
        ['params', 'alpha'],
      ]);
    }
  });

  it('lists every invalid history with its path', () => {
    expect(() =>
      bgNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, [
        { x: 1.5, tx: 1, T: 2 },
        { x: 1, tx: 3, T: 2 },
        { x: 0, tx: 0, T: Number.POSITIVE_INFINITY },
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [RelmarkError: bgNbdLogLikelihood: invalid histories (3 issues)
      ✖ x must be an integer ≥ 0, received 1.5
        → at histories[0].x
      ✖ Recency tx (3) exceeds age T (2)
        → at histories[1].tx
      ✖ T must be finite and ≥ 0, received Infinity
        → at histories[2].T]
    `);
  });
});
