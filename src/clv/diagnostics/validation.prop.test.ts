import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BgNbdFit, calibrationFrequencyCheck, holdoutValidation } from 'relmark/clv';
import { bgNbdParamsArbitrary } from 'relmark/testing';
import { expectClose } from '../../../test/helpers/expectClose.js';

const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const fitArbitrary = bgNbdParamsArbitrary().map(
  (params): BgNbdFit => ({ model: 'bg-nbd', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: params, diagnostics }),
);
// Calibration histories (x, tx ≤ T, T) with holdout purchases over a holdout of `duration` weeks.
const customerArbitrary = fc
  .record({ x: fc.integer({ min: 0, max: 12 }), share: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 78, noNaN: true }), purchases: fc.integer({ min: 0, max: 10 }) })
  .map(({ x, share, T, purchases }) => ({ history: { x, tx: x === 0 ? 0 : share * T, T }, purchases }));
const customersArbitrary = fc.array(customerArbitrary, { minLength: 1, maxLength: 40 });
const durationArbitrary = fc.double({ min: 1, max: 52, noNaN: true });

function holdoutData(customers: readonly { history: { x: number; tx: number; T: number }; purchases: number }[], duration: number) {
  return { calibration: customers.map((c) => c.history), holdout: customers.map((c) => ({ purchases: c.purchases, duration })) };
}

describe('validation laws', () => {
  it('calibrationFrequencyCheck accounts for every customer on both sides, in any order', () => {
    fc.assert(
      fc.property(fitArbitrary, customersArbitrary, (fit, customers) => {
        const histories = customers.map((c) => c.history);
        const check = calibrationFrequencyCheck(fit, histories);
        expect(check.rows.reduce((s, r) => s + r.actual, 0)).toBe(histories.length);
        // Each customer's P(X(T) = n) over n sums to 1, so the expected column totals the customers.
        expectClose(check.rows.reduce((s, r) => s + r.expected, 0), histories.length, { rtol: 1e-9 });
        const reversed = calibrationFrequencyCheck(fit, [...histories].reverse());
        reversed.rows.forEach((row, i) => {
          expect(row.actual).toBe(check.rows[i]?.actual);
          expectClose(row.expected, check.rows[i]?.expected ?? Number.NaN, { rtol: 1e-12, atol: 1e-12 });
        });
      }),
    );
  });

  it('holdoutValidation totals conserve purchases, and its errors order as |bias| ≤ MAE ≤ RMSE', () => {
    fc.assert(
      fc.property(fitArbitrary, customersArbitrary, durationArbitrary, (fit, customers, duration) => {
        const check = holdoutValidation(fit, holdoutData(customers, duration));
        const { totals } = check;
        expect(totals.customers).toBe(customers.length);
        expect(totals.actual).toBe(customers.reduce((s, c) => s + c.purchases, 0));
        expectClose(totals.expected, check.customers.reduce((s, c) => s + c.expected, 0), { rtol: 1e-12, atol: 1e-12 });
        expectClose(totals.bias, (totals.expected - totals.actual) / customers.length, { rtol: 1e-9, atol: 1e-12 });
        expect(Math.abs(totals.bias)).toBeLessThanOrEqual(totals.mae * (1 + 1e-12) + 1e-12);
        expect(totals.mae).toBeLessThanOrEqual(totals.rmse * (1 + 1e-12) + 1e-12);
        // The by-frequency table covers every customer and every holdout purchase.
        expect(check.byFrequency.reduce((s, r) => s + r.customers, 0)).toBe(customers.length);
      }),
    );
  });

  it('holdoutValidation expectations grow with the holdout length', () => {
    fc.assert(
      fc.property(fitArbitrary, customersArbitrary, durationArbitrary, durationArbitrary, (fit, customers, d1, d2) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const a = holdoutValidation(fit, holdoutData(customers, short)).totals.expected;
        const b = holdoutValidation(fit, holdoutData(customers, long)).totals.expected;
        expect(a).toBeLessThanOrEqual(b * (1 + 1e-12) + 1e-12);
      }),
    );
  });
});
