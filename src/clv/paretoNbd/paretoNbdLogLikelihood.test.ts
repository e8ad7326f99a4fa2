import { describe, expect, it } from 'vitest';
import { compressHistories, paretoNbdLogLikelihood, toHistoryColumns } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { paretoNbdLogLikelihoodKernel, prepareParetoNbdData } from './paretoNbdLogLikelihood.js';

const histories = [
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 0, tx: 0, T: 38.86 },
  { x: 0, tx: 0, T: 20 },
  { x: 21, tx: 4.71, T: 29.29 },
  { x: 1, tx: 1.71, T: 38.86 },
  { x: 7, tx: 35, T: 36 },
  { x: 1, tx: 20, T: 20 },
  { x: 2, tx: 10, T: 38.86 },
];

describe('paretoNbdLogLikelihood', () => {
  it.each([
    [{ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }],
    [{ r: 1.7, alpha: 0.3, s: 0.2, beta: 0.6 }],
    [{ r: 0.05, alpha: 40, s: 3, beta: 12 }],
    [{ r: 0.5, alpha: 3, s: 0.4, beta: 3 }],
  ])('has an analytic gradient equal to central differences at %j (rtol 1e-6)', (params) => {
    const data = prepareParetoNbdData(toHistoryColumns(histories));
    const gradient = new Float64Array(4);
    paretoNbdLogLikelihoodKernel(params, data, gradient);
    (['r', 'alpha', 's', 'beta'] as const).forEach((key, i) => {
      const h = 1e-6 * params[key];
      const up = paretoNbdLogLikelihoodKernel({ ...params, [key]: params[key] + h }, data);
      const down = paretoNbdLogLikelihoodKernel({ ...params, [key]: params[key] - h }, data);
      expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-6 });
    });
  });

  it('equals the sum of single-customer log-likelihoods, the compressed total, and 0 for no customers', () => {
    const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    const sum = histories.reduce((acc, h) => acc + paretoNbdLogLikelihood(params, [h]), 0);
    expectClose(paretoNbdLogLikelihood(params, histories), sum, { rtol: 1e-13 });
    const doubled = toHistoryColumns([...histories, ...histories]);
    expectClose(paretoNbdLogLikelihood(params, compressHistories(doubled)), 2 * sum, { rtol: 1e-13 });
    expect(paretoNbdLogLikelihood(params, [])).toBe(0);
  });

  it('gives a customer with x = 0 and T = 0 a log-likelihood of 0 (up to rounding)', () => {
    expectClose(paretoNbdLogLikelihood({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, [{ x: 0, tx: 0, T: 0 }]), 0, { atol: 1e-15 });
  });

  it('rejects invalid parameters and histories with every path', () => {
    const params = thrownRelmarkError(() => paretoNbdLogLikelihood({ r: 0, alpha: Number.NaN, s: 1, beta: -1 }, histories));
    expect(params.code).toBe('invalid_parameters');
    expect(params.issues.map((i) => i.path)).toEqual([['params', 'r'], ['params', 'alpha'], ['params', 'beta']]);
    const input = thrownRelmarkError(() => paretoNbdLogLikelihood({ r: 1, alpha: 1, s: 1, beta: 1 }, [{ x: 1, tx: 3, T: 2 }, { x: -1, tx: 0, T: 1 }]));
    expect(input.code).toBe('invalid_input');
    expect(input.issues.map((i) => i.path)).toEqual([['histories', 0, 'tx'], ['histories', 1, 'x']]);
  });
});
