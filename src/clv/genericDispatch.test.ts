import { describe, expect, it } from 'vitest';
import {
  type BgBbFit,
  bgBbExpectedPurchases,
  bgBbExpectedPurchasesNewCustomer,
  bgBbProbabilityAlive,
  bgBbProbabilityOfPurchases,
  customerLifetimeValue,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  type MbgNbdFit,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdProbabilityOfPurchases,
  type ParetoNbdFit,
  paretoNbdExpectedPurchasesNewCustomer,
  paretoNbdProbabilityOfPurchases,
  probabilityAlive,
  probabilityOfPurchases,
  TransactionModelFitSchema,
} from 'relmark/clv';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const mbgParams = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };
const mbg: MbgNbdFit = { model: 'mbg-nbd', params: mbgParams, timeUnit: 'week', logLikelihood: -9582.13, customers: 2357, standardErrors: mbgParams, diagnostics };
const paretoParams = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
const pareto: ParetoNbdFit = { model: 'pareto-nbd', params: paretoParams, timeUnit: 'week', logLikelihood: -9594.97, customers: 2357, standardErrors: paretoParams, diagnostics };
const bgBbParams = { alpha: 1.203522, beta: 0.7497164, gamma: 0.6567182, delta: 2.783442 };
const bgBb: BgBbFit = { model: 'bg-bb', params: bgBbParams, logLikelihood: -33225.58, customers: 11104, standardErrors: bgBbParams, diagnostics };
const spend = {
  model: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 }, logLikelihood: -4000, customers: 946,
  standardErrors: { p: 1, q: 1, v: 1 }, diagnostics,
} as const;

describe('the generic layer over every transaction model', () => {
  it('parses a saved BG/BB fit as a transaction model fit', () => {
    expect(TransactionModelFitSchema.parse(bgBb).model).toBe('bg-bb');
  });

  it('dispatches BG/BB with T as the number of opportunities and t as future opportunities', () => {
    const history = { x: 2, tx: 4, n: 6 };
    expect(expectedPurchases(bgBb, { x: 2, tx: 4, T: 6 }, 5)).toBe(bgBbExpectedPurchases(bgBbParams, history, 5));
    expect(probabilityAlive(bgBb, { x: 2, tx: 4, T: 6 })).toBe(bgBbProbabilityAlive(bgBbParams, history));
    expect(expectedPurchasesNewCustomer(bgBb, 6)).toBe(bgBbExpectedPurchasesNewCustomer(bgBbParams, 6));
    expect(probabilityOfPurchases(bgBb, 3, 6)).toBe(bgBbProbabilityOfPurchases(bgBbParams, 3, 6));
    // ref: issue 4 (FHS 2010): at the published parameters P(alive) at (2, 4) of 6 is 0.58951.
    const published: BgBbFit = { ...bgBb, params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
    expectClose(probabilityAlive(published, { x: 2, tx: 4, T: 6 }), 0.58951, { atol: 5e-6 });
  });

  it('dispatches Pareto/NBD and MBG/NBD new-customer expectations and purchase-count probabilities', () => {
    expect(expectedPurchasesNewCustomer(pareto, 39)).toBe(paretoNbdExpectedPurchasesNewCustomer(paretoParams, 39));
    expect(expectedPurchasesNewCustomer(mbg, 39)).toBe(mbgNbdExpectedPurchasesNewCustomer(mbgParams, 39));
    expect(probabilityOfPurchases(pareto, 2, 39)).toBe(paretoNbdProbabilityOfPurchases(paretoParams, 2, 39));
    expect(probabilityOfPurchases(mbg, 2, 39)).toBe(mbgNbdProbabilityOfPurchases(mbgParams, 2, 39));
  });

  it('refuses a BG/BB fit in customerLifetimeValue, whose months have no length in opportunities', () => {
    const error = thrownRelmarkError(() =>
      customerLifetimeValue(bgBb, { ...spend, excluded: [] }, [{ customerId: 'a', x: 1, tx: 1, T: 6, monetaryMean: 20 }], { horizonMonths: 12, monthlyDiscountRate: 0.01 }),
    );
    expect([error.code, error.issues[0]?.code, error.issues[0]?.path]).toEqual(['invalid_parameters', 'discrete_model', ['transactionFit', 'model']]);
  });
});

describe('mbgNbdProbabilityOfPurchases', () => {
  it('is a distribution whose mean is the new-customer expectation', () => {
    for (const t of [0.5, 10, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = mbgNbdProbabilityOfPurchases(mbgParams, n, t);
        expect(p).toBeGreaterThanOrEqual(0);
        total += p;
        mean += n * p;
      }
      expectClose(total, 1, { rtol: 1e-12 });
      expectClose(mean, mbgNbdExpectedPurchasesNewCustomer(mbgParams, t), { rtol: 1e-9 });
    }
  });

  it('keeps the drop-out at the first purchase: P(X(t) = 0) → a/(a+b) as t grows, never below it', () => {
    const floor = mbgParams.a / (mbgParams.a + mbgParams.b);
    const p0 = [1, 10, 100, 1e9].map((t) => mbgNbdProbabilityOfPurchases(mbgParams, 0, t));
    for (const p of p0) expect(p).toBeGreaterThan(floor);
    expectClose(p0[3] ?? 0, floor, { atol: 1e-3 });
    expect(mbgNbdProbabilityOfPurchases(mbgParams, 0, 0)).toBe(1);
    expect(mbgNbdProbabilityOfPurchases(mbgParams, 1, 0)).toBe(0);
  });

  it('rejects a negative or fractional n and a negative t', () => {
    expect(thrownRelmarkError(() => mbgNbdProbabilityOfPurchases(mbgParams, 1.5, 1)).issues[0]?.path).toEqual(['n']);
    expect(thrownRelmarkError(() => mbgNbdProbabilityOfPurchases(mbgParams, -1, 1)).code).toBe('invalid_input');
    expect(thrownRelmarkError(() => mbgNbdProbabilityOfPurchases(mbgParams, 0, -1)).code).toBe('invalid_input');
  });
});
