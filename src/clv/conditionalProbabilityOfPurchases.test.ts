import { describe, expect, it } from 'vitest';
import { conditionalProbabilityOfPurchases, expectedPurchases, probabilityAlive, probabilityOfPurchases, type TransactionModelFit } from 'relmark/clv';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const fitOf = (model: 'bg-nbd' | 'pareto-nbd' | 'mbg-nbd', params: Record<string, number>) =>
  ({ model, params, timeUnit: 'week', logLikelihood: -1, customers: 2357, standardErrors: params, diagnostics }) as TransactionModelFit;
// The CDNOW estimates (FHL 2005; Schmittlein et al. as fitted by lifetimes; Batislam et al. via BTYDplus).
const fits = [
  fitOf('bg-nbd', { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }),
  fitOf('pareto-nbd', { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }),
  fitOf('mbg-nbd', { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }),
];
const histories = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 7, tx: 5, T: 38 },
  { x: 20, tx: 35, T: 36 },
];

/** Σₙ P and Σₙ n·P, summed until the remaining mass is below 1e-13 (at most 3000 terms). */
function moments(fit: TransactionModelFit, history: { x: number; tx: number; T: number }, t: number) {
  let total = 0;
  let mean = 0;
  for (let n = 0; n < 3000 && !(1 - total < 1e-13 && n > 5); n++) {
    const p = conditionalProbabilityOfPurchases(fit, history, n, t);
    total += p;
    mean += n * p;
  }
  return { total, mean };
}

describe('conditionalProbabilityOfPurchases', () => {
  describe.each(fits)('$model', (fit) => {
    it.each(histories)('sums to 1 over n (atol 1e-9) and has mean expectedPurchases (rtol 1e-7) for %o', (history) => {
      for (const t of [1, 39, 78]) {
        const { total, mean } = moments(fit, history, t);
        expectClose(total, 1, { atol: 1e-9 });
        expectClose(mean, expectedPurchases(fit, history, t), { rtol: 1e-7, atol: 1e-12 });
      }
    });

    it('puts the mass of a customer who left at n = 0: P(0) ≥ 1 − P(alive)', () => {
      const history = { x: 2, tx: 5, T: 38.86 };
      expect(conditionalProbabilityOfPurchases(fit, history, 0, 39)).toBeGreaterThanOrEqual(1 - probabilityAlive(fit, history));
    });

    it('is 1 at n = 0 and 0 elsewhere for t = 0', () => {
      expect(conditionalProbabilityOfPurchases(fit, { x: 2, tx: 30, T: 38 }, 0, 0)).toBe(1);
      expect(conditionalProbabilityOfPurchases(fit, { x: 2, tx: 30, T: 38 }, 3, 0)).toBe(0);
    });

    it('rejects an invalid history, n and t with their paths', () => {
      expect(thrownRelmarkError(() => conditionalProbabilityOfPurchases(fit, { x: 1, tx: 50, T: 38 }, 0, 1)).issues.map((i) => i.path)).toEqual([['history', 'tx']]);
      expect(thrownRelmarkError(() => conditionalProbabilityOfPurchases(fit, { x: 1, tx: 5, T: 38 }, 1.5, 1)).issues[0]?.path).toEqual(['n']);
      expect(thrownRelmarkError(() => conditionalProbabilityOfPurchases(fit, { x: 1, tx: 5, T: 38 }, 1, -1)).issues[0]?.path).toEqual(['t']);
    });
  });

  it('is the new-customer distribution for BG/NBD at x = 0, T = 0 (P(alive) = 1, no update)', () => {
    const fit = fits[0] as TransactionModelFit;
    for (const n of [0, 1, 4]) expectClose(conditionalProbabilityOfPurchases(fit, { x: 0, tx: 0, T: 0 }, n, 39), probabilityOfPurchases(fit, n, 39), { rtol: 1e-12 });
  });

  it('is unsupported for BG/BB, with the models that have it', () => {
    const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const bgBb = { model: 'bg-bb', params, logLikelihood: -1, customers: 1, standardErrors: params, diagnostics } as TransactionModelFit;
    const error = thrownRelmarkError(() => conditionalProbabilityOfPurchases(bgBb, { x: 1, tx: 2, T: 6 }, 0, 3));
    expect(error.code).toBe('invalid_parameters');
    expect(error.issues[0]?.code).toBe('unsupported_model');
    expect(error.issues[0]?.message).toContain("'bg-nbd', 'pareto-nbd', 'mbg-nbd'");
  });
});
