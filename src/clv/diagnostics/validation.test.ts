import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchasesNewCustomer,
  calibrationFrequencyCheck,
  compareModels,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  holdoutValidation,
  probabilityOfPurchases,
  simulateBgNbd,
  splitCalibrationHoldout,
  type BgNbdFit,
  type TransactionModelFit,
} from 'relmark/clv';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { trackRepeatPurchases } from './trackRepeatPurchases.js';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const fit: BgNbdFit = {
  model: 'bg-nbd', params, timeUnit: 'week', logLikelihood: -9582.43, customers: 2357, standardErrors: params,
  diagnostics: { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' },
};
const unknown = { ...fit, model: 'weibull-nbd' } as unknown as TransactionModelFit;

const transactions = [
  { customerId: 'a', at: '2024-01-01', amount: 10 },
  { customerId: 'a', at: '2024-01-03', amount: 10 },
  { customerId: 'a', at: '2024-01-03T12:00:00Z', amount: 5 }, // same day: one occasion
  { customerId: 'a', at: '2024-02-20', amount: 20 },
  { customerId: 'b', at: '2024-01-10', amount: 7 },
  { customerId: 'b', at: '2024-03-01', amount: 7 },
  { customerId: 'c', at: '2024-01-20', amount: 3 },
  { customerId: 'd', at: '2024-02-15', amount: 9 }, // first seen in the holdout
];
const ends = { calibrationEnd: '2024-01-31', holdoutEnd: '2024-03-27' };

describe('generic dispatchers', () => {
  it('dispatch bg-nbd and reject an unknown model with invalid_parameters at fit.model', () => {
    expect(expectedPurchasesNewCustomer(fit, 39)).toBe(bgNbdExpectedPurchasesNewCustomer(params, 39));
    expect(probabilityOfPurchases(fit, 0, 0)).toBe(1);
    for (const fn of [() => expectedPurchasesNewCustomer(unknown, 1), () => probabilityOfPurchases(unknown, 0, 1)]) {
      const error = thrownRelmarkError(fn);
      expect([error.code, error.issues[0]?.path]).toEqual(['invalid_parameters', ['fit', 'model']]);
    }
  });
});

describe('holdoutValidation', () => {
  const split = splitCalibrationHoldout(transactions, ends);

  it('compares each customer with its conditional expectation, in input order', () => {
    const check = holdoutValidation(fit, split);
    expect(check.customers.map((c) => [c.customerId, c.x, c.actual])).toEqual([['a', 1, 1], ['b', 0, 1], ['c', 0, 0]]);
    check.customers.forEach((c, i) => {
      const h = split.calibration[i] as (typeof split.calibration)[number];
      expect(c.expected).toBe(expectedPurchases(fit, h, split.holdout[i]?.duration ?? 0));
    });
    const errors = check.customers.map((c) => c.expected - c.actual);
    expectClose(check.totals.mae, errors.reduce((s, e) => s + Math.abs(e), 0) / 3, { rtol: 1e-14 });
    expectClose(check.totals.rmse, Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / 3), { rtol: 1e-14 });
    expectClose(check.totals.bias, errors.reduce((s, e) => s + e, 0) / 3, { rtol: 1e-14 });
    expect(check.totals.actual).toBe(2);
  });

  it('pools frequencies into the last row and leaves empty rows with NaN means', () => {
    const check = holdoutValidation(fit, split, { maxFrequency: 1 });
    expect(check.byFrequency.map((r) => [r.frequency, r.atLeast, r.customers, r.actualMean])).toEqual([[0, false, 2, 0.5], [1, true, 1, 1]]);
    expect(Number.isNaN(holdoutValidation(fit, split).byFrequency[5]?.actualMean)).toBe(true);
  });

  it.each([
    ['no customers', { calibration: [], holdout: [] }, 'empty_input', undefined],
    ['lists of different lengths', { calibration: [{ x: 0, tx: 0, T: 3 }], holdout: [] }, 'invalid_input', ['holdout']],
    ['a fractional holdout count', { calibration: [{ x: 0, tx: 0, T: 3 }], holdout: [{ purchases: 0.5, duration: 2 }] }, 'invalid_input', ['holdout', 0, 'purchases']],
    ['a NaN duration', { calibration: [{ x: 0, tx: 0, T: 3 }], holdout: [{ purchases: 0, duration: Number.NaN }] }, 'invalid_input', ['holdout', 0, 'duration']],
    ['an invalid calibration history', { calibration: [{ x: 0, tx: 0, T: 3 }, { x: 1, tx: 4, T: 3 }], holdout: [{ purchases: 0, duration: 2 }, { purchases: 0, duration: 2 }] }, 'invalid_input', ['calibration', 1, 'tx']],
    ['ids out of step', { calibration: [{ customerId: 'a', x: 0, tx: 0, T: 3 }], holdout: [{ customerId: 'b', purchases: 0, duration: 2 }] }, 'invalid_input', ['holdout', 0, 'customerId']],
  ])('rejects %s', (_, data, code, path) => {
    const error = thrownRelmarkError(() => holdoutValidation(fit, data as never));
    expect([error.code, error.issues[0]?.path]).toEqual([code, path]);
  });

  it('gives a single customer its own errors', () => {
    const check = holdoutValidation(fit, { calibration: [{ x: 2, tx: 30, T: 39 }], holdout: [{ purchases: 3, duration: 39 }] });
    const error = (check.customers[0]?.expected ?? Number.NaN) - 3;
    expect([check.totals.mae, check.totals.rmse, check.totals.bias]).toEqual([Math.abs(error), Math.abs(error), error]);
  });

  it('rejects a bad maxFrequency with invalid_options', () => {
    expect(thrownRelmarkError(() => holdoutValidation(fit, split, { maxFrequency: 0 })).code).toBe('invalid_options');
  });
});

