import { describe, expect, it } from 'vitest';
import {
  customerLifetimeValue,
  customerLifetimeValueUnchecked,
  expectedPurchases,
  probabilityAlive,
  gammaGammaExpectedSpend,
  type BgNbdFit,
  type GammaGammaFit,
  type TransactionModelFit,
} from 'relmark/clv';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const weekly: BgNbdFit = {
  model: 'bg-nbd',
  params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 },
  timeUnit: 'week',
  logLikelihood: -9582.43,
  customers: 2357,
  standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
  diagnostics,
};
const spend: GammaGammaFit = {
  model: 'gamma-gamma',
  params: { p: 6.248802, q: 3.744588, v: 15.44775 },
  logLikelihood: -4055.92,
  customers: 946,
  standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
  excluded: [],
  diagnostics,
};
const customer1 = { customerId: '1', x: 2, tx: 30.43, T: 38.86, monetaryMean: 22.35 };
const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };

describe('customerLifetimeValue', () => {
  it('gives the same CLV for the same customer described in days or in weeks (units come from the fit)', () => {
    // The same model on a daily axis: α is a rate per day, so it is 7 times larger.
    const daily: BgNbdFit = { ...weekly, timeUnit: 'day', params: { ...weekly.params, alpha: weekly.params.alpha * 7 } };
    const inDays = { ...customer1, tx: customer1.tx * 7, T: customer1.T * 7 };
    const [w] = customerLifetimeValue(weekly, spend, [customer1], options);
    const [d] = customerLifetimeValue(daily, spend, [inDays], options);
    expectClose(d?.clv ?? 0, w?.clv ?? 0, { rtol: 1e-9 });
  });

  it('makes the lifetimes quickstart mistake loud: weeksPerMonth on a fit in days is rejected', () => {
    const daily: BgNbdFit = { ...weekly, timeUnit: 'day' };
    expect(() => customerLifetimeValue(daily, spend, [customer1], { ...options, weeksPerMonth: 4.345 })).toThrowErrorMatchingInlineSnapshot(`
      [RelmarkError: customerLifetimeValue: weeksPerMonth given for a fit in days (1 issue)
      ✖ The transaction fit is in days; weeksPerMonth applies only to fits in weeks
        → at weeksPerMonth]
    `);
  });

  it('is the sum of discounted monthly increments times spend and margin', () => {
    const [value] = customerLifetimeValue(weekly, spend, [customer1], { ...options, margin: 0.5, weeksPerMonth: 4.345 });
    let direct = 0;
    for (let m = 1; m <= 12; m++) {
      const increment = expectedPurchases(weekly, customer1, m * 4.345) - expectedPurchases(weekly, customer1, (m - 1) * 4.345);
      direct += (increment * 24.658617375735727 * 0.5) / 1.01 ** m;
    }
    expectClose(value?.clv ?? 0, direct, { rtol: 1e-12 });
    expectClose(value?.probabilityAlive ?? 0, probabilityAlive(weekly, customer1), { rtol: 1e-15 });
  });

  it.each([
    ['a zero horizon', [customer1], { horizonMonths: 0, monthlyDiscountRate: 0.01 }, 0],
    ['a zero margin', [customer1], { ...options, margin: 0 }, 0],
  ])('gives 0 for %s', (_, histories, opts, expected) => {
    expect(customerLifetimeValue(weekly, spend, histories, opts)[0]?.clv).toBe(expected);
  });

  it('values a customer without repeat purchases at the population mean spend', () => {
    const [value] = customerLifetimeValue(weekly, spend, [{ customerId: 'n', x: 0, tx: 0, T: 10 }], options);
    expectClose(value?.expectedSpend ?? 0, 35.171009672672184, { rtol: 1e-12 });
    expect(value?.probabilityAlive).toBe(1);
  });

  it('keeps input order, and [] gives []', () => {
    const histories = [{ ...customer1, customerId: 'z' }, { ...customer1, customerId: 'a', x: 5 }];
    expect(customerLifetimeValue(weekly, spend, histories, options).map((v) => v.customerId)).toEqual(['z', 'a']);
    expect(customerLifetimeValue(weekly, spend, [], options)).toEqual([]);
  });

  it('agrees with the columnar fast path', () => {
    const histories: { customerId: string; x: number; tx: number; T: number; monetaryMean?: number }[] = [
      customer1,
      { customerId: '2', x: 0, tx: 0, T: 38.86 },
      { customerId: '3', x: 7, tx: 12, T: 30 },
    ];
    const objects = customerLifetimeValue(weekly, spend, histories, options).map((v) => v.clv);
    const columns = customerLifetimeValueUnchecked(
      weekly,
      spend,
      {
        x: Float64Array.from(histories, (h) => h.x),
        tx: Float64Array.from(histories, (h) => h.tx),
        T: Float64Array.from(histories, (h) => h.T),
        monetaryMean: Float64Array.from(histories, (h) => h.monetaryMean ?? 0),
      },
      options,
    );
    expect(Array.from(columns.clv)).toEqual(objects);
  });

  it.each([
    ['a negative discount rate', weekly, spend, { ...options, monthlyDiscountRate: -0.1 }, 'invalid_options', ['monthlyDiscountRate']],
    ['a fractional horizon', weekly, spend, { ...options, horizonMonths: 1.5 }, 'invalid_options', ['horizonMonths']],
    ['an unknown option', weekly, spend, { ...options, freq: 'D' }, 'invalid_options', []],
    ['a spend model without a finite mean', weekly, { ...spend, params: { p: 0.1, q: 0.5, v: 1 } }, options, 'invalid_parameters', ['spendFit', 'params', 'q']],
    ['a fit of an unknown model', { ...weekly, model: 'weibull-nbd' }, spend, options, 'invalid_parameters', ['transactionFit', 'model']],
  ])('rejects %s', (_, fit, spendFit, opts, code, path) => {
    expect(() => customerLifetimeValue(fit as BgNbdFit, spendFit as GammaGammaFit, [customer1], opts as never)).toThrow(
      expect.objectContaining({ code, issues: [expect.objectContaining({ path })] }),
    );
  });

  it('lists every invalid history with its path', () => {
    expect(() =>
      customerLifetimeValue(weekly, spend, [{ ...customer1, tx: 50 }, { ...customer1, customerId: '2', x: -1 }], options),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: ['histories', 0, 'tx'] }), expect.objectContaining({ path: ['histories', 1, 'x'] })] }));
  });

  const pareto: TransactionModelFit = {
    model: 'pareto-nbd', params: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, timeUnit: 'week',
    logLikelihood: -9594.97, customers: 2357, standardErrors: { r: 0.0476, alpha: 0.843, s: 0.187, beta: 6.21 }, diagnostics,
  };
  const mbg: TransactionModelFit = {
    model: 'mbg-nbd', params: { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }, timeUnit: 'week',
    logLikelihood: -9582.13, customers: 2357, standardErrors: { r: 0.08, alpha: 0.7, a: 0.15, b: 0.54 }, diagnostics,
  };
  it.each([
    ['Pareto/NBD', pareto],
    ['MBG/NBD', mbg],
    ['BG/NBD', weekly],
  ])('values a %s fit as the discounted monthly increments of the generic expectedPurchases (rtol 1e-12)', (_, fit) => {
    const month = 30.4375 / 7;
    const customers = [customer1, { customerId: '2', x: 0, tx: 0, T: 38.86, monetaryMean: 0 }, { customerId: '3', x: 40, tx: 38, T: 39, monetaryMean: 15 }];
    const values = customerLifetimeValue(fit, spend, customers, options);
    customers.forEach((h, i) => {
      let expected = 0;
      for (let m = 1; m <= 12; m++) {
        const increment = expectedPurchases(fit, h, m * month) - expectedPurchases(fit, h, (m - 1) * month);
        expected += increment / 1.01 ** m;
      }
      const spendValue = gammaGammaExpectedSpend(spend.params, { x: h.x, monetaryMean: h.monetaryMean });
      expectClose(values[i]?.clv ?? Number.NaN, expected * spendValue, { rtol: 1e-12 });
      expectClose(values[i]?.probabilityAlive ?? Number.NaN, probabilityAlive(fit, h), { rtol: 1e-15 });
      expectClose(values[i]?.expectedPurchases ?? Number.NaN, expectedPurchases(fit, h, 12 * month), { rtol: 1e-12 });
    });
  });
});

