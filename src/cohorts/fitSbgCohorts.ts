import * as z from 'zod';
import { RelmarkError, isRelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { fitSbg, sbgLogLikelihoodKernel } from '../clv/sbg/fitSbg.js';

import type { SbgParams } from '../clv/sbg/sbgParams.js';
import { maximizeLikelihood } from '../numeric/maximizeLikelihood.js';
import { NeumaierSum } from '../internal/sum.js';
import { describeValue } from '../internal/describeValue.js';
import { parseCohortOptions } from './cohortOptions.js';
import type { CohortTable } from './cohortTableTypes.js';

/** One cohort's survival counts, for {@link fitSbgCohorts}. @category Cohorts */
export interface SbgCohortInput {
  /** The cohort's name (a label such as `'2024-01'`). */
  readonly cohort: string;
  /** The group (with `groupBy`), or `null`. @defaultValue null */
  readonly group?: string | null;
  /** alive[t]: customers still there after t periods; alive[0] is the cohort size (non-increasing, finite, ≥ 0). */
  readonly alive: readonly number[];
}

/** Options of {@link fitSbgCohorts}. @category Cohorts */
export interface FitSbgCohortsOptions {
  /** `'shared'`: one (α, β) for every cohort; `'per-cohort'`: one pair per cohort. @defaultValue 'shared' */
  readonly parameters?: 'shared' | 'per-cohort';
}

/** One cohort of an {@link SbgCohortsFit}. @category Cohorts */
export interface SbgCohortFit {
  readonly cohort: string;
  readonly group: string | null;
  /** The parameters that describe this cohort (the shared pair, or its own). */
  readonly params: SbgParams;
  /** The cohort size alive[0]. */
  readonly customers: number;
  /** The periods observed (the counts after period 0). */
  readonly periods: number;
  /** alive[periods]: the customers still there at the end of observation. */
  readonly survivors: number;
  /** This cohort's log-likelihood at `params`. */
  readonly logLikelihood: number;
}

/**
 * The shifted-beta-geometric model fitted to several cohorts: plain data.
 * @remarks `logLikelihood` is the total over the fitted cohorts; `parameterCount` is 2 (shared) or
 * 2 × cohorts (per cohort); `aic` = 2·parameterCount − 2·logLikelihood, so that the two choices compare
 * on the same counts (lower is better; the per-cohort LL is never below the shared one).
 * `skipped` lists cohorts that cannot inform a fit (fewer than two counts; in a per-cohort fit also
 * those where nobody or everybody churned at once), with the reason.
 * @category Cohorts
 */
export interface SbgCohortsFit {
  readonly model: 'sbg-cohorts';
  readonly parameters: 'shared' | 'per-cohort';
  readonly cohorts: readonly SbgCohortFit[];
  readonly logLikelihood: number;
  readonly parameterCount: number;
  readonly aic: number;
  readonly skipped: readonly { readonly cohort: string; readonly group: string | null; readonly reason: string }[];
}

const OptionsSchema = z.strictObject({ parameters: z.enum(['shared', 'per-cohort']).default('shared') });

const starts = [
  [0, 0],
  [Math.log(0.5), Math.log(3)],
  [Math.log(3), Math.log(0.5)],
] as const;

/**
 * Fits the shifted-beta-geometric (sBG) model of retention to several cohorts at once, with one
 * (α, β) shared by all or one per cohort, chosen by the caller, from survival counts or straight from
 * a {@link cohortTable}.
 *
 * @remarks
 * Each subscriber churns at the end of a period with probability θ ~ Beta(α, β); a cohort's
 * log-likelihood is LL = Σₜ (a_{t−1} − a_t) ln P(T = t) + a_k ln S(k) (Fader & Hardie 2007, "How to
 * project customer retention", J. Interactive Marketing 21(1), eq. B3), and a shared fit maximises
 * the sum over cohorts (cohorts of different ages — the triangle — each add their own k). Per cohort,
 * each is {@link fitSbg}. Compare the two by `aic` (or 2·ΔLL against χ² with 2(n − 1) degrees of
 * freedom).
 *
 * From a cohort table, a cohort's counts are the `survivors` of its complete cells: the customers
 * with a purchase in that period or later. In a subscription log (one payment per period until the
 * customer leaves) that is exactly the subscribers still there; for repeat purchases it is a proxy
 * that counts as lost, near the end of observation, customers who will come back later.
 *
 * Edge cases: cohorts with fewer than two counts are skipped (listed); a shared fit where nobody churns
 * in any cohort throws `degenerate_data`. Deterministic (fixed optimiser starts). O(Σ k) per iteration.
 *
 * @param cohorts - A {@link CohortTable}, or survival counts per cohort.
 * @param options - `parameters`: `'shared'` (default) or `'per-cohort'`.
 * @returns An {@link SbgCohortsFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid counts (path `['cohorts', i, 'alive', t]`)
 *   or when no cohort has two counts; `invalid_options` for an unknown `parameters`;
 *   `degenerate_data` when the counts cannot identify the model; `not_converged` if the optimiser fails.
 * @example
 * ```ts
 * import { fitSbgCohorts } from 'relmark/cohorts';
 * // Fader & Hardie (2007): two cohorts of 1,000 subscribers over 7 years.
 * const fit = fitSbgCohorts(
 *   [
 *     { cohort: 'regular', alive: [1000, 631, 468, 382, 326, 289, 262, 241] },
 *     { cohort: 'high end', alive: [1000, 869, 743, 653, 593, 551, 517, 491] },
 *   ],
 *   { parameters: 'per-cohort' },
 * );
 * fit.cohorts.map((c) => [c.cohort, c.params.alpha, c.params.beta]);
 * //=> [['regular', 0.704, 1.182], ['high end', 0.668, 3.806]]
 * ```
 * @category Cohorts
 */
export function fitSbgCohorts(cohorts: CohortTable | readonly SbgCohortInput[], options: FitSbgCohortsOptions = {}): SbgCohortsFit {
  const { parameters } = parseCohortOptions(OptionsSchema, options, 'fitSbgCohorts');
  const inputs = cohortInputs(cohorts);
  const usable: { index: number; cohort: string; group: string | null; alive: readonly number[] }[] = [];
  const skipped: { cohort: string; group: string | null; reason: string }[] = [];
  inputs.forEach((c, index) => {
    if (c.alive.length < 2) skipped.push({ cohort: c.cohort, group: c.group, reason: 'fewer than two survival counts (no complete period after acquisition)' });
    else usable.push({ index, ...c });
  });
  if (usable.length === 0) {
    throw new RelmarkError('invalid_input', 'fitSbgCohorts: no cohort has two survival counts', {
      issues: [{ code: 'too_small', path: ['cohorts'], message: 'Expected a cohort observed for at least one complete period after acquisition' }],
    });
  }
  return parameters === 'shared' ? fitShared(usable, skipped) : fitPerCohort(usable, skipped);
}

type Usable = { index: number; cohort: string; group: string | null; alive: readonly number[] };
type Skipped = { cohort: string; group: string | null; reason: string };

function fitPerCohort(usable: readonly Usable[], skipped: Skipped[]): SbgCohortsFit {
  const fits: SbgCohortFit[] = [];
  for (const c of usable) {
    try {
      const fit = fitSbg(c.alive);
      fits.push(cohortFit(c, fit.params, fit.logLikelihood));
    } catch (error) {
      if (isRelmarkError(error) && error.code === 'degenerate_data') {
        skipped.push({ cohort: c.cohort, group: c.group, reason: error.issues[0]?.message ?? error.message });
        continue;
      }
      throw prefixed(error, c.index);
    }
  }
  if (fits.length === 0) {
    throw new RelmarkError('degenerate_data', 'fitSbgCohorts: no cohort can identify the model on its own (nobody, or everybody at once, churned in each)', {
      issues: skipped.map((s) => ({ code: 'degenerate_cohort', path: ['cohorts', s.cohort], message: s.reason })),
      details: { hint: "fit the cohorts together with { parameters: 'shared' }" },
    });
  }
  const total = new NeumaierSum();
  for (const f of fits) total.add(f.logLikelihood);
  return result('per-cohort', fits, total.value, 2 * fits.length, skipped);
}

function fitShared(usable: readonly Usable[], skipped: Skipped[]): SbgCohortsFit {
  let customers = 0;
  let churned = 0;
  let firstPeriodAll = true;
  for (const c of usable) {
    const a0 = c.alive[0] as number;
    customers += a0;
    churned += a0 - (c.alive[c.alive.length - 1] as number);
    if ((c.alive[1] as number) > 0) firstPeriodAll = false;
  }
  if (churned === 0 || firstPeriodAll) {
    throw new RelmarkError('degenerate_data', `fitSbgCohorts: the data cannot identify the model (${churned === 0 ? 'nobody churned in any cohort' : 'everybody churned in the first period in every cohort'})`, {
      issues: [{ code: churned === 0 ? 'no_churn' : 'all_churned_at_once', path: ['cohorts'], message: churned === 0 ? 'nobody churned in any cohort' : 'everybody churned in the first period' }],
      details: { hint: 'observe more periods', evaluations: 0 },
    });
  }
  // Shares of the total customers: the mean LL is Σ_cohorts LL(shares) — the same estimates for any scale.
  const shares = usable.map((c) => c.alive.map((a) => a / customers));
  const gradient = new Float64Array(2);
  const toParams = (theta: Float64Array): SbgParams => ({ alpha: Math.exp(theta[0] as number), beta: Math.exp(theta[1] as number) });
  const objective = (theta: Float64Array, out: Float64Array) => {
    const p = toParams(theta);
    let ll = 0;
    let gA = 0;
    let gB = 0;
    for (const s of shares) {
      ll += sbgLogLikelihoodKernel(p, s, gradient);
      gA += gradient[0] as number;
      gB += gradient[1] as number;
    }
    out[0] = -gA * p.alpha;
    out[1] = -gB * p.beta;
    return -ll;
  };
  const ml = maximizeLikelihood(objective, starts, 1, 'fitSbgCohorts', toParams);
  const params = toParams(ml.theta);
  const fits = usable.map((c) => cohortFit(c, params, sbgLogLikelihoodKernel(params, c.alive)));
  return result('shared', fits, -ml.value * customers, 2, skipped);
}

function cohortFit(c: Usable, params: SbgParams, logLikelihood: number): SbgCohortFit {
  return {
    cohort: c.cohort,
    group: c.group,
    params,
    customers: c.alive[0] as number,
    periods: c.alive.length - 1,
    survivors: c.alive[c.alive.length - 1] as number,
    logLikelihood,
  };
}

function result(parameters: 'shared' | 'per-cohort', cohorts: SbgCohortFit[], logLikelihood: number, parameterCount: number, skipped: Skipped[]): SbgCohortsFit {
  return { model: 'sbg-cohorts', parameters, cohorts, logLikelihood, parameterCount, aic: 2 * parameterCount - 2 * logLikelihood, skipped };
}

function prefixed(error: unknown, index: number): unknown {
  if (!isRelmarkError(error)) return error;
  return new RelmarkError(error.code, error.message.replace('fitSbg:', `fitSbgCohorts: cohort ${index}:`), {
    issues: error.issues.map((issue: RelmarkIssue) => ({ ...issue, path: ['cohorts', index, ...issue.path] })),
    ...(error.details === undefined ? {} : { details: error.details }),
    cause: error,
  });
}

function cohortInputs(cohorts: CohortTable | readonly SbgCohortInput[]): { cohort: string; group: string | null; alive: readonly number[] }[] {
  let list: readonly unknown[];
  const issues: RelmarkIssue[] = [];
  if (Array.isArray(cohorts)) list = cohorts;
  else if (typeof cohorts === 'object' && cohorts !== null && Array.isArray((cohorts as CohortTable).cohorts)) {
    // A cohort table: each row's counts are the survivors of its complete cells.
    list = (cohorts as CohortTable).cohorts.map((row: unknown) => {
      const r = row as { cohort?: unknown; group?: unknown; cells?: unknown };
      if (typeof row !== 'object' || row === null || !Array.isArray(r.cells)) return row;
      const cells = r.cells as unknown[];
      const complete = cells.filter((cell) => typeof cell === 'object' && cell !== null && (cell as { complete?: unknown }).complete === true);
      return { cohort: r.cohort, group: r.group, alive: complete.map((cell) => (cell as { survivors?: unknown }).survivors) };
    });
  } else {
    throw new RelmarkError('invalid_input', 'fitSbgCohorts: invalid cohorts', {
      issues: [{ code: 'invalid_type', path: ['cohorts'], message: 'Expected a cohort table or an array of { cohort, alive }' }],
    });
  }
  const out = Array.from(list, (item, i) => {
    const c = item as Partial<SbgCohortInput> | null | undefined;
    if (typeof c !== 'object' || c === null || typeof c.cohort !== 'string' || !Array.isArray(c.alive) || !(c.group === undefined || c.group === null || typeof c.group === 'string')) {
      issues.push({ code: 'invalid_type', path: ['cohorts', i], message: 'Expected { cohort: string, group?: string | null, alive: number[] }' });
      return { cohort: '', group: null, alive: [] };
    }
    const alive: readonly unknown[] = c.alive;
    let previous = Number.POSITIVE_INFINITY;
    for (let t = 0; t < alive.length; t++) {
      const a = alive[t];
      if (!(typeof a === 'number' && Number.isFinite(a) && a >= 0)) {
        issues.push({ code: 'invalid_value', path: ['cohorts', i, 'alive', t], message: `A count must be finite and ≥ 0, received ${describeValue(a)}` });
        continue;
      }
      if (t === 0 && a === 0) issues.push({ code: 'invalid_value', path: ['cohorts', i, 'alive', 0], message: 'The cohort size alive[0] must be > 0' });
      else if (a > previous) issues.push({ code: 'not_monotone', path: ['cohorts', i, 'alive', t], message: `alive[${t}] (${a}) exceeds an earlier count (${previous}): survivors cannot increase` });
      previous = a;
    }
    return { cohort: c.cohort, group: c.group ?? null, alive: alive as readonly number[] };
  });
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'fitSbgCohorts: invalid survival counts', { issues });
  return out;
}
