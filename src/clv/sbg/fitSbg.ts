import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { degenerateDataError, PenalizerSchema, penalizerHint } from '../degenerateData.js';
import { logBeta } from '../../numeric/logGamma.js';
import { NeumaierSum } from '../../internal/sum.js';
import { maximizeLikelihood } from '../../numeric/maximizeLikelihood.js';
import { digamma } from '../../numeric/digamma.js';
import type { SbgFit } from './sbgFit.js';
import type { SbgParams } from './sbgParams.js';

const starts = [
  [0, 0],
  [Math.log(0.5), Math.log(3)],
  [Math.log(3), Math.log(0.5)],
] as const;

/**
 * The sBG log-likelihood of survival counts and, when `gradient` is given, d/d(α, β).
 *
 * LL = Σ_{t=1}^{k} (a_{t−1} − a_t) ln P(T = t) + a_k ln S(k), with P(T = t) = B(α+1, β+t−1)/B(α, β)
 * and S(t) = B(α, β+t)/B(α, β) (Fader & Hardie 2007, eqs. 3, 4 and B3). Zero counts add nothing.
 * @internal
 */
export function sbgLogLikelihoodKernel(params: SbgParams, alive: readonly number[], gradient?: Float64Array): number {
  const { alpha, beta } = params;
  const total = new NeumaierSum();
  const lb = logBeta(alpha, beta);
  const withGradient = gradient !== undefined;
  const psiAB = withGradient ? digamma(alpha + beta) : 0;
  const psiA = withGradient ? digamma(alpha) : 0;
  const psiB = withGradient ? digamma(beta) : 0;
  const psiA1 = withGradient ? digamma(alpha + 1) : 0;
  let gA = 0;
  let gB = 0;
  const k = alive.length - 1;
  for (let t = 1; t <= k; t++) {
    const churned = (alive[t - 1] as number) - (alive[t] as number);
    if (churned === 0) continue;
    total.add(churned * (logBeta(alpha + 1, beta + t - 1) - lb));
    if (withGradient) {
      const psiEnd = digamma(alpha + beta + t);
      gA += churned * (psiA1 - psiEnd - psiA + psiAB);
      gB += churned * (digamma(beta + t - 1) - psiEnd - psiB + psiAB);
    }
  }
  const survivors = alive[k] as number;
  if (survivors > 0) {
    total.add(survivors * (logBeta(alpha, beta + k) - lb));
    if (withGradient) {
      const psiEnd = digamma(alpha + beta + k);
      gA += survivors * (psiAB - psiEnd);
      gB += survivors * (digamma(beta + k) - psiEnd - psiB + psiAB);
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gA;
    gradient[1] = gB;
  }
  return total.value;
}

/** Options of {@link fitSbg}. @category CLV */
export interface FitSbgOptions {
  /**
   * An L2 penalty on the log-parameters: the fit minimises the negative mean log-likelihood plus
   * `penalizer · (ln² α + ln² β)`, so that degenerate counts (nobody churns) can be fitted on
   * purpose. The fit then reports `penalizer` and `penalty`; `logLikelihood` stays unpenalised.
   * @defaultValue 0
   */
  readonly penalizer?: number;
}

const OptionsSchema = z.object({ penalizer: PenalizerSchema }).strict();

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewal to one cohort's survival counts
 * by maximum likelihood.
 *
 * @remarks
 * `alive[t]` is the number of the cohort still subscribed after t renewal opportunities
 * (`alive[0]` is the cohort size). Each subscriber renews at the end of each period with
 * probability 1 − θ, θ ~ Beta(α, β); LL = Σₜ (alive[t−1] − alive[t]) ln P(T = t) + alive[k] ln S(k)
 * (Fader & Hardie 2007, "How to project customer retention", J. Interactive Marketing 21(1), eq. B3).
 * Counts need not be integers (percentages work and give the same estimates): they are divided by
 * the cohort size first, so counts anywhere in the range of doubles (1e-300 … 1e300) fit alike.
 * Minimises the negative mean LL over ln α, ln β with BFGS and analytic (digamma) gradients;
 * Nelder–Mead from fixed starts is the fallback (at most 200 optimiser evaluations in all);
 * standard errors from the observed information. Deterministic. O(k) per iteration.
 *
 * Edge cases: fewer than two counts → `invalid_input`; nobody churns, or everybody churns in the
 * first period → no interior maximum → `degenerate_data` at once, unless a `penalizer` is given. When the counts show no heterogeneity (a
 * constant retention rate, as with very few churners), the maximum drifts towards the geometric
 * limit: α and β become very large with α/(α+β) fixed, and their standard errors say so.
 *
 * @param alive - Survival counts a₀ ≥ a₁ ≥ … ≥ a_k ≥ 0 with a₀ > 0, all finite.
 * @param options - An optional `penalizer`.
 * @returns An {@link SbgFit}.
 * @throws {@link RelmarkError} `invalid_input` for counts that are not finite, negative, increasing
 *   or fewer than two (every issue with its path `['alive', t]`); `invalid_options` for unknown options
 *   or a negative penalizer; `degenerate_data` (with `details.hint`) when nobody churns or everybody
 *   churns at once; `not_converged` if the optimiser fails.
 * @example
 * ```ts
 * import { fitSbg } from 'relmark/clv';
 * const fit = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * [fit.params.alpha, fit.params.beta];
 * //=> [0.668, 3.806]
 * ```
 * @category CLV
 */
export function fitSbg(alive: readonly number[], options: FitSbgOptions = {}): SbgFit {
  const issues = survivalIssues(alive);
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'fitSbg: invalid survival counts', { issues });
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitSbg: invalid options', { code: 'invalid_options' });
  const penalizer = parsed.data.penalizer ?? 0;
  const total = alive[0] as number;
  if (!(penalizer > 0)) {
    if (alive[alive.length - 1] === total) {
      // Nobody churned: the likelihood rises towards θ → 0 (α → 0) and has no maximum.
      throw degenerateDataError(
        'fitSbg',
        { code: 'no_churn', path: ['alive'], message: 'nobody churned, so the churn probability runs to 0' },
        `observe more periods, or ${penalizerHint}`,
      );
    }
    if (alive[1] === 0) {
      throw degenerateDataError(
        'fitSbg',
        { code: 'all_churned_at_once', path: ['alive', 1], message: 'everybody churned in the first period, so the churn probability runs to 1' },
        `use a shorter first period, or ${penalizerHint}`,
      );
    }
  }
  // Shares of the cohort: the same estimates for any cohort size, and no overflow or underflow of
  // the mean for counts near the ends of the doubles. The total LL is total × the shares' LL.
  const shares = alive.map((a) => a / total);
  const gradient = new Float64Array(2);
  const toParams = (theta: Float64Array): SbgParams => ({ alpha: Math.exp(theta[0] as number), beta: Math.exp(theta[1] as number) });
  const objective = (theta: Float64Array, out: Float64Array) => {
    const p = toParams(theta);
    const ll = sbgLogLikelihoodKernel(p, shares, gradient);
    out[0] = -(gradient[0] as number) * p.alpha;
    out[1] = -(gradient[1] as number) * p.beta;
    return -ll;
  };
  const ml = maximizeLikelihood(objective, starts, 1, 'fitSbg', toParams, undefined, penalizer > 0 ? { penalizer } : {});
  const params = toParams(ml.theta);
  // The covariance of the shares' LL is `total` times that of the counts' LL: divide by √total.
  const rootTotal = Math.sqrt(total);
  const se = (i: number, value: number) => (value * Math.sqrt(ml.covariance[i * 2 + i] as number)) / rootTotal;
  return {
    model: 'sbg',
    params,
    logLikelihood: -ml.value * total,
    customers: total,
    periods: alive.length - 1,
    standardErrors: { alpha: se(0, params.alpha), beta: se(1, params.beta) },
    diagnostics: ml.diagnostics,
    ...(penalizer > 0 ? { penalizer, penalty: ml.penalty } : {}),
  };
}

function survivalIssues(alive: readonly number[]): RelmarkIssue[] {
  if (!Array.isArray(alive) || alive.length < 2) {
    return [{ code: 'too_small', path: ['alive'], message: 'Expected at least two survival counts (the cohort size and one later count)' }];
  }
  const issues: RelmarkIssue[] = [];
  let previous = Number.POSITIVE_INFINITY; // the last valid count
  alive.forEach((a, t) => {
    if (!(typeof a === 'number' && Number.isFinite(a) && a >= 0)) {
      issues.push({ code: 'invalid_value', path: ['alive', t], message: `A count must be finite and ≥ 0, received ${String(a)}` });
      return;
    }
    if (t === 0 && a === 0) issues.push({ code: 'invalid_value', path: ['alive', 0], message: 'The cohort size alive[0] must be > 0' });
    else if (a > previous) issues.push({ code: 'not_monotone', path: ['alive', t], message: `alive[${t}] (${a}) exceeds an earlier count (${previous}): survivors cannot increase` });
    previous = a;
  });
  return issues;
}
