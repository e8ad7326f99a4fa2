/**
 * Maximum-likelihood fitting of a transaction model in which every customer's rate parameters are
 * scaled by exp(±γᵀx) of its time-invariant covariates; shared by the Pareto/NBD and BG/NBD fitters.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../../models/primitives.js';
import { checkTransactionHistoriesIdentify } from '../degenerateData.js';
import { historyColumnsOf, type HistoryColumns } from '../historyColumns.js';
import { type FitDiagnostics, maximizeLikelihood } from '../../numeric/maximizeLikelihood.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { CovariateNames, FitCovariates, ParameterCovariance } from './covariateFit.js';
import { covariateMatrices, resolveCovariateNames, type WithCovariates } from './covariateMatrix.js';
import { GammaMemo } from './rowLogLikelihoods.js';

/** How a covariate moves a model parameter: qᵢ = q₀·exp(sign·γᵀxᵢ). @internal */
export interface CovariateLink {
  readonly index: number;
  readonly sign: 1 | -1;
}

/** What {@link fitWithCovariates} needs to know about a model. @internal */
export interface CovariateModelSpec<K extends string> {
  readonly where: string;
  /** The four model parameters in the order of `row`'s parameter and gradient arrays. */
  readonly names: readonly [K, K, K, K];
  /** Indices of the parameters that are rates per time unit (divided by the time scale on return). */
  readonly rates: readonly number[];
  readonly purchase: readonly CovariateLink[];
  readonly dropout: readonly CovariateLink[];
  /** One customer's ln L at individual parameters, writing ∂/∂params into `gradient`. */
  row(params: ArrayLike<number>, x: number, tx: number, T: number, gradient: Float64Array, memo: GammaMemo): number;
  /** The fit without covariates (a start), on the caller's axis; may throw. */
  plain(columns: HistoryColumns): Readonly<Record<K, number>>;
}

/** Options of the covariate fitters. @internal */
export interface CovariateFitOptions {
  readonly timeUnit?: TimeUnit;
  readonly covariates: CovariateNames;
}

/** The fields a covariate fit adds to or shares with a plain fit. @internal */
export interface CovariateFitResult<K extends string> {
  readonly params: Record<K, number>;
  readonly timeUnit: TimeUnit;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly standardErrors: Record<K, number>;
  readonly diagnostics: FitDiagnostics;
  readonly covariates: FitCovariates;
  readonly covariance: ParameterCovariance;
}

/** Customers grouped by identical (x, tₓ, T, covariates), times rescaled, covariates standardised. */
interface Grouped {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly w: Float64Array;
  /** Row-major standardised covariates: purchase then dropout, kp + kd columns. */
  readonly z: Float64Array;
}

/**
 * Fits `spec` with covariates. Method: histories are validated (paths), covariates read
 * (`[histories, i, covariates, name]` for a missing or non-finite value), customers with identical
 * (x, tₓ, T, covariates) grouped; time rescaled to max T = 1 and every covariate standardised
 * (centred, divided by its standard deviation) so that the log-parameters and coefficients are of
 * order 1; the start is the fit without covariates with γ = 0; BFGS with the analytic gradient (chain
 * rule through qᵢ = q₀·exp(±γᵀxᵢ)), Nelder–Mead fallback, as {@link maximizeLikelihood}. Estimates,
 * standard errors and the covariance are mapped back to the caller's axis and covariates (the
 * standardisation is linear in (ln q₀, γ), so the covariance maps exactly as AΣAᵀ).
 * @internal
 */
