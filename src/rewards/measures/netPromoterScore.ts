import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { describeValue } from '../../internal/describeValue.js';
import { requireArray } from '../../internal/guards.js';
import { parseOptions } from '../parseOptions.js';
import { criticalValue } from '../../numeric/normalQuantile.js';

/** Options shared by {@link netPromoterScore} and {@link csatScore}. @category Relationship measures */
export interface ScoreIntervalOptions {
  /** Confidence level of the interval, in (0, 1). @defaultValue 0.95 */
  readonly confidence?: number;
  /** Fewer responses than this set `smallSample` and a warning. @defaultValue 30 */
  readonly minSampleSize?: number;
}

/** @internal */
export const ScoreIntervalOptionsSchema = z.object({
  confidence: z.number().gt(0).lt(1).default(0.95),
  minSampleSize: z.number().int().min(1).default(30),
});

/** A Net Promoter Score with its counts and interval. @category Relationship measures */
export interface NpsResult {
  /** Responses counted. */
  readonly count: number;
  /** Scores 9–10. */
  readonly promoters: number;
  /** Scores 7–8. */
  readonly passives: number;
  /** Scores 0–6. */
  readonly detractors: number;
  /** 100 · (promoters − detractors) / count, in [−100, 100]. */
  readonly nps: number;
  /** Standard error of `nps` (in NPS points). */
  readonly standardError: number;
  readonly confidence: number;
  /** Wald interval `nps ± z · standardError`, clipped to [−100, 100]. */
  readonly interval: readonly [number, number];
  readonly smallSample: boolean;
  /** Why the interval should be read with care, or `null`. */
  readonly warning: string | null;
}

/** @internal Computes the NPS of counts (no validation). */
export function npsFromCounts(promoters: number, passives: number, detractors: number, confidence: number, minSampleSize: number): NpsResult {
  const count = promoters + passives + detractors;
  const pP = promoters / count;
  const pD = detractors / count;
  const nps = 100 * (pP - pD);
  const standardError = 100 * Math.sqrt(Math.max(0, pP + pD - (pP - pD) ** 2) / count);
  const z = criticalValue(confidence);
  const smallSample = count < minSampleSize;
  const degenerate = standardError === 0;
  return {
    count,
    promoters,
    passives,
    detractors,
    nps,
    standardError,
    confidence,
    interval: [Math.max(-100, nps - z * standardError), Math.min(100, nps + z * standardError)],
    smallSample,
    warning: smallSample
      ? `Only ${count} response${count === 1 ? '' : 's'} (fewer than ${minSampleSize}): the score is unstable and the interval is approximate`
      : degenerate
        ? 'Every response is in one group: the Wald interval has zero width and understates the uncertainty'
        : null,
  };
}

/**
 * The Net Promoter Score of 0–10 answers to "How likely are you to recommend us?", with the counts,
 * a confidence interval and a small-sample warning.
 *
 * @remarks
 * Promoters answer 9–10, passives 7–8, detractors 0–6; NPS = 100 · (P − D) / n, in [−100, 100]
 * (Reichheld, "The One Number You Need to Grow", Harvard Business Review, 2003).
 * The interval is the Wald interval of a difference of two proportions of one multinomial sample:
 * Var(p̂_P − p̂_D) = [p_P + p_D − (p_P − p_D)²] / n (Rocks, "Interval Estimation for the Net Promoter
 * Score", The American Statistician 70(4), 2016, eq. 1), scaled by 100 and clipped to [−100, 100].
 * It is approximate for small samples and has zero width when every answer is in one group; both
 * cases carry a `warning`. Duplicating every response leaves NPS unchanged (and narrows the interval).
 * O(n).
 * @param scores - Whole numbers 0–10; never mutated.
 * @param options - Confidence level and the small-sample threshold.
 * @returns The {@link NpsResult}.
 * @throws {@link RelmarkError} `empty_input` for no scores; `invalid_input` for a score that is not a
 *   whole number in 0–10 (every one listed, path `['scores', i]`); `invalid_options` for a confidence
 *   outside (0, 1) or a threshold below 1.
 * @example
 * ```ts
 * import { netPromoterScore } from 'relmark/rewards';
 * const result = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * [result.promoters, result.passives, result.detractors, result.nps, result.smallSample];
 * //=> [5, 2, 3, 20, true]
 * result.interval;
 * //=> [-34.03, 74.03]
 * ```
 * @category Relationship measures
 */
export function netPromoterScore(scores: readonly number[], options: ScoreIntervalOptions = {}): NpsResult {
  const { confidence, minSampleSize } = parseIntervalOptions(options, 'netPromoterScore');
  checkScores(scores, 0, 10, 'netPromoterScore');
  let promoters = 0;
  let passives = 0;
  for (const score of scores) {
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
  }
  return npsFromCounts(promoters, passives, scores.length - promoters - passives, confidence, minSampleSize);
}

/** @internal */
export function parseIntervalOptions(options: ScoreIntervalOptions, where: string): z.output<typeof ScoreIntervalOptionsSchema> {
  return parseOptions(ScoreIntervalOptionsSchema, options, where);
}

/** Throws `empty_input` or `invalid_input` (every bad score) unless all scores are whole numbers in [min, max]. @internal */
export function checkScores(scores: readonly number[], min: number, max: number, where: string): void {
  requireArray(where, ['scores'], scores);
  if (scores.length === 0) {
    throw new RelmarkError('empty_input', `${where}: no scores`, { issues: [{ code: 'empty_input', path: ['scores'], message: 'At least one score is needed' }] });
  }
  // A plain loop: holes of a sparse array are invalid scores too, never skipped.
  const issues: RelmarkIssue[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score: unknown = scores[i];
    if (!(Number.isInteger(score) && (score as number) >= min && (score as number) <= max)) {
      issues.push({ code: 'invalid_score', path: ['scores', i], message: `Expected a whole number from ${min} to ${max}, received ${typeof score === 'number' ? String(score) : describeValue(score)}` });
    }
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: ${issues.length} invalid score${issues.length === 1 ? '' : 's'}`, { issues });
}
