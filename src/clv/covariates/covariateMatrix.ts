/**
 * Reading customers' covariates into matrices, with every missing or non-finite value reported.
 * @internal
 * @module
 */
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import type { CovariateNames } from './covariateFit.js';

/** A history that may carry covariates (values by name, as `PurchaseHistory.covariates`). @category CLV */
export interface WithCovariates {
  readonly covariates?: Readonly<Record<string, number>> | undefined;
}

/** The covariate names of a fit, both lists present. @internal */
export interface ResolvedCovariateNames {
  readonly purchase: readonly string[];
  readonly dropout: readonly string[];
}

/**
 * Checks the `covariates` option of a fitter: arrays of distinct non-empty strings, at least one name.
 * @throws {@link RelmarkError} `invalid_options` with paths `['covariates', 'purchase', i]`.
 * @internal
 */
export function resolveCovariateNames(option: unknown, where: string): ResolvedCovariateNames {
  const issues: RelmarkIssue[] = [];
  const lists: Record<'purchase' | 'dropout', string[]> = { purchase: [], dropout: [] };
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new RelmarkError('invalid_options', `${where}: invalid covariates option`, {
      issues: [{ code: 'invalid_type', path: ['covariates'], message: 'Expected { purchase?: string[], dropout?: string[] }' }],
    });
  }
  for (const key of Object.keys(option)) {
    if (key !== 'purchase' && key !== 'dropout') issues.push({ code: 'unrecognized_keys', path: ['covariates', key], message: `Unknown key "${key}"; expected purchase or dropout` });
  }
  for (const process of ['purchase', 'dropout'] as const) {
    const names = (option as CovariateNames)[process];
    if (names === undefined) continue;
    if (!Array.isArray(names)) {
      issues.push({ code: 'invalid_type', path: ['covariates', process], message: 'Expected an array of covariate names' });
      continue;
    }
    const seen = new Set<string>();
    names.forEach((name: unknown, i) => {
      if (typeof name !== 'string' || name.length === 0) issues.push({ code: 'invalid_type', path: ['covariates', process, i], message: 'A covariate name must be a non-empty string' });
      else if (seen.has(name)) issues.push({ code: 'duplicate_name', path: ['covariates', process, i], message: `Covariate "${name}" is named twice` });
      else {
        seen.add(name);
        lists[process].push(name);
      }
    });
  }
  if (issues.length === 0 && lists.purchase.length + lists.dropout.length === 0) {
    issues.push({ code: 'too_small', path: ['covariates'], message: 'Name at least one covariate (or leave the option out)' });
  }
  if (issues.length > 0) throw new RelmarkError('invalid_options', `${where}: invalid covariates option`, { issues });
  return lists;
}

/**
 * The covariate values of `histories` as a row-major n × k matrix (columns in the order of `names`).
 * @throws {@link RelmarkError} `invalid_input` listing every missing or non-finite value with its
 *   path `[rowPath, i, 'covariates', name]` (at most 1,000 issues).
 * @internal
 */
export function covariateMatrix(histories: readonly WithCovariates[], names: readonly string[], where: string, rowPath = 'histories'): Float64Array {
  const k = names.length;
  const out = new Float64Array(histories.length * k);
  const issues: RelmarkIssue[] = [];
  for (let i = 0; i < histories.length; i++) {
    const covariates = histories[i]?.covariates;
    for (let j = 0; j < k; j++) {
      const name = names[j] as string;
      const value = typeof covariates === 'object' && covariates !== null && Object.hasOwn(covariates, name) ? covariates[name] : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        if (issues.length < 1000) {
          issues.push({
            code: value === undefined ? 'missing_covariate' : 'invalid_value',
            path: [rowPath, i, 'covariates', name],
            message: value === undefined ? `Covariate "${name}" is missing` : `Covariate "${name}" must be a finite number, received ${String(value)}`,
          });
        }
      } else {
        out[i * k + j] = value;
      }
    }
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid covariates`, { issues });
  return out;
}

/**
 * The purchase and dropout matrices of {@link covariateMatrix}, reporting the issues of both (by row).
 * @throws {@link RelmarkError} `invalid_input` with every missing or non-finite value.
 * @internal
 */
export function covariateMatrices(histories: readonly WithCovariates[], names: ResolvedCovariateNames, where: string): { purchase: Float64Array; dropout: Float64Array } {
  const issues: RelmarkIssue[] = [];
  const read = (list: readonly string[]) => {
    try {
      return covariateMatrix(histories, list, where);
    } catch (error) {
      if (!(error instanceof RelmarkError)) throw error;
      issues.push(...error.issues);
      return new Float64Array(0);
    }
  };
  const purchase = read(names.purchase);
  const dropout = read(names.dropout);
  if (issues.length > 0) {
    const row = (issue: RelmarkIssue) => issue.path[1] as number;
    throw new RelmarkError('invalid_input', `${where}: invalid covariates`, { issues: issues.sort((a, b) => row(a) - row(b)).slice(0, 1000) });
  }
  return { purchase, dropout };
}

/**
 * One history's covariate vector for `names` (for predictions).
 * @throws {@link RelmarkError} `invalid_input` with paths `[rowPath, 'covariates', name]`.
 * @internal
 */
export function covariateVector(history: WithCovariates, names: readonly string[], where: string, rowPath = 'history'): Float64Array {
  try {
    return covariateMatrix([history], names, where, rowPath);
  } catch (error) {
    if (!(error instanceof RelmarkError)) throw error;
    throw new RelmarkError('invalid_input', error.message, { issues: error.issues.map((issue) => ({ ...issue, path: [rowPath, ...issue.path.slice(2)] })) });
  }
}

/** exp(sign · γᵀx) for row `row` of a row-major matrix. @internal */
export function linearExp(gamma: ArrayLike<number>, matrix: ArrayLike<number>, row: number, sign: 1 | -1): number {
  const k = gamma.length;
  let eta = 0;
  for (let j = 0; j < k; j++) eta += (gamma[j] as number) * (matrix[row * k + j] as number);
  return Math.exp(sign * eta);
}