export function fitWithCovariates<K extends string>(
  histories: readonly (HistoryPoint & WithCovariates)[] | HistoryColumns,
  options: CovariateFitOptions,
  spec: CovariateModelSpec<K>,
): CovariateFitResult<K> {
  const { where } = spec;
  const unknown = Object.keys(options).filter((key) => key !== 'timeUnit' && key !== 'covariates');
  const timeUnit = TimeUnitSchema.optional().safeParse(options.timeUnit);
  if (unknown.length > 0 || !timeUnit.success) {
    throw new RelmarkError('invalid_options', `${where}: invalid options`, {
      issues: [
        ...unknown.map((key) => ({ code: 'unrecognized_keys', path: [key], message: `Option "${key}" is not supported together with covariates` })),
        ...(timeUnit.success ? [] : [{ code: 'invalid_value', path: ['timeUnit'], message: 'Expected a time unit' }]),
      ],
    });
  }
  const names = resolveCovariateNames(options.covariates, where);
  if (!Array.isArray(histories)) {
    throw new RelmarkError('invalid_input', `${where}: covariates need histories as objects`, {
      issues: [{ code: 'invalid_type', path: ['histories'], message: 'History columns carry no covariates; pass an array of { x, tx, T, covariates }' }],
    });
  }
  const columns = historyColumnsOf(histories, where);
  const { purchase: purchaseX, dropout: dropoutX } = covariateMatrices(histories, names, where);
  const n = columns.x.length;
  if (n === 0) throw new RelmarkError('empty_input', `${where}: no customers to fit`);
  let maxT = 0;
  for (let i = 0; i < n; i++) maxT = Math.max(maxT, columns.T[i] as number);
  if (!(maxT > 0)) {
    throw new RelmarkError('invalid_input', `${where}: every customer has T = 0, so the data carry no information`, {
      issues: [{ code: 'no_information', path: ['T'], message: 'At least one customer must have T > 0' }],
    });
  }
  checkTransactionHistoriesIdentify(columns, where);
  const kp = names.purchase.length;
  const kd = names.dropout.length;
  const k = kp + kd;
  // Standardise every covariate column; a constant one cannot be told apart from q₀.
  const means = new Float64Array(k);
  const sds = new Float64Array(k);
  const column = (j: number, i: number) => (j < kp ? (purchaseX[i * kp + j] as number) : (dropoutX[i * kd + j - kp] as number));
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column(j, i);
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (column(j, i) - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    if (!(sd > 0) || sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
      const process = j < kp ? 'purchase' : 'dropout';
      const name = j < kp ? names.purchase[j] : names.dropout[j - kp];
      throw new RelmarkError('degenerate_data', `${where}: covariate "${name}" has the same value for every customer`, {
        issues: [{ code: 'constant_covariate', path: ['covariates', process, j < kp ? j : j - kp], message: `Covariate "${name}" is constant (${mean}); its effect cannot be told apart from the model's rate parameter` }],
        details: { hint: 'Leave the covariate out' },
      });
    }
    means[j] = mean;
    sds[j] = sd;
  }
  const scale = 1 / maxT;
  const data = group(columns, column, k, means, sds, scale);
  const totalWeight = n;
  let weightedX = 0;
  for (let i = 0; i < n; i++) weightedX += columns.x[i] as number;

  const dimension = 4 + k;
  const objective = negativeMeanLogLikelihood(spec, data, kp, kd);
  const zeros = new Array<number>(dimension).fill(0);
  const starts: number[][] = [];
  // The subsample of the warm start (below), or all groups: the start is its fit without covariates
  // (γ = 0 on centred covariates), on the rescaled axis already.
  const large = data.w.length > 20_000;
  const sample = large ? strideSample(data, k, Math.ceil(data.w.length / 8_000)) : data;
  try {
    const plain = spec.plain({ x: sample.x, tx: sample.tx, T: sample.T, weights: sample.w });
    starts.push([...spec.names.map((name) => Math.log(plain[name] as number)), ...new Array<number>(k).fill(0)]);
  } catch {
    // No plain optimum: start from the fixed points.
  }
  starts.push(zeros, [Math.log(0.5), Math.log(0.3), Math.log(0.5), Math.log(0.3), ...new Array<number>(k).fill(0)]);
  const toParams = (theta: Float64Array) => Object.fromEntries(spec.names.map((name, j) => [name, Math.exp(theta[j] as number)]));
  // Above 20,000 rows, the optimum of a fixed 1-in-k subsample of about 8,000 rows is the warm start
  // (its inverse Hessian the first BFGS metric); the full data are then maximised to the same
  // tolerance, so this is a start, not an approximation.
  let warm: { start: number[]; inverseHessian: Float64Array } | undefined;
  if (large) {
    const sampleWeight = sum(sample.w);
    try {
      const fit = maximizeLikelihood(negativeMeanLogLikelihood(spec, sample, kp, kd), starts, sampleWeight, where, toParams, undefined, { hessian: rowHessian(spec, sample, kp, kd) });
      warm = { start: Array.from(fit.theta), inverseHessian: fit.covariance.map((v) => v * sampleWeight) };
    } catch {
      warm = undefined;
    }
  }
  const ml = maximizeLikelihood(objective, warm === undefined ? starts : [warm.start, ...starts], totalWeight, where, toParams, warm?.inverseHessian, {
    hessian: rowHessian(spec, data, kp, kd),
  });

  // Back to raw covariates and the caller's axis: θ = A θ' (linear), Σ = A Σ' Aᵀ.
  const a = new Float64Array(dimension * dimension);
  for (let j = 0; j < dimension; j++) a[j * dimension + j] = 1;
  for (let c = 0; c < k; c++) a[(4 + c) * dimension + 4 + c] = 1 / (sds[c] as number);
  for (const [links, offset, count] of [[spec.purchase, 0, kp], [spec.dropout, kp, kd]] as const) {
    for (const link of links) {
      for (let c = 0; c < count; c++) a[link.index * dimension + 4 + offset + c] = (-link.sign * (means[offset + c] as number)) / (sds[offset + c] as number);
    }
  }
  const theta = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) {
    let sum = 0;
    for (let j = 0; j < dimension; j++) sum += (a[i * dimension + j] as number) * (ml.theta[j] as number);
    theta[i] = sum;
  }
  // A rate on the axis rescaled by 1/maxT is maxT times smaller than on the caller's axis.
  for (const j of spec.rates) theta[j] = (theta[j] as number) + Math.log(maxT);
  const covariance = sandwich(a, ml.covariance, dimension);
  const params = {} as Record<K, number>;
  const standardErrors = {} as Record<K, number>;
  spec.names.forEach((name, j) => {
    params[name] = Math.exp(theta[j] as number);
    standardErrors[name] = params[name] * Math.sqrt(covariance[j * dimension + j] as number);
  });
  const effects = (list: readonly string[], offset: number) => ({
    names: [...list],
    coefficients: Object.fromEntries(list.map((name, c) => [name, theta[4 + offset + c] as number])),
    standardErrors: Object.fromEntries(list.map((name, c) => [name, Math.sqrt(covariance[(4 + offset + c) * (dimension + 1)] as number)])),
  });
  return {
    params,
    timeUnit: options.timeUnit ?? 'week',
    logLikelihood: -ml.value * totalWeight + weightedX * Math.log(scale),
    customers: totalWeight,
    standardErrors,
    diagnostics: ml.diagnostics,
    covariates: { purchase: effects(names.purchase, 0), dropout: effects(names.dropout, kp) },
    covariance: {
      names: [...spec.names, ...names.purchase.map((name) => `purchase.${name}`), ...names.dropout.map((name) => `dropout.${name}`)],
      values: Array.from(covariance),
    },
  };
}

