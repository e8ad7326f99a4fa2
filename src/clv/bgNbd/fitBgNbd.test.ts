import { describe, expect, it } from 'vitest';
import { BgNbdFitSchema, fitBgNbd, fitBgNbdUnchecked, simulateBgNbd, toHistoryColumns } from 'relmark/clv';
import { RelmarkError } from '../../errors/RelmarkError.js';

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function errorOf(fn: () => unknown): RelmarkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RelmarkError) return error;
    throw error;
  }
  throw new Error('expected a RelmarkError');
}

describe('fitBgNbd', () => {
  it('returns plain data that survives a JSON round trip through BgNbdFitSchema', () => {
    const fit = fitBgNbd(simulateBgNbd({ params: truth, customers: 3000, T: 39, seed: 3 }));
    expect(BgNbdFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-6);
  });

  it('carries the time unit it was given', () => {
    const columns = simulateBgNbd({ params: truth, customers: 2000, T: 39, seed: 4 });
    expect(fitBgNbd(columns, { timeUnit: 'day' }).timeUnit).toBe('day');
    expect(fitBgNbd(columns).timeUnit).toBe('week');
  });

  it('scales α with the time axis and leaves r, a, b and the shape of the fit unchanged', () => {
    const weeks = simulateBgNbd({ params: truth, customers: 3000, T: 39, seed: 5 });
    const days = { x: weeks.x, tx: weeks.tx.map((t) => t * 7), T: weeks.T.map((t) => t * 7) };
    const fw = fitBgNbd(weeks);
    const fd = fitBgNbd(days, { timeUnit: 'day' });
    expect(Math.abs(fd.params.alpha / fw.params.alpha - 7)).toBeLessThan(1e-5);
    expect(Math.abs(fd.params.r / fw.params.r - 1)).toBeLessThan(1e-6);
    // LL_days = LL_weeks − Σx·ln 7 (the density of times is per day instead of per week).
    const sumX = weeks.x.reduce((s, v) => s + v, 0);
    expect(Math.abs(fd.logLikelihood - (fw.logLikelihood - sumX * Math.log(7)))).toBeLessThan(1e-6);
  });

  it.each([
    ['no customers', [], 'empty_input'],
    ['only zero weights', { x: Float64Array.of(1), tx: Float64Array.of(1), T: Float64Array.of(2), weights: Float64Array.of(0) }, 'empty_input'],
    ['every T = 0', [{ x: 0, tx: 0, T: 0 }], 'invalid_input'],
    ['nobody with a repeat purchase (no maximum)', [{ x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 20 }], 'degenerate_data'],
    ['a NaN recency', [{ x: 1, tx: Number.NaN, T: 20 }], 'invalid_input'],
    ['a single customer with purchases (no maximum)', [{ x: 3, tx: 5, T: 10 }], 'degenerate_data'],
  ])('handles %s with the documented error code', (_, input, code) => {
    expect(errorOf(() => fitBgNbd(input as never)).code).toBe(code);
  });

  it('reports diagnostics and the budget when it does not converge, never NaN parameters', () => {
    // 200 customers with the same x and a few (tx, T) shapes: no interior maximum, but not degenerate up front.
    const equal = { x: new Float64Array(200).fill(2), tx: Float64Array.from({ length: 200 }, (_, i) => 5 + (i % 10)), T: Float64Array.from({ length: 200 }, (_, i) => 10 + (i % 10) * 2) };
    const error = errorOf(() => fitBgNbd(equal));
    expect(error.code).toBe('not_converged');
    expect(Object.keys(error.details ?? {}).sort()).toEqual(['budgetHit', 'evaluations', 'gradientNorm', 'iterations', 'lastParams', 'logLikelihood', 'maxEvaluations', 'method', 'reason']);
    expect(error.details?.evaluations as number).toBeLessThanOrEqual(error.details?.maxEvaluations as number);
  });

  it('throws degenerate_data with a hint, before any evaluation, when nobody made a repeat purchase', () => {
    const error = errorOf(() => fitBgNbd([{ x: 0, tx: 0, T: 10 }]));
    expect([error.code, error.issues.map((issue) => issue.path), error.details?.evaluations]).toEqual(['degenerate_data', [['x']], 0]);
    expect(error.details?.hint).toMatch(/penalizer/);
  });

  it('rejects histories whose customer ids repeat with duplicate_id', () => {
    const error = errorOf(() => fitBgNbd([{ customerId: 'a', x: 1, tx: 1, T: 2 }, { customerId: 'b', x: 0, tx: 0, T: 2 }, { customerId: 'a', x: 2, tx: 1, T: 3 }] as never));
    expect([error.code, error.issues.map((issue) => issue.path)]).toEqual(['duplicate_id', [['histories', 2, 'customerId']]]);
  });

  it('rejects unknown options with invalid_options', () => {
    const error = errorOf(() => fitBgNbd([{ x: 1, tx: 1, T: 2 }], { timeUnit: 'fortnight' as never }));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', ['timeUnit']]);
  });

  it('lists every invalid column entry with its path', () => {
    const error = errorOf(() =>
      fitBgNbd({ x: Float64Array.of(1, -1, 0), tx: Float64Array.of(3, 0, 1), T: Float64Array.of(2, 5, 5) }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([['tx', 0], ['x', 1], ['tx', 2]]);
  });

  it('does not mutate its input', () => {
    const histories = Object.freeze([Object.freeze({ x: 2, tx: 30.43, T: 38.86 })]);
    const columns = toHistoryColumns([...histories, { x: 0, tx: 0, T: 38 }, { x: 1, tx: 4, T: 30 }]);
    const copy = structuredClone(columns);
    try {
      fitBgNbdUnchecked(columns);
    } catch {
      // a three-customer fit may not converge; the input must be intact either way
    }
    expect(columns).toEqual(copy);
  });
});
