import { checkScores, parseIntervalOptions, type ScoreIntervalOptions } from './netPromoterScore.js';
import { criticalValue } from '../../numeric/normalQuantile.js';

/** A customer-satisfaction summary of 1–5 scores: top-2-box share and mean, both explicit. @category Relationship measures */
export interface CsatResult {
  readonly count: number;
  /** Responses per score, `distribution[0]` for score 1 … `distribution[4]` for score 5. */
  readonly distribution: readonly [number, number, number, number, number];
  /** Responses scoring 4 or 5. */
  readonly topTwoBox: number;
  /** `topTwoBox / count`, in [0, 1]. */
  readonly topTwoBoxShare: number;
  /** Wilson score interval of the top-2-box share. */
  readonly topTwoBoxInterval: readonly [number, number];
  /** Mean score, in [1, 5]. */
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for one response. */
  readonly standardDeviation: number;
  /** Normal interval `mean ± z · sd / √n`, clipped to [1, 5]. */
  readonly meanInterval: readonly [number, number];
  readonly confidence: number;
  readonly smallSample: boolean;
  readonly warning: string | null;
}

/** @internal Computes CSAT from the distribution of scores 1–5 (no validation). */
export function csatFromDistribution(distribution: readonly number[], confidence: number, minSampleSize: number): CsatResult {
  const counts = [0, 1, 2, 3, 4].map((i) => distribution[i] ?? 0) as [number, number, number, number, number];
  const count = counts.reduce((s, k) => s + k, 0);
  const topTwoBox = counts[3] + counts[4];
  const p = topTwoBox / count;
  const mean = counts.reduce((s, k, i) => s + k * (i + 1), 0) / count;
  const squares = counts.reduce((s, k, i) => s + k * (i + 1 - mean) ** 2, 0);
  const standardDeviation = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  const z = criticalValue(confidence);
  const z2n = (z * z) / count;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / count + z2n / (4 * count));
  const halfMean = (z * standardDeviation) / Math.sqrt(count);
  const smallSample = count < minSampleSize;
  return {
    count,
    distribution: counts,
    topTwoBox,
    topTwoBoxShare: p,
    topTwoBoxInterval: [Math.max(0, center - half), Math.min(1, center + half)],
    mean,
    standardDeviation,
    meanInterval: [Math.max(1, mean - halfMean), Math.min(5, mean + halfMean)],
    confidence,
    smallSample,
    warning: smallSample ? `Only ${count} response${count === 1 ? '' : 's'} (fewer than ${minSampleSize}): the intervals are approximate` : null,
  };
}

/**
 * Customer satisfaction (CSAT) of 1–5 scores, as the top-2-box share (4 or 5) and as the mean, each
 * with a confidence interval, and a small-sample warning.
 *
 * @remarks
 * Top-2-box share = #(score ≥ 4) / n, with the Wilson score interval (Wilson, "Probable inference,
 * the law of succession, and statistical inference", JASA 22, 1927), which stays inside [0, 1] and
 * behaves at shares of 0 and 1. The mean has the normal interval mean ± z · s / √n with the sample
 * standard deviation s (n − 1), clipped to [1, 5]. The two summaries answer different questions
 * (how many are satisfied, how satisfied on average), so both are returned. O(n).
 * @param scores - Whole numbers 1–5; never mutated.
 * @param options - Confidence level and the small-sample threshold.
 * @returns The {@link CsatResult}.
 * @throws {@link RelmarkError} `empty_input` for no scores; `invalid_input` for a score that is not a
 *   whole number in 1–5 (path `['scores', i]`); `invalid_options` for bad options.
 * @example
 * ```ts
 * import { csatScore } from 'relmark/rewards';
 * const result = csatScore([5, 4, 4, 3, 5, 2, 4, 5]);
 * [result.topTwoBox, result.topTwoBoxShare, result.mean];
 * //=> [6, 0.75, 4]
 * result.topTwoBoxInterval;
 * //=> [0.409, 0.929]
 * ```
 * @category Relationship measures
 */
export function csatScore(scores: readonly number[], options: ScoreIntervalOptions = {}): CsatResult {
  const { confidence, minSampleSize } = parseIntervalOptions(options, 'csatScore');
  checkScores(scores, 1, 5, 'csatScore');
  const distribution = [0, 0, 0, 0, 0];
  for (const score of scores) distribution[score - 1] = (distribution[score - 1] as number) + 1;
  return csatFromDistribution(distribution, confidence, minSampleSize);
}