/** Σ of a column. */
function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/** Every `stride`-th group. */
function strideSample(data: Grouped, k: number, stride: number): Grouped {
  const rows: number[] = [];
  for (let i = 0; i < data.w.length; i += stride) rows.push(i);
  const z = new Float64Array(rows.length * k);
  rows.forEach((i, r) => z.set(data.z.subarray(i * k, i * k + k), r * k));
  return {
    x: Float64Array.from(rows, (i) => data.x[i] as number),
    tx: Float64Array.from(rows, (i) => data.tx[i] as number),
    T: Float64Array.from(rows, (i) => data.T[i] as number),
    w: Float64Array.from(rows, (i) => data.w[i] as number),
    z,
  };
}

/**
 * u = ln qᵢ (the customer's own log-parameters) of one group at θ: θⱼ plus sign·γᵀz of each linked
 * process. u is linear in θ, which is what makes {@link rowHessian} exact up to its differences.
 */
function logIndividual<K extends string>(spec: CovariateModelSpec<K>, theta: ArrayLike<number>, z: Float64Array, row: number, kp: number, kd: number, u: Float64Array): void {
  const k = kp + kd;
  for (let j = 0; j < 4; j++) u[j] = theta[j] as number;
  for (const [links, offset, count] of [[spec.purchase, 0, kp], [spec.dropout, kp, kd]] as const) {
    let eta = 0;
    for (let c = 0; c < count; c++) eta += (theta[4 + offset + c] as number) * (z[row * k + offset + c] as number);
    for (const link of links) u[link.index] = (u[link.index] as number) + link.sign * eta;
  }
}

