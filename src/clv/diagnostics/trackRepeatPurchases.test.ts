import { describe, expect, it } from 'vitest';
import { expectedPurchasesNewCustomer, trackRepeatPurchases, type TransactionModelFit } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const fit: TransactionModelFit = {
  model: 'bg-nbd', params, timeUnit: 'week', logLikelihood: -9582.43, customers: 2357, standardErrors: params,
  diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
};
// a is born on 1 Jan, b on 3 Jan; weekly periods from 1 Jan; holdout ends on 21 Jan (three weeks).
const transactions = [
  { customerId: 'a', at: '2024-01-01', amount: 10 },
  { customerId: 'a', at: '2024-01-10', amount: 20 },
  { customerId: 'b', at: '2024-01-03', amount: 5 },
  { customerId: 'b', at: '2024-01-07', amount: 5 },
  { customerId: 'b', at: '2024-01-21', amount: 5 },
];
const ends = { calibrationEnd: '2024-01-07', holdoutEnd: '2024-01-21' } as const;
const E = (days: number) => expectedPurchasesNewCustomer(fit, days / 7);

describe('trackRepeatPurchases timing', () => {
  it("'btyd' runs the expectation to each period's end, 'occasions' (the default) to its last day", () => {
    const occasions = trackRepeatPurchases(fit, transactions, ends);
    const btyd = trackRepeatPurchases(fit, transactions, { ...ends, timing: 'btyd' });
    // Period ends (exclusive) 8, 15 and 22 Jan; births on day 0 (a) and day 2 (b).
    const occasionsCumulative = [E(6) + E(4), E(13) + E(11), E(20) + E(18)];
    const btydCumulative = [E(7) + E(5), E(14) + E(12), E(21) + E(19)];
    expectClose(occasions.periods.map((p) => p.cumulativeExpected), occasionsCumulative, { rtol: 1e-12 });
    expectClose(btyd.periods.map((p) => p.cumulativeExpected), btydCumulative, { rtol: 1e-12 });
    expect(occasions.periods.map((p) => p.actual)).toEqual([1, 1, 1]);
    expect(btyd.periods.map((p) => p.actual)).toEqual(occasions.periods.map((p) => p.actual));
    btyd.periods.forEach((p, i) => expect(p.cumulativeExpected).toBeGreaterThan(occasions.periods[i]?.cumulativeExpected ?? Infinity));
  });

  it("is the same under both timings with period 'instant' (times are exact)", () => {
    const occasions = trackRepeatPurchases(fit, transactions, { ...ends, period: 'instant' });
    const btyd = trackRepeatPurchases(fit, transactions, { ...ends, period: 'instant', timing: 'btyd' });
    expect(btyd).toEqual(occasions);
  });

  it('rejects an unknown timing with its path', () => {
    expect(() => trackRepeatPurchases(fit, transactions, { ...ends, timing: 'lifetimes' as 'btyd' })).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['timing'] })] }));
  });
});
