import { RelmarkError } from '../errors/RelmarkError.js';
import { logGamma } from '../numeric/logGamma.js';
import { NeumaierSum } from '../internal/sum.js';
import { nelderMead } from '../numeric/nelderMead.js';

/** A Beta prior fitted by {@link fitBetaBinomialPrior}. @internal */
export interface BetaBinomialPriorFit {
  readonly alpha: number;
  readonly beta: number;
  /** `empirical`: the marginal-likelihood maximum; `fallback`: fewer than `minCustomers` customers had trials, so Beta(1, 1). */
  readonly method: 'empirical' | 'fallback';
  /** Customers with at least some trials. */
  readonly customers: number;
  /** The beta-binomial marginal log-likelihood at the fit (without the binomial coefficients). */
  readonly logLikelihood: number;
  /** Whether the fit ended on a bound of the search box (mean within e^-15 of 0 or 1, or concentration at 1e-2 or 1e5). */
  readonly atBoundary: boolean;
  readonly iterations: number;
}

// The search box, on u = logit(mean) and v = ln(alpha + beta). An unbounded maximum (no
// over-dispersion: the concentration grows without end; every trial a success: the mean goes to 1)
// ends on the box, which is a valid, very concentrated prior.
const logitBound = 15;
const minLogConcentration = Math.log(1e-2);
const maxLogConcentration = Math.log(1e5);
const maxIterations = 2000;

/**
 * Fits a Beta(α, β) prior to per-customer (successes, trials) counts by maximising the
 * beta-binomial marginal likelihood (empirical Bayes).
 *
 * @remarks
 * Each customer contributes ln B(α + s, β + n − s) − ln B(α, β) (Skellam 1948; Griffiths 1973),
 * written with {@link logGamma} so that it stays in log space for any count. Counts may be
 * fractional (weighted outcomes); identical (s, n) pairs are merged first, so the cost per
 * evaluation is the number of distinct pairs. The maximum is found by the shared Nelder–Mead (Nelder & Mead
 * 1965, `src/numeric/nelderMead.ts`) on (logit mean, log concentration) inside a box (bound constraints by projection), from a fixed start (the pooled rate and
 * concentration 2): no randomness. Customers with n = 0 carry no information and are skipped.
 * With fewer than `minCustomers` (at least 2) customers it returns Beta(1, 1) as `fallback`: the
 * maximum of a handful of customers is often on the box, a prior far more confident than the data.
 *
 * @throws {@link RelmarkError} `not_converged` (with iterations, last parameters and the optimiser's
 *   stop reason) if the simplex has not collapsed after 2000 iterations.
 * @internal
 */
export function fitBetaBinomialPrior(successes: ArrayLike<number>, trials: ArrayLike<number>, minCustomers = 2): BetaBinomialPriorFit {
  const pairs = compressPairs(successes, trials);
  if (pairs.customers < Math.max(2, minCustomers)) {
    return { alpha: 1, beta: 1, method: 'fallback', customers: pairs.customers, logLikelihood: 0, atBoundary: false, iterations: 0 };
  }
  const objective = (point: readonly [number, number]) => -logLikelihoodAt(pairs, point[0], point[1]) / pairs.customers;
  const pooled = Math.min(1 - 1e-4, Math.max(1e-4, pairs.totalSuccesses / pairs.totalTrials));
  const start: [number, number] = [Math.log(pooled / (1 - pooled)), Math.log(2)];
  // The shared Nelder–Mead with the box as bound constraints (every trial point projected onto it).
  // The values carry rounding noise of about 1e-16 times the log-gamma terms (large near the
  // concentration bound), so the value test is loose and the simplex size decides.
  const minimum = nelderMead((p) => objective([p[0] as number, p[1] as number]), start, {
    lower: [-logitBound, minLogConcentration],
    upper: [logitBound, maxLogConcentration],
    initialStep: 1,
    objectiveTolerance: 1e-8,
    simplexTolerance: 5e-8,
    maxIterations,
  });
  const result = { point: [minimum.x[0] as number, minimum.x[1] as number] as [number, number], iterations: minimum.iterations };
  if (!minimum.converged) {
    throw new RelmarkError('not_converged', 'channelPreferences: the empirical-Bayes prior did not converge', {
      details: { method: 'nelder-mead', iterations: result.iterations, lastParams: toAlphaBeta(result.point), reason: minimum.reason },
    });
  }
  const [u, v] = result.point;
  const { alpha, beta } = toAlphaBeta(result.point);
  const tolerance = 1e-6;
  const atBoundary =
    Math.abs(Math.abs(u) - logitBound) < tolerance || v - minLogConcentration < tolerance || maxLogConcentration - v < tolerance;
  return {
    alpha,
    beta,
    method: 'empirical',
    customers: pairs.customers,
    logLikelihood: logLikelihoodAt(pairs, u, v),
    atBoundary,
    iterations: result.iterations,
  };
}

interface CompressedPairs {
  readonly successes: number[];
  readonly failures: number[];
  readonly trials: number[];
  readonly multiplicity: number[];
  readonly customers: number;
  readonly totalSuccesses: number;
  readonly totalTrials: number;
}

function compressPairs(successes: ArrayLike<number>, trials: ArrayLike<number>): CompressedPairs {
  const byTrials = new Map<number, Map<number, number>>();
  let customers = 0;
  const totalSuccesses = new NeumaierSum();
  const totalTrials = new NeumaierSum();
  for (let i = 0; i < trials.length; i++) {
    const n = trials[i] as number;
    if (!(n > 0)) continue;
    const s = successes[i] as number;
    customers++;
    let bySuccesses = byTrials.get(n);
    if (bySuccesses === undefined) byTrials.set(n, (bySuccesses = new Map()));
    bySuccesses.set(s, (bySuccesses.get(s) ?? 0) + 1);
  }
  // Sorted by (n, s) and summed in that order, so that the fit does not depend on the customers' order.
  const keys: [number, number, number][] = [];
  for (const [n, bySuccesses] of byTrials) for (const [s, count] of bySuccesses) keys.push([n, s, count]);
  keys.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = { successes: [] as number[], failures: [] as number[], trials: [] as number[], multiplicity: [] as number[] };
  for (const [n, s, count] of keys) {
    out.successes.push(s);
    out.failures.push(Math.max(0, n - s));
    out.trials.push(n);
    out.multiplicity.push(count);
    totalSuccesses.add(count * s);
    totalTrials.add(count * n);
  }
  return { ...out, customers, totalSuccesses: totalSuccesses.value, totalTrials: totalTrials.value };
}

function toAlphaBeta(point: readonly [number, number]): { alpha: number; beta: number } {
  const mean = 1 / (1 + Math.exp(-point[0]));
  const concentration = Math.exp(point[1]);
  return { alpha: mean * concentration, beta: (1 - mean) * concentration };
}

function logLikelihoodAt(pairs: CompressedPairs, u: number, v: number): number {
  const { alpha, beta } = toAlphaBeta([u, v]);
  const concentration = alpha + beta;
  const perCustomerConstant = logGamma(concentration) - logGamma(alpha) - logGamma(beta);
  const total = new NeumaierSum();
  for (let j = 0; j < pairs.trials.length; j++) {
    const term =
      logGamma(alpha + (pairs.successes[j] as number)) +
      logGamma(beta + (pairs.failures[j] as number)) -
      logGamma(concentration + (pairs.trials[j] as number)) +
      perCustomerConstant;
    total.add((pairs.multiplicity[j] as number) * term);
  }
  return total.value;
}