/** ∂uⱼ/∂θ for one group: 1 on θⱼ, sign·z on the linked process's coefficients. */
function jacobianRow<K extends string>(spec: CovariateModelSpec<K>, j: number, z: Float64Array, row: number, kp: number, kd: number, out: Float64Array): void {
  out.fill(0);
  out[j] = 1;
  const k = kp + kd;
  for (const [links, offset, count] of [[spec.purchase, 0, kp], [spec.dropout, kp, kd]] as const) {
    for (const link of links) {
      if (link.index !== j) continue;
      for (let c = 0; c < count; c++) out[4 + offset + c] = link.sign * (z[row * k + offset + c] as number);
    }
  }
}

/**
 * The negative mean log-likelihood over θ = (ln q₀, γ on standardised covariates) with its analytic
 * gradient: ∂/∂θ = Σ w·Jᵀ·(q ∘ ∂ln L/∂q), J = ∂u/∂θ.
 */
function negativeMeanLogLikelihood<K extends string>(spec: CovariateModelSpec<K>, data: Grouped, kp: number, kd: number) {
  const k = kp + kd;
  const dimension = 4 + k;
  const totalWeight = sum(data.w);
  const u = new Float64Array(4);
  const q = new Float64Array(4);
  const g = new Float64Array(4);
  const memo = new GammaMemo();
  return (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let total = 0;
    for (let row = 0; row < data.w.length; row++) {
      logIndividual(spec, theta, data.z, row, kp, kd, u);
      for (let j = 0; j < 4; j++) q[j] = Math.exp(u[j] as number);
      const w = data.w[row] as number;
      total += w * spec.row(q, data.x[row] as number, data.tx[row] as number, data.T[row] as number, g, memo);
      for (let j = 0; j < 4; j++) gradient[j] = (gradient[j] as number) + w * (q[j] as number) * (g[j] as number);
      for (const [links, offset, count] of [[spec.purchase, 0, kp], [spec.dropout, kp, kd]] as const) {
        let d = 0;
        for (const link of links) d += link.sign * (q[link.index] as number) * (g[link.index] as number);
        for (let c = 0; c < count; c++) gradient[4 + offset + c] = (gradient[4 + offset + c] as number) + w * d * (data.z[row * k + offset + c] as number);
      }
    }
    for (let j = 0; j < dimension; j++) gradient[j] = -(gradient[j] as number) / totalWeight;
    return Number.isFinite(total) ? -total / totalWeight : Number.NaN;
  };
}

/**
 * The Hessian of the negative mean log-likelihood at θ as Σ w·Jᵀ·Hᵤ·J / W, with Hᵤ the 4 × 4 Hessian
 * of one customer's ln L in u = ln q by central differences of its analytic u-gradient (8 row
 * evaluations per group, whatever the number of covariates; central differences of the full
 * gradient would cost 2·(4 + k) evaluations of every row). u is linear in θ, so there is no
 * second-derivative term of the map.
 */