describe('customerLifetimeValue at the extremes (issue #17)', () => {
  const diagnostics = { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' } as const;
  const bgNbd = {
    model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
    logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 }, diagnostics,
  } as const;
  const gammaGamma = {
    model: 'gamma-gamma', params: { p: 6.248802, q: 3.744588, v: 15.44775 }, logLikelihood: -4055.92, customers: 946,
    standardErrors: { p: 1.19, q: 0.29, v: 4.16 }, excluded: [], diagnostics,
  } as const;
  const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };

  it.each([
    ['x = 10⁶, last purchase at T', { x: 1e6, tx: 39, T: 39, monetaryMean: 20 }],
    ['x = 10⁶, silent for 9 weeks', { x: 1e6, tx: 30, T: 39, monetaryMean: 20 }],
    ['x = 10⁶ with spends of 1e300', { x: 1e6, tx: 39, T: 39, monetaryMean: 1e300 }],
  ])('gives finite values for %s (was NaN)', (_, history) => {
    const [value] = customerLifetimeValue({ ...bgNbd }, { ...gammaGamma, excluded: [] }, [{ customerId: 'c', ...history }], options);
    expect([value?.clv, value?.expectedPurchases, value?.expectedSpend, value?.probabilityAlive].every(Number.isFinite)).toBe(true);
  });

  it('throws invalid_input not_representable with the row path when the value exceeds the doubles', () => {
    const error = thrownRelmarkError(() =>
      customerLifetimeValue({ ...bgNbd }, { ...gammaGamma, excluded: [] }, [{ customerId: 'c', x: 1e6, tx: 39, T: 39, monetaryMean: 1e303 }], { ...options, horizonMonths: 1200, margin: 1e5 }),
    );
    expect([error.code, error.issues[0]?.code, error.issues[0]?.path]).toEqual(['invalid_input', 'not_representable', ['histories', 0]]);
  });
});