describe('trackRepeatPurchases', () => {
  it('counts every repeat occasion of the cohort once, and leaves out customers first seen in the holdout', () => {
    const tracking = trackRepeatPurchases(fit, transactions, ends);
    expect([tracking.customers, tracking.newInHoldout]).toEqual([3, 1]);
    // a: 2 repeat occasions (Jan 3, Feb 20); b: 1 (Mar 1); c: none; d is not in the cohort.
    expect(tracking.periods.at(-1)?.cumulativeActual).toBe(3);
    expect(tracking.periods[0]?.start).toBe('2024-01-01T00:00:00.000Z');
    expect(tracking.periods.at(-1)?.end).toBe('2024-03-28T00:00:00.000Z');
    expect(tracking.periods.map((p) => p.phase)).toEqual([...Array(4).fill('calibration'), 'both', ...Array(8).fill('holdout')]);
  });

  it('expects by each period end the sum of the cohort members’ E[X(age)] (conservation)', () => {
    const tracking = trackRepeatPurchases(fit, transactions, ends);
    // At the end of the last period (Mar 27 inclusive), ages are 86, 77 and 67 days.
    const sum = [86, 77, 67].reduce((s, days) => s + bgNbdExpectedPurchasesNewCustomer(params, days / 7), 0);
    expectClose(tracking.periods.at(-1)?.cumulativeExpected ?? Number.NaN, sum, { rtol: 1e-12 });
    const incremental = tracking.periods.reduce((s, p) => s + p.expected, 0);
    expectClose(incremental, sum, { rtol: 1e-12 });
  });

  it('tracks by any step and by exact instants', () => {
    const monthly = trackRepeatPurchases(fit, transactions, { ...ends, step: 4 });
    expect(monthly.periods.length).toBe(4);
    const instants = trackRepeatPurchases(fit, transactions, { ...ends, period: 'instant' });
    // With exact instants the two purchases of Jan 3 are separate occasions.
    expect(instants.periods.at(-1)?.cumulativeActual).toBe(4);
  });

  it.each([
    ['a missing holdoutEnd', { calibrationEnd: '2024-01-31' }, 'invalid_options'],
    ['ends out of order', { calibrationEnd: '2024-03-31', holdoutEnd: '2024-03-27' }, 'invalid_options'],
    ['a step shorter than a day', { ...ends, step: 0.01 }, 'invalid_options'],
    ['a transaction after holdoutEnd', { calibrationEnd: '2024-01-31', holdoutEnd: '2024-02-28' }, 'future_date'],
  ])('rejects %s', (_, options, code) => {
    expect(thrownRelmarkError(() => trackRepeatPurchases(fit, transactions, options as never)).code).toBe(code);
  });

  it('throws empty_input when nobody bought by calibrationEnd, and invalid_options for a fit without a time unit', () => {
    expect(thrownRelmarkError(() => trackRepeatPurchases(fit, [], ends)).code).toBe('empty_input');
    const { timeUnit: _, ...noUnit } = fit;
    expect(thrownRelmarkError(() => trackRepeatPurchases(noUnit as never, transactions, ends)).code).toBe('invalid_options');
  });

  it('does not mutate the transactions', () => {
    const copy = structuredClone(transactions);
    trackRepeatPurchases(fit, transactions, ends);
    expect(transactions).toEqual(copy);
  });
});

