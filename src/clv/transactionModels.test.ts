import { describe, expect, it } from 'vitest';
import { candidateModels, expectedPurchases, probabilityAlive, probabilityOfPurchases, expectedPurchasesNewCustomer, TransactionModelFitSchema } from 'relmark/clv';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { continuousTransactionModels, transactionModelList, transactionModelOf, transactionModels } from './transactionModels.js';

// Parameters near the published CDNOW / donation estimates, one set per model of the table.
const paramsByTag: Record<string, Record<string, number>> = {
  'bg-nbd': { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 },
  'pareto-nbd': { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 },
  'mbg-nbd': { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 },
  'mbg-cnbd-k': { k: 2, r: 1.3292, alpha: 2.8126, a: 0.4247, b: 0.79 },
  'bg-bb': { alpha: 1.203522, beta: 0.7497164, gamma: 0.6567182, delta: 2.783442 },
};
const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const fitOf = (tag: string) => {
  const params = paramsByTag[tag] as Record<string, number>;
  const model = transactionModelOf({ model: tag }, 'test');
  // MBG/CNBD-k also reports the log-likelihood of each k it tried.
  // MBG/CNBD-k also reports the log-likelihood of each k it tried; its k (chosen, not estimated) has no standard error.
  const { k: _k, ...estimated } = params;
  const extra = tag === 'mbg-cnbd-k' ? { kProfile: [{ k: 2, logLikelihood: -1 }] } : {};
  return { model: tag, params, ...(model.clock === 'continuous' ? { timeUnit: 'week' } : {}), logLikelihood: -1, customers: 10, standardErrors: estimated, diagnostics, ...extra };
};

describe('the table of transaction models', () => {
  it('keys every descriptor by its own tag and lists each model once', () => {
    for (const [key, model] of Object.entries(transactionModels)) expect(model.tag).toBe(key);
    expect(new Set(transactionModelList.map((m) => m.label)).size).toBe(transactionModelList.length);
    expect(Object.keys(paramsByTag).sort()).toEqual(Object.keys(transactionModels).sort());
  });

  it.each(Object.keys(transactionModels))('%s: its fit schema accepts its fit and the union accepts it too', (tag) => {
    const model = transactionModelOf({ model: tag }, 'test');
    const fit = fitOf(tag);
    expect(model.fitSchema.parse(fit)).toEqual(fit);
    expect(TransactionModelFitSchema.parse(fit).model).toBe(tag);
    expect(model.paramsSchema.safeParse(paramsByTag[tag]).success).toBe(true);
  });

  it.each(Object.keys(transactionModels))('%s: the generic functions return what the descriptor returns', (tag) => {
    const model = transactionModelOf({ model: tag }, 'test');
    const fit = fitOf(tag) as Parameters<typeof expectedPurchases>[0];
    const params = paramsByTag[tag] as Record<string, number>;
    const history = { x: 3, tx: 20, T: 30 };
    expect(expectedPurchases(fit, history, 10)).toBe(model.expectedPurchases(params, history, 10));
    expect(probabilityAlive(fit, history)).toBe(model.probabilityAlive(params, history));
    expect(probabilityOfPurchases(fit, 2, 10)).toBe(model.probabilityOfPurchases(params, 2, 10));
    expect(expectedPurchasesNewCustomer(fit, 10)).toBe(model.expectedPurchasesNewCustomer(params, 10));
  });

  it.each(Object.keys(transactionModels))('%s: simulate then fit recovers a finite fit tagged with the model', (tag) => {
    const model = transactionModelOf({ model: tag }, 'test');
    const sim = model.simulate({ params: paramsByTag[tag] as Record<string, number>, customers: 3000, T: model.clock === 'continuous' ? 39 : 6, seed: 3 });
    const fit = model.fit(sim, { timeUnit: 'week' });
    expect(fit.model).toBe(tag);
    expect(Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(model.logLikelihood(fit.params, sim)).toBeCloseTo((fit as unknown as { logLikelihood: number }).logLikelihood, 6);
  });

  it('offers the continuous-time models, in table order, as candidates and value kernels', () => {
    expect(Object.keys(candidateModels)).toEqual(continuousTransactionModels.map((m) => m.tag));
    for (const model of continuousTransactionModels) expect(model.valueKernels).toBeTypeOf('function');
  });

  it('rejects an unknown or inherited tag with the list of known models', () => {
    for (const tag of ['nope', 'toString', '__proto__']) {
      const error = thrownRelmarkError(() => transactionModelOf({ model: tag }, 'where'));
      expect(error.code).toBe('invalid_parameters');
      expect(error.issues[0]?.code).toBe('unknown_model');
      expect(error.issues[0]?.message).toContain(Object.keys(transactionModels).map((t) => `'${t}'`).join(', '));
    }
  });
});
