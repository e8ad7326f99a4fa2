import { describe, expect, it } from 'vitest';
import {
  expectedPurchasesNewCustomer,
  mbgCnbdKExpectedPurchases,
  mbgCnbdKExpectedPurchasesNewCustomer,
  mbgCnbdKLogLikelihood,
  mbgCnbdKProbabilityAlive,
  mbgCnbdKProbabilityOfPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
  probabilityOfPurchases,
  simulateMbgCnbdK,
  summarizeHistories,
  type MbgCnbdKFit,
} from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { prepareBgNbdData } from '../bgNbd/bgNbdData.js';
import { toHistoryColumns } from '../historyColumns.js';
import { mbgCnbdKCoreKernel } from './mbgCnbdKLogLikelihood.js';

const params = { k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 };
const mbg = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };
const histories = [
  { x: 2, tx: 30.43, T: 38.86, litt: 2.9 },
  { x: 0, tx: 0, T: 38.86, litt: 0 },
  { x: 0, tx: 0, T: 12, litt: 0 },
  { x: 21, tx: 24.71, T: 29.29, litt: 1.2 },
  { x: 7, tx: 35, T: 36, litt: 11.5 },
];

describe('mbgCnbdKLogLikelihood', () => {
  it('equals the MBG/NBD log-likelihood at k = 1 (litt not needed)', () => {
    const plain = histories.map(({ x, tx, T }) => ({ x, tx, T }));
    expectClose(mbgCnbdKLogLikelihood({ k: 1, ...mbg }, plain), mbgNbdLogLikelihood(mbg, plain), { rtol: 1e-13 });
  });

  it('matches the per-customer formula written out term by term (k = 3, hand computation)', () => {
    // ln L = (k−1)litt − x ln((k−1)!) + lnΓ(r+kx) − lnΓ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
    //        − (r+kx) ln(α+T) + ln(a/(b+x)((α+T)/(α+tx))^(r+kx) + Σ_{j<k} Γ(m+j)/(Γ(m) j!) ((T−tx)/(α+T))^j)
    const p = { k: 3, r: 0.8, alpha: 2, a: 0.7, b: 1.9 };
    const h = { x: 2, tx: 10, T: 15, litt: 3.1 };
    const m = p.r + p.k * h.x; // 6.8
    const q = (h.T - h.tx) / (p.alpha + h.T);
    const S = 1 + m * q + ((m * (m + 1)) / 2) * q * q;
    const lg = lgammaRef;
    const lnB = (u: number, v: number) => lg(u) + lg(v) - lg(u + v);
    const expected = (p.k - 1) * h.litt - h.x * Math.log(2) + lg(p.r + p.k * h.x) - lg(p.r) + p.r * Math.log(p.alpha)
      + lnB(p.a, p.b + h.x + 1) - lnB(p.a, p.b) - m * Math.log(p.alpha + h.T)
      + Math.log((p.a / (p.b + h.x)) * ((p.alpha + h.T) / (p.alpha + h.tx)) ** m + S);
    expectClose(mbgCnbdKLogLikelihood(p, [h]), expected, { rtol: 1e-12 });
  });

  it.each([[params], [{ k: 3, r: 0.4, alpha: 0.3, a: 0.2, b: 0.6 }], [{ k: 7, r: 2.5, alpha: 40, a: 3, b: 12 }]])(
    'has an analytic gradient equal to central differences at %j (rtol 1e-6)',
    (p) => {
      const data = prepareBgNbdData(toHistoryColumns(histories));
      const g = new Float64Array(4);
      mbgCnbdKCoreKernel(p.k, p, data, g);
      (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
        const h = 1e-6 * p[key];
        const up = mbgCnbdKCoreKernel(p.k, { ...p, [key]: p[key] + h }, data);
        const down = mbgCnbdKCoreKernel(p.k, { ...p, [key]: p[key] - h }, data);
        expectClose(g[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-6 });
      });
    },
  );

  it('shifts by −Σx·ln 7 when times go from weeks to days (α × 7, litt + x·ln 7)', () => {
    const days = histories.map((h) => ({ x: h.x, tx: h.tx * 7, T: h.T * 7, litt: h.litt + h.x * Math.log(7) }));
    const sumX = histories.reduce((s, h) => s + h.x, 0);
    expectClose(mbgCnbdKLogLikelihood({ ...params, alpha: params.alpha * 7 }, days), mbgCnbdKLogLikelihood(params, histories) - sumX * Math.log(7), { rtol: 1e-12 });
  });

  it('needs litt for k > 1, and reports invalid litt with its path', () => {
    const missing = thrownRelmarkError(() => mbgCnbdKLogLikelihood(params, [{ x: 2, tx: 3, T: 5 }]));
    expect([missing.code, missing.issues[0]?.path]).toEqual(['invalid_input', ['litt']]);
    const bad = thrownRelmarkError(() => mbgCnbdKLogLikelihood(params, [{ x: 2, tx: 3, T: 5, litt: Number.NaN }, { x: 0, tx: 0, T: 5, litt: 1 }]));
    expect(bad.issues.map((i) => i.path)).toEqual([['histories', 0, 'litt'], ['histories', 1, 'litt']]);
    const k = thrownRelmarkError(() => mbgCnbdKLogLikelihood({ ...params, k: 2.5 }, histories));
    expect([k.code, k.issues[0]?.path]).toEqual(['invalid_parameters', ['params', 'k']]);
  });
});