describe('calibrationFrequencyCheck', () => {
  const sim = simulateBgNbd({ params, customers: 4000, T: Array.from({ length: 4000 }, (_, i) => 20 + (i % 20)), seed: 9 });

  it('totals the customers on both sides and matches the observed counts at the true parameters', () => {
    const check = calibrationFrequencyCheck(fit, sim);
    const actual = check.rows.reduce((s, r) => s + r.actual, 0);
    const expected = check.rows.reduce((s, r) => s + r.expected, 0);
    expect(actual).toBe(4000);
    expectClose(expected, 4000, { rtol: 1e-12 });
    for (const row of check.rows) {
      // Each count is binomial-like around its expectation: within 4 standard deviations.
      expect(Math.abs(row.actual - row.expected)).toBeLessThan(4 * Math.sqrt(row.expected) + 1);
    }
    expect(check.rows.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.chiSquare).toBeGreaterThanOrEqual(0);
  });

  it('gives weights the meaning of repeated rows', () => {
    const weighted = calibrationFrequencyCheck(fit, { x: Float64Array.of(0, 3), tx: Float64Array.of(0, 10), T: Float64Array.of(30, 30), weights: Float64Array.of(2, 1) });
    const expanded = calibrationFrequencyCheck(fit, [{ x: 0, tx: 0, T: 30 }, { x: 0, tx: 0, T: 30 }, { x: 3, tx: 10, T: 30 }]);
    expect(weighted).toEqual(expanded);
  });

  it('rejects empty input, invalid histories with their paths and bad options', () => {
    expect(thrownRelmarkError(() => calibrationFrequencyCheck(fit, [])).code).toBe('empty_input');
    const error = thrownRelmarkError(() => calibrationFrequencyCheck(fit, [{ x: 1, tx: 5, T: 2 }]));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_input', ['histories', 0, 'tx']]);
    expect(thrownRelmarkError(() => calibrationFrequencyCheck(fit, [{ x: 0, tx: 0, T: 2 }], { maxFrequency: 1.5 })).code).toBe('invalid_options');
  });
});

describe('compareModels', () => {
  const sim = simulateBgNbd({ params, customers: 2000, T: 39, seed: 4 });
  const calibration = Array.from(sim.x, (x, i) => ({ x, tx: sim.tx[i] as number, T: 39 }));
  const notConverging = () => {
    throw new RelmarkError('not_converged', 'never converges');
  };

  it('ranks the fitted candidates, reports AIC/BIC, and lists a candidate that does not converge', () => {
    const result = compareModels({ calibration }, { candidates: ['bg-nbd', { name: 'broken', fit: notConverging }] });
    expect(result.rankBy).toBe('bic');
    expect(result.ranking.map((m) => [m.rank, m.name, m.model, m.parameters])).toEqual([[1, 'bg-nbd', 'bg-nbd', 4]]);
    const [best] = result.ranking;
    expect(best?.fit).toEqual(fitBgNbd(calibration));
    expectClose(best?.aic ?? 0, 8 - 2 * (best?.logLikelihood ?? 0), { rtol: 1e-14 });
    expectClose(best?.bic ?? 0, 4 * Math.log(2000) - 2 * (best?.logLikelihood ?? 0), { rtol: 1e-14 });
    expect(result.failed).toEqual([{ name: 'broken', code: 'not_converged', message: 'never converges' }]);
  });

  it('ranks by holdout error when holdout data are given, ties keeping the candidate order', () => {
    const holdout = calibration.map(() => ({ purchases: 1, duration: 39 }));
    const fixed = (shift: number) => ({ name: `fixed ${shift}`, fit: (): TransactionModelFit => ({ ...fit, params: { ...params, r: params.r * shift } }) });
    const result = compareModels({ calibration, holdout }, { candidates: [fixed(0.5), fixed(1), fixed(4)] });
    expect(result.rankBy).toBe('rmse');
    const rmse = result.ranking.map((m) => m.holdout?.rmse ?? Number.NaN);
    expect(rmse).toEqual([...rmse].sort((p, q) => p - q));
    expect(result.ranking.map((m) => m.name).sort()).toEqual(['fixed 0.5', 'fixed 1', 'fixed 4']);
    expect(result.ranking.every((m) => m.holdout?.actual === 2000)).toBe(true);
    const tie = compareModels({ calibration, holdout }, { candidates: [fixed(2), { ...fixed(2), name: 'copy' }], rankBy: 'mae' });
    expect(tie.ranking.map((m) => m.name)).toEqual(['fixed 2', 'copy']);
  });

  it.each([
    ['no candidates', { candidates: [] }, ['candidates']],
    ['an unknown name', { candidates: ['bg-nbd', 'pareto'] }, ['candidates', 1]],
    ['a duplicated name', { candidates: ['bg-nbd', 'bg-nbd'] }, ['candidates', 1]],
    ['a holdout criterion without holdout data', { candidates: ['bg-nbd'], rankBy: 'rmse' }, ['rankBy']],
  ])('rejects %s with invalid_options', (_, options, path) => {
    const error = thrownRelmarkError(() => compareModels({ calibration }, options as never));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', path]);
  });

  it('throws data errors instead of listing them as failed candidates', () => {
    expect(thrownRelmarkError(() => compareModels({ calibration: [] }, { candidates: ['bg-nbd'] })).code).toBe('empty_input');
  });
});
