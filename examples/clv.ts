/**
 * Customer lifetime value end to end on synthetic data: simulate 20,000 customers with known BG/NBD
 * and Gamma-Gamma parameters (seeded), fit both models, compare with the truth, and print the top
 * customers by 12-month CLV.
 *
 * Run: npx tsx examples/clv.ts
 */
import {
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  simulateBgNbd,
  simulateGammaGamma,
  type PurchaseHistory,
} from 'relmark/clv';

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, per week
const spendTruth = { p: 6.25, q: 3.74, v: 15.44 }; // Fader & Hardie 2013, dollars

// 1. Synthetic histories: 39 weeks of observation, the same seed gives the same customers.
const simulated = simulateBgNbd({ params: truth, customers: 20_000, T: 39, seed: 2024 });
const spend = simulateGammaGamma({ params: spendTruth, x: simulated.x, seed: 2025 });
const histories: PurchaseHistory[] = Array.from(simulated.x, (x, i) => ({
  customerId: `c${String(i + 1).padStart(5, '0')}`,
  x,
  tx: simulated.tx[i] as number,
  T: simulated.T[i] as number,
  monetaryMean: spend[i] as number,
}));

// 2. Fit the purchase model (times are in weeks, and the fit remembers it) and the spend model.
const bgNbd = fitBgNbd(histories, { timeUnit: 'week' });
const gammaGamma = fitGammaGamma(histories);

const row = (name: string, fitted: number, se: number, actual: number) =>
  `${name.padEnd(6)}${fitted.toFixed(3).padStart(9)} ± ${se.toFixed(3).padEnd(7)} truth ${actual}`;
console.log(`BG/NBD on ${bgNbd.customers} customers: LL ${bgNbd.logLikelihood.toFixed(1)} (${bgNbd.diagnostics.iterations} BFGS iterations)`);
for (const key of ['r', 'alpha', 'a', 'b'] as const) console.log(row(key, bgNbd.params[key], bgNbd.standardErrors[key], truth[key]));
console.log(`Gamma-Gamma on ${gammaGamma.customers} repeat buyers (${gammaGamma.excluded.length} without repeat purchases listed in excluded)`);
for (const key of ['p', 'q', 'v'] as const) console.log(row(key, gammaGamma.params[key], gammaGamma.standardErrors[key], spendTruth[key]));

// 3. CLV over 12 months at 1% a month; the month length comes from the fit's unit (weeks).
const values = customerLifetimeValue(bgNbd, gammaGamma, histories, { horizonMonths: 12, monthlyDiscountRate: 0.01, margin: 0.3 });
const top = values.toSorted((p, q) => q.clv - p.clv || (p.customerId < q.customerId ? -1 : 1)).slice(0, 10);
const byId = new Map(histories.map((h) => [h.customerId, h]));

console.log('\nTop 10 customers by 12-month CLV (30% margin):');
console.log('customer     x      tx       T   P(alive)  E[purchases]  E[spend]      CLV');
for (const v of top) {
  const h = byId.get(v.customerId) as PurchaseHistory;
  console.log(
    [
      v.customerId.padEnd(9),
      String(h.x).padStart(4),
      h.tx.toFixed(1).padStart(7),
      h.T.toFixed(1).padStart(7),
      v.probabilityAlive.toFixed(3).padStart(10),
      v.expectedPurchases.toFixed(2).padStart(13),
      v.expectedSpend.toFixed(2).padStart(9),
      v.clv.toFixed(2).padStart(8),
    ].join(' '),
  );
}
const total = values.reduce((sum, v) => sum + v.clv, 0);
console.log(`\nTotal 12-month CLV of the cohort: ${total.toFixed(0)}`);
