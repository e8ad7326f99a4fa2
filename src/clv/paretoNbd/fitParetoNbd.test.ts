import { describe, expect, it } from 'vitest';
import { fitParetoNbd, fitParetoNbdUnchecked, ParetoNbdFitSchema, simulateParetoNbd } from 'relmark/clv';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';

const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };

describe('fitParetoNbd', () => {
  it('returns plain data that survives a JSON round trip through ParetoNbdFitSchema', () => {
    const fit = fitParetoNbd(simulateParetoNbd({ params: truth, customers: 3000, T: 39, seed: 3 }));
    expect(ParetoNbdFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-6);
  });

  it('recovers the simulation truth within 3 standard errors (20,000 customers, T spread over a year)', () => {
    const customers = 20_000;
    const T = Array.from({ length: customers }, (_, i) => 26 + (i % 52));
    const fit = fitParetoNbd(simulateParetoNbd({ params: truth, customers, T, seed: 11 }));
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
    }
  });

  it('scales α and β with the time axis and leaves r, s unchanged; LL shifts by −Σx·ln 7', () => {
    const weeks = simulateParetoNbd({ params: truth, customers: 3000, T: 39, seed: 5 });
    const days = { x: weeks.x, tx: weeks.tx.map((t) => t * 7), T: weeks.T.map((t) => t * 7) };
    const fw = fitParetoNbd(weeks);
    const fd = fitParetoNbd(days, { timeUnit: 'day' });
    expect(fd.timeUnit).toBe('day');
    expect(Math.abs(fd.params.alpha / fw.params.alpha - 7)).toBeLessThan(1e-5);
    expect(Math.abs(fd.params.beta / fw.params.beta - 7)).toBeLessThan(1e-5);
    expect(Math.abs(fd.params.s / fw.params.s - 1)).toBeLessThan(1e-6);
    const sumX = weeks.x.reduce((s, v) => s + v, 0);
    expect(Math.abs(fd.logLikelihood - (fw.logLikelihood - sumX * Math.log(7)))).toBeLessThan(1e-6);
  });

  it.each([
    ['no customers', [], 'empty_input'],
    ['only zero weights', { x: Float64Array.of(1), tx: Float64Array.of(1), T: Float64Array.of(2), weights: Float64Array.of(0) }, 'empty_input'],
    ['every T = 0', [{ x: 0, tx: 0, T: 0 }], 'invalid_input'],
    ['nobody with a repeat purchase (no maximum)', [{ x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 20 }], 'degenerate_data'],
    ['a NaN recency', [{ x: 1, tx: Number.NaN, T: 20 }], 'invalid_input'],
  ])('handles %s with the documented error code', (_, input, code) => {
    expect(thrownRelmarkError(() => fitParetoNbd(input as never)).code).toBe(code);
  });

  it('reports diagnostics and the budget when it does not converge, never NaN parameters', () => {
    // 200 customers with the same x and a few (tx, T) shapes: no interior maximum, but not degenerate up front.
    const equal = { x: new Float64Array(200).fill(2), tx: Float64Array.from({ length: 200 }, (_, i) => 5 + (i % 10)), T: Float64Array.from({ length: 200 }, (_, i) => 10 + (i % 10) * 2) };
    const error = thrownRelmarkError(() => fitParetoNbd(equal));
    expect(error.code).toBe('not_converged');
    expect(Object.keys(error.details ?? {}).sort()).toEqual(['budgetHit', 'evaluations', 'gradientNorm', 'iterations', 'lastParams', 'logLikelihood', 'maxEvaluations', 'method', 'reason']);
    expect(error.details?.evaluations as number).toBeLessThanOrEqual(error.details?.maxEvaluations as number);
  });

  it('rejects unknown options with invalid_options', () => {
    const error = thrownRelmarkError(() => fitParetoNbd([{ x: 1, tx: 1, T: 2 }], { timeUnit: 'fortnight' } as never));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', ['timeUnit']]);
  });

  it('does not mutate its input', () => {
    const columns = simulateParetoNbd({ params: truth, customers: 500, T: 39, seed: 9 });
    const copy = structuredClone(columns);
    fitParetoNbdUnchecked(columns);
    expect(columns).toEqual(copy);
  });
});