function rowHessian<K extends string>(spec: CovariateModelSpec<K>, data: Grouped, kp: number, kd: number) {
  const k = kp + kd;
  const dimension = 4 + k;
  const totalWeight = sum(data.w);
  return (theta: Float64Array): Float64Array => {
    const hessian = new Float64Array(dimension * dimension);
    const u = new Float64Array(4);
    const q = new Float64Array(4);
    const g = new Float64Array(4);
    const up = new Float64Array(4);
    const hu = new Float64Array(16);
    const jac = new Float64Array(4 * dimension);
    const row = new Float64Array(dimension);
    const memo = new GammaMemo();
    const gradientAt = (at: Float64Array, r: number, out: Float64Array) => {
      for (let j = 0; j < 4; j++) q[j] = Math.exp(at[j] as number);
      spec.row(q, data.x[r] as number, data.tx[r] as number, data.T[r] as number, g, memo);
      for (let j = 0; j < 4; j++) out[j] = (q[j] as number) * (g[j] as number);
    };
    const plus = new Float64Array(4);
    const minus = new Float64Array(4);
    for (let r = 0; r < data.w.length; r++) {
      logIndividual(spec, theta, data.z, r, kp, kd, u);
      for (let j = 0; j < 4; j++) {
        const h = 1e-4 * Math.max(1, Math.abs(u[j] as number));
        up.set(u);
        up[j] = (u[j] as number) + h;
        gradientAt(up, r, plus);
        up[j] = (u[j] as number) - h;
        gradientAt(up, r, minus);
        for (let i = 0; i < 4; i++) hu[i * 4 + j] = ((plus[i] as number) - (minus[i] as number)) / (2 * h);
      }
      for (let j = 0; j < 4; j++) jacobianRow(spec, j, data.z, r, kp, kd, jac.subarray(j * dimension, (j + 1) * dimension));
      const w = data.w[r] as number;
      // H += w · Jᵀ · sym(Hᵤ) · J.
      for (let a = 0; a < 4; a++) {
        row.fill(0);
        for (let b = 0; b < 4; b++) {
          const hab = ((hu[a * 4 + b] as number) + (hu[b * 4 + a] as number)) / 2;
          if (hab === 0) continue;
          for (let c = 0; c < dimension; c++) row[c] = (row[c] as number) + hab * (jac[b * dimension + c] as number);
        }
        for (let c1 = 0; c1 < dimension; c1++) {
          const ja = jac[a * dimension + c1] as number;
          if (ja === 0) continue;
          for (let c2 = 0; c2 < dimension; c2++) hessian[c1 * dimension + c2] = (hessian[c1 * dimension + c2] as number) + w * ja * (row[c2] as number);
        }
      }
    }
    for (let i = 0; i < hessian.length; i++) hessian[i] = -(hessian[i] as number) / totalWeight;
    return hessian;
  };
}

/** A Σ Aᵀ for row-major n × n matrices. */
function sandwich(a: Float64Array, sigma: Float64Array, n: number): Float64Array {
  const as = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let m = 0; m < n; m++) sum += (a[i * n + m] as number) * (sigma[m * n + j] as number);
      as[i * n + j] = sum;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let m = 0; m < n; m++) sum += (as[i * n + m] as number) * (a[j * n + m] as number);
      out[i * n + j] = sum;
    }
  }
  return out;
}

/** Groups customers with identical (x, tₓ, T, covariates); rescales times, standardises covariates. */
function group(columns: HistoryColumns, column: (j: number, i: number) => number, k: number, means: Float64Array, sds: Float64Array, scale: number): Grouped {
  const n = columns.x.length;
  const index = new Map<string, number>();
  const rows: number[] = [];
  const weights: number[] = [];
  const values = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) values[j] = column(j, i);
    const key = `${columns.x[i]},${columns.tx[i]},${columns.T[i]},${values.join(',')}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push(i);
      weights.push(1);
    } else {
      weights[at] = (weights[at] as number) + 1;
    }
  }
  const m = rows.length;
  const z = new Float64Array(m * k);
  rows.forEach((i, r) => {
    for (let j = 0; j < k; j++) z[r * k + j] = (column(j, i) - (means[j] as number)) / (sds[j] as number);
  });
  return {
    x: Float64Array.from(rows, (i) => columns.x[i] as number),
    tx: Float64Array.from(rows, (i) => (columns.tx[i] as number) * scale),
    T: Float64Array.from(rows, (i) => (columns.T[i] as number) * scale),
    w: Float64Array.from(weights),
    z,
  };
}