describe('MBG/CNBD-k predictions', () => {
  const h = { x: 3, tx: 20, T: 30 };

  it('reduce to MBG/NBD at k = 1 (P(alive), conditional and new-customer expectation, pmf)', () => {
    const k1 = { k: 1, ...mbg };
    expectClose(mbgCnbdKProbabilityAlive(k1, h), mbgNbdProbabilityAlive(mbg, h), { rtol: 1e-14 });
    expectClose(mbgCnbdKExpectedPurchases(k1, h, 52), mbgNbdExpectedPurchases(mbg, h, 52), { rtol: 1e-14 });
    expectClose(mbgCnbdKExpectedPurchasesNewCustomer(k1, 39), mbgNbdExpectedPurchasesNewCustomer(mbg, 39), { rtol: 1e-12 });
    for (const n of [0, 1, 5, 20]) expectClose(mbgCnbdKProbabilityOfPurchases(k1, n, 39), mbgNbdProbabilityOfPurchases(mbg, n, 39), { rtol: 1e-10, atol: 1e-300 });
  });

  it('give a pmf that sums to 1 with the exact new-customer expectation as its mean (k = 3)', () => {
    const p = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 };
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const q = mbgCnbdKProbabilityOfPurchases(p, n, 52);
      sum += q;
      mean += n * q;
    }
    expectClose(sum, 1, { rtol: 1e-12 });
    expectClose(mean, mbgCnbdKExpectedPurchasesNewCustomer(p, 52), { rtol: 1e-10 });
  });

  it('match the simulator: mean repeat purchases of 100,000 simulated customers within 4 standard errors', () => {
    const p = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 };
    const sim = simulateMbgCnbdK({ params: p, customers: 100_000, T: 52, seed: 5 });
    const n = sim.x.length;
    const mean = sim.x.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - mbgCnbdKExpectedPurchasesNewCustomer(p, 52))).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('give the documented values and dispatch through the generic functions', () => {
    expectClose(mbgCnbdKProbabilityAlive(params, h), 0.6994844547926415, { rtol: 1e-12 });
    expectClose(mbgCnbdKExpectedPurchases(params, h, 52), 3.2177434077534395, { rtol: 1e-12 });
    const fit: MbgCnbdKFit = {
      model: 'mbg-cnbd-k', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: { r: 1, alpha: 1, a: 1, b: 1 },
      diagnostics: { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' }, kProfile: [{ k: 2, logLikelihood: 0 }],
    };
    expect(expectedPurchasesNewCustomer(fit, 52)).toBe(mbgCnbdKExpectedPurchasesNewCustomer(params, 52));
    expect(probabilityOfPurchases(fit, 2, 52)).toBe(mbgCnbdKProbabilityOfPurchases(params, 2, 52));
  });

  it('say a long silence is worse news for a regular buyer (k = 2 vs k = 1 with the same mean rate)', () => {
    const silent = { x: 5, tx: 12, T: 52 };
    expect(mbgCnbdKProbabilityAlive(params, silent)).toBeLessThan(mbgCnbdKProbabilityAlive({ ...params, k: 1, alpha: params.alpha * 2 }, silent));
  });

  it.each([
    ['t < 0', () => mbgCnbdKExpectedPurchases(params, h, -1), 'invalid_input'],
    ['tx > T', () => mbgCnbdKProbabilityAlive(params, { x: 1, tx: 40, T: 30 }), 'invalid_input'],
    ['n = 1.5', () => mbgCnbdKProbabilityOfPurchases(params, 1.5, 10), 'invalid_input'],
    ['k = 0', () => mbgCnbdKExpectedPurchasesNewCustomer({ ...params, k: 0 }, 10), 'invalid_parameters'],
    ['k = 101', () => mbgCnbdKProbabilityAlive({ ...params, k: 101 }, h), 'invalid_parameters'],
    ['a horizon the series cannot reach (t = 1e12, α = 1e-3)', () => mbgCnbdKExpectedPurchasesNewCustomer({ ...params, alpha: 1e-3 }, 1e12), 'not_converged'],
  ])('rejects %s with a typed error', (_, call, code) => {
    expect(thrownRelmarkError(call).code).toBe(code);
  });

  it('handles t = 0 and x = 0 as documented', () => {
    expect(mbgCnbdKExpectedPurchases(params, h, 0)).toBe(0);
    expect(mbgCnbdKExpectedPurchasesNewCustomer(params, 0)).toBe(0);
    expect([mbgCnbdKProbabilityOfPurchases(params, 0, 0), mbgCnbdKProbabilityOfPurchases(params, 3, 0)]).toEqual([1, 0]);
    expectClose(mbgCnbdKProbabilityAlive(params, { x: 0, tx: 0, T: 0 }), params.b / (params.a + params.b), { rtol: 1e-14 });
  });
});

