/**
 * Covariate fits and prediction intervals (issue 19, "Speed"). Targets on 2 cores: covariate
 * Pareto/NBD on 100,000 simulated customers with 3 covariates < 3 s; intervals with 1,000 draws on
 * 100,000 customers < 5 s. Data are simulated with fixed seeds; times are rounded to whole days, as
 * summarizeHistories gives them from daily transactions.
 * Run: npx vitest bench --run --project unit bench/clvCovariates.bench.ts
 */
import { bench, describe } from 'vitest';
import { expectedPurchasesIntervals, fitBgNbdUnchecked, fitParetoNbd, fitParetoNbdUnchecked, simulateBgNbd, simulateParetoNbd } from 'relmark/clv';
import { simulateParetoNbdWithCovariates } from '../src/clv/covariates/simulateWithCovariates.js';

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const customers = 100_000;
const T = Array.from({ length: customers }, (_, i) => 26 + (i % 52));
const day = (v: number) => Math.round(v * 7) / 7;

describe('Pareto/NBD with covariates', () => {
  const names = ['c0', 'c1', 'c2'];
  const histories = simulateParetoNbdWithCovariates({
    params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 },
    purchase: [0.5, -0.3, 0.2],
    dropout: [0.4, 0.2, -0.3],
    customers,
    T: (i) => T[i] as number,
    seed: 7,
  });
  bench('fit, 100,000 customers, 3 covariates on both processes (target < 3 s)', () => {
    fitParetoNbd(histories, { covariates: { purchase: names, dropout: names } });
  }, once);
});

describe('prediction intervals, 1,000 draws', () => {
  for (const model of ['bg-nbd', 'pareto-nbd'] as const) {
    const sim =
      model === 'bg-nbd'
        ? simulateBgNbd({ params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers, T, seed: 5 })
        : simulateParetoNbd({ params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, customers, T, seed: 5 });
    const histories = Array.from(sim.x, (x, i) => ({ x, tx: x === 0 ? 0 : Math.min(day(sim.tx[i] as number), sim.T[i] as number), T: sim.T[i] as number }));
    const columns = { x: Float64Array.from(histories, (h) => h.x), tx: Float64Array.from(histories, (h) => h.tx), T: Float64Array.from(histories, (h) => h.T) };
    const fit = model === 'bg-nbd' ? fitBgNbdUnchecked(columns) : fitParetoNbdUnchecked(columns);
    bench(`expectedPurchasesIntervals, ${model}, 100,000 customers, 52 weeks (target < 5 s)`, () => {
      expectedPurchasesIntervals(fit, histories, 52, { level: 0.9, draws: 1000, seed: 3 });
    }, once);
  }
});
