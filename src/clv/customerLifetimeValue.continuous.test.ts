import { describe, expect, it } from 'vitest';
import { customerLifetimeValue, type GammaGammaFit, gammaGammaExpectedSpend, paretoNbdDert, type TransactionModelFit } from 'relmark/clv';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const diagnostics = { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' } as const;
const paretoParams = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
const pareto: TransactionModelFit = { model: 'pareto-nbd', params: paretoParams, timeUnit: 'week', logLikelihood: -9594.97, customers: 2357, standardErrors: paretoParams, diagnostics };
const bgParams = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 };
const bgNbd: TransactionModelFit = { model: 'bg-nbd', params: bgParams, timeUnit: 'week', logLikelihood: -9582.43, customers: 2357, standardErrors: bgParams, diagnostics };
const spendParams = { p: 6.248802, q: 3.744588, v: 15.44775 };
const gammaGamma: GammaGammaFit = { model: 'gamma-gamma', params: spendParams, logLikelihood: -4055.92, customers: 946, standardErrors: spendParams, excluded: [], diagnostics };
const histories = [
  { customerId: 'a', x: 2, tx: 30.43, T: 38.86, monetaryMean: 22.35 },
  { customerId: 'b', x: 0, tx: 0, T: 38.86 },
  { customerId: 'c', x: 10, tx: 38, T: 39, monetaryMean: 40 },
];
const d = 0.01;
const weeksPerMonth = 30.4375 / 7;

describe("customerLifetimeValue with discounting: 'continuous' (CLVTools' DERT convention)", () => {
  it('is margin × E[spend] × DERT at δ = ln(1 + d) per month, in the fit’s unit', () => {
    const values = customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d, margin: 0.3, discounting: 'continuous' });
    values.forEach((value, i) => {
      const h = histories[i] as (typeof histories)[number];
      const spend = gammaGammaExpectedSpend(spendParams, { x: h.x, monetaryMean: h.x === 0 ? 0 : (h.monetaryMean ?? 0) });
      expectClose(value.clv, 0.3 * spend * paretoNbdDert(paretoParams, h, Math.log1p(d) / weeksPerMonth), { rtol: 1e-12 });
    });
  });

  it('lies between the monthly value over 100 years and (1 + d) times it (month-end vs exact-time discounting)', () => {
    const continuous = customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d, discounting: 'continuous' });
    const monthly = customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 1200, monthlyDiscountRate: d });
    continuous.forEach((value, i) => {
      const m = (monthly[i] as (typeof monthly)[number]).clv;
      expect(value.clv).toBeGreaterThanOrEqual(m);
      // The tail beyond 1200 months is below (1.01)^-1200 ≈ 6e-6 of the total: allow 1e-4 relative.
      expect(value.clv).toBeLessThanOrEqual(m * (1 + d) * (1 + 1e-4));
    });
  });

  it('keeps the monthly default and the horizon-bound expectedPurchases', () => {
    const continuous = customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d, discounting: 'continuous' });
    const monthly = customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d });
    expect(continuous.map((v) => v.expectedPurchases)).toEqual(monthly.map((v) => v.expectedPurchases));
    expect(customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d, discounting: 'monthly' })).toEqual(monthly);
  });

  it('rejects a model without a published DERT and a zero rate, with their paths', () => {
    const unsupported = thrownRelmarkError(() => customerLifetimeValue(bgNbd, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: d, discounting: 'continuous' }));
    expect([unsupported.code, unsupported.issues[0]?.code, unsupported.issues[0]?.path]).toEqual(['invalid_options', 'unsupported_model', ['discounting']]);
    const zero = thrownRelmarkError(() => customerLifetimeValue(pareto, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: 0, discounting: 'continuous' }));
    expect([zero.code, zero.issues[0]?.path]).toEqual(['invalid_options', ['monthlyDiscountRate']]);
  });
});