describe('summarizeHistories with litt', () => {
  it('adds the sum of the log inter-purchase times in the time unit, and nothing without the option', () => {
    const transactions = [
      { customerId: 'a', at: '2006-01-01', amount: 1 },
      { customerId: 'a', at: '2006-01-08', amount: 1 },
      { customerId: 'a', at: '2006-01-08T12:00:00Z', amount: 1 },
      { customerId: 'a', at: '2006-01-22', amount: 1 },
      { customerId: 'b', at: '2006-01-10', amount: 1 },
    ];
    const withLitt = summarizeHistories(transactions, { asOf: '2006-01-29', litt: true });
    // a: gaps of 1 and 2 weeks (same-day purchases merge) → ln 1 + ln 2; b: no repeat purchase → 0.
    expect(withLitt.map((h) => [h.customerId, h.x, h.litt])).toEqual([['a', 2, Math.log(2)], ['b', 0, 0]]);
    expect(summarizeHistories(transactions, { asOf: '2006-01-29' }).every((h) => !('litt' in h))).toBe(true);
    expect(thrownRelmarkError(() => summarizeHistories(transactions, { asOf: '2006-01-29', litt: 'yes' } as never)).code).toBe('invalid_options');
  });
});

/** ln Γ by the reflection-free Lanczos series (g = 7), independent of the library's logGamma. */
function lgammaRef(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const zz = z - 1;
  let x = c[0] as number;
  for (let i = 1; i < 9; i++) x += (c[i] as number) / (zz + i);
  const t = zz + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(x);
}
