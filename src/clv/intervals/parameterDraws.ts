/**
 * Parameter sets drawn from the asymptotic normal distribution of a fit's estimates.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import { createRandom } from '../../internal/random.js';
import { sampleNormal } from '../../internal/samplers.js';
import type { FitCovariates, ParameterCovariance } from '../covariates/covariateFit.js';

/** The part of a fit that draws read. @internal */
export interface DrawableFit {
  readonly params: Readonly<Record<string, number>>;
  readonly standardErrors: Readonly<Record<string, number>>;
  readonly covariates?: FitCovariates | undefined;
  readonly covariance?: ParameterCovariance | undefined;
}

/**
 * `draws` parameter sets as rows of a matrix: row d holds the model parameters (natural scale, in
 * the order of `paramNames`), then the purchase coefficients, then the dropout coefficients (in the
 * order of `fit.covariates`).
 * @internal
 */
export interface ParameterDraws {
  readonly count: number;
  /** Columns per row: paramNames.length + purchase + dropout coefficients. */
  readonly width: number;
  readonly purchaseCount: number;
  readonly dropoutCount: number;
  readonly values: Float64Array;
}

/**
 * Draws θ = θ̂ + L·z (z standard normal from the seeded stream, L the Cholesky factor of the
 * covariance) over the log-parameters and coefficients, and maps the log-parameters back with exp.
 * Without `fit.covariance`, a diagonal covariance from the standard errors (delta method).
 * @throws {@link RelmarkError} `invalid_parameters` (path `['fit', 'covariance']`) when the
 *   covariance lacks a parameter or is not positive definite.
 * @internal
 */
export function drawParameters(fit: DrawableFit, paramNames: readonly string[], draws: number, seed: number, where: string, fitPath = 'fit'): ParameterDraws {
  const purchase = fit.covariates?.purchase.names ?? [];
  const dropout = fit.covariates?.dropout.names ?? [];
  const names = [...paramNames, ...purchase.map((n) => `purchase.${n}`), ...dropout.map((n) => `dropout.${n}`)];
  const k = names.length;
  const center = new Float64Array(k);
  paramNames.forEach((name, i) => (center[i] = Math.log(fit.params[name] as number)));
  purchase.forEach((name, i) => (center[paramNames.length + i] = fit.covariates?.purchase.coefficients[name] as number));
  dropout.forEach((name, i) => (center[paramNames.length + purchase.length + i] = fit.covariates?.dropout.coefficients[name] as number));
  const sigma = new Float64Array(k * k);
  const invalid = (message: string) =>
    new RelmarkError('invalid_parameters', `${where}: the fit's covariance cannot be used for intervals`, {
      issues: [{ code: 'invalid_covariance', path: [fitPath, 'covariance'], message }],
    });
  if (fit.covariance !== undefined) {
    const position = names.map((name) => fit.covariance?.names.indexOf(name) ?? -1);
    const missing = names.filter((_, i) => (position[i] as number) < 0);
    if (missing.length > 0) throw invalid(`The covariance has no entry for ${missing.join(', ')}`);
    const m = fit.covariance.names.length;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) sigma[i * k + j] = fit.covariance.values[(position[i] as number) * m + (position[j] as number)] as number;
    }
  } else {
    // Delta method: SE(ln p) = SE(p) / p; coefficients are on their own scale.
    paramNames.forEach((name, i) => (sigma[i * k + i] = ((fit.standardErrors[name] as number) / (fit.params[name] as number)) ** 2));
    purchase.forEach((name, i) => {
      const j = paramNames.length + i;
      sigma[j * k + j] = (fit.covariates?.purchase.standardErrors[name] as number) ** 2;
    });
    dropout.forEach((name, i) => {
      const j = paramNames.length + purchase.length + i;
      sigma[j * k + j] = (fit.covariates?.dropout.standardErrors[name] as number) ** 2;
    });
  }
  if (!center.every(Number.isFinite)) throw invalid('The estimates must be finite and the parameters > 0');
  const l = cholesky(sigma, k);
  if (l === undefined) throw invalid('The covariance is not a finite positive semi-definite matrix');
  const random = createRandom(seed);
  const values = new Float64Array(draws * k);
  const z = new Float64Array(k);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < k; i++) z[i] = sampleNormal(random);
    for (let i = 0; i < k; i++) {
      let sum = center[i] as number;
      for (let j = 0; j <= i; j++) sum += (l[i * k + j] as number) * (z[j] as number);
      values[d * k + i] = i < paramNames.length ? Math.exp(sum) : sum;
    }
  }
  return { count: draws, width: k, purchaseCount: purchase.length, dropoutCount: dropout.length, values };
}

/**
 * The lower Cholesky factor of a symmetric positive semi-definite matrix (a zero pivot gives a zero
 * column: a parameter with variance 0 is held fixed), or `undefined` if it is not PSD or not finite.
 * @internal
 */
export function cholesky(m: ArrayLike<number>, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j] as number;
      for (let c = 0; c < j; c++) sum -= (l[i * n + c] as number) * (l[j * n + c] as number);
      if (!Number.isFinite(sum)) return undefined;
      if (i === j) {
        const scaleOf = Math.abs(m[i * n + i] as number);
        if (sum < -1e-10 * Math.max(scaleOf, 1e-300)) return undefined;
        l[i * n + i] = sum > 0 ? Math.sqrt(sum) : 0;
      } else {
        const pivot = l[j * n + j] as number;
        l[i * n + j] = pivot > 0 ? sum / pivot : 0;
      }
    }
  }
  return l;
}

/**
 * The p-quantile of the first `n` values (R's type 7: linear interpolation between order
 * statistics), by selection in O(n); reorders `values`.
 * @internal
 */
export function quantileInPlace(values: Float64Array, n: number, p: number): number {
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const low = select(values, n, k);
  if (k + 1 >= n) return low;
  // After selection every value right of k is ≥ the k-th: the next order statistic is their minimum.
  let next = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < n; i++) if ((values[i] as number) < next) next = values[i] as number;
  return low + (h - k) * (next - low);
}

/** Hoare-style quickselect (median-of-three pivots): places the k-th smallest at index k. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot: deterministic and fine on sorted or constant input.
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** The interval of the first `n` values at `level` around `value`; reorders `values`. @internal */
export function intervalOf(value: number, values: Float64Array, n: number, level: number): { value: number; lower: number; upper: number } {
  const lower = quantileInPlace(values, n, (1 - level) / 2);
  const upper = quantileInPlace(values, n, (1 + level) / 2);
  return { value, lower, upper };
}
