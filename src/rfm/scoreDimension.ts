import * as z from 'zod';
import { compareIds } from '../internal/order.js';
import { argsortFloat64 } from './argsortFloat64.js';

/**
 * How one RFM dimension is scored: by percent rank (the default), by rank with a tie-break, by
 * explicit thresholds in the dimension's own units, or by explicit percentile cut points.
 *
 * @remarks
 * Give at most one of `thresholds` and `percentiles`; with either, the number of bins is their
 * length + 1 (and `bins`, if given, must agree). `method` and `ties` apply to percent-rank and rank
 * scoring; `ties` also applies to `percentiles`.
 * @category RFM
 */
export interface RfmDimensionScoring {
  /** Number of score levels, 2–10. @defaultValue the `bins` of {@link ScoreRfmOptions} (5) */
  readonly bins?: number;
  /** `'percentRank'` (ties share a score) or `'rank'` (equal-sized bins, ties split by customer id). @defaultValue 'percentRank' */
  readonly method?: 'percentRank' | 'rank';
  /** `'together'`: p = count(< v) / n; `'midrank'`: p = (count(< v) + count(= v) / 2) / n. @defaultValue 'together' */
  readonly ties?: 'together' | 'midrank';
  /**
   * Ascending cut points in the dimension's units (bins − 1 of them). Frequency and monetary: each
   * threshold the value reaches (≥) adds one to the score. Recency: each threshold the recency is
   * at most (≤) adds one, so `[30, 90, 180, 365]` days gives 5 within 30 days and 1 after 365.
   * @defaultValue none (percent-rank or rank scoring)
   */
  readonly thresholds?: readonly number[];
  /** Ascending percentile cut points in (0, 1) (bins − 1 of them): the score is 1 + the number of cuts ≤ p(v). @defaultValue none */
  readonly percentiles?: readonly number[];
}

/** The schema of {@link RfmDimensionScoring}. @internal */
export const RfmDimensionScoringSchema = z
  .strictObject({
    bins: z.number().int().min(2).max(10).optional(),
    method: z.enum(['percentRank', 'rank']).optional(),
    ties: z.enum(['together', 'midrank']).optional(),
    thresholds: z.array(z.number()).min(1).max(9).optional(),
    percentiles: z.array(z.number().gt(0).lt(1)).min(1).max(9).optional(),
  })
  .superRefine((spec, ctx) => {
    const cuts = spec.thresholds ?? spec.percentiles;
    const key = spec.thresholds ? 'thresholds' : 'percentiles';
    if (spec.thresholds && spec.percentiles) {
      ctx.addIssue({ code: 'custom', path: ['percentiles'], message: 'Give thresholds or percentiles, not both' });
    }
    if (!cuts) return;
    if (spec.method !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['method'], message: `method does not apply when ${key} are given` });
    }
    if (spec.bins !== undefined && spec.bins !== cuts.length + 1) {
      ctx.addIssue({ code: 'custom', path: ['bins'], message: `bins is ${spec.bins} but ${cuts.length} ${key} make ${cuts.length + 1} bins` });
    }
    for (let i = 1; i < cuts.length; i++) {
      if (!((cuts[i] as number) > (cuts[i - 1] as number))) {
        ctx.addIssue({ code: 'custom', path: [key, i], message: `${key} must be strictly ascending: ${cuts[i]} follows ${cuts[i - 1]}` });
      }
    }
  });

/** A dimension's scoring with every default filled in. @internal */
export type ResolvedScoring =
  | { readonly method: 'percentRank'; readonly bins: number; readonly ties: 'together' | 'midrank' }
  | { readonly method: 'rank'; readonly bins: number }
  | { readonly method: 'thresholds'; readonly bins: number; readonly thresholds: readonly number[] }
  | { readonly method: 'percentiles'; readonly bins: number; readonly ties: 'together' | 'midrank'; readonly percentiles: readonly number[] };

/** Fills the defaults of one dimension's scoring from the top-level options. @internal */
export function resolveScoring(
  spec: RfmDimensionScoring | undefined,
  defaults: { readonly bins: number; readonly method: 'percentRank' | 'rank'; readonly ties: 'together' | 'midrank' },
): ResolvedScoring {
  const ties = spec?.ties ?? defaults.ties;
  if (spec?.thresholds) return { method: 'thresholds', bins: spec.thresholds.length + 1, thresholds: [...spec.thresholds] };
  if (spec?.percentiles) return { method: 'percentiles', bins: spec.percentiles.length + 1, ties, percentiles: [...spec.percentiles] };
  const bins = spec?.bins ?? defaults.bins;
  return (spec?.method ?? defaults.method) === 'rank' ? { method: 'rank', bins } : { method: 'percentRank', bins, ties };
}

/**
 * What scoring one dimension produced: the method, the effective thresholds, the population of each
 * bin, and signs of collapse (empty bins, a dominant tie).
 * @category RFM
 */
export interface RfmDimensionReport {
  readonly method: 'percentRank' | 'rank' | 'thresholds' | 'percentiles';
  /** The tie rule, for percent-rank and percentile scoring. */
  readonly ties?: 'together' | 'midrank';
  readonly bins: number;
  /**
   * The bins − 1 cut points in the dimension's units, ascending, with the meaning of
   * {@link RfmDimensionScoring.thresholds}. For explicit thresholds these are the given ones.
   * Otherwise they are observed: for frequency and monetary the smallest value scored above each
   * level, for recency the largest recency scored above it, `null` when no customer scored that high.
   * Fed back as explicit thresholds they reproduce the scores (not for `'rank'`, which splits ties).
   */
  readonly thresholds: readonly (number | null)[];
  /** The percentile cut points, for `'percentiles'` scoring. */
  readonly percentiles?: readonly number[];
  /** `populations[s − 1]` customers scored `s`. */
  readonly populations: readonly number[];
  /** Scores no customer received (ties that span several bins, or fewer customers than bins). */
  readonly emptyBins: readonly number[];
  /** Number of distinct values of the dimension. */
  readonly distinctValues: number;
  /** Share of customers in the largest group of equal values (0 without customers). */
  readonly largestTieShare: number;
}

/** Scores and report of one dimension. @internal */
export interface DimensionScores {
  readonly scores: Uint8Array;
  readonly report: RfmDimensionReport;
}

/**
 * Scores one column. `lowerIsBetter` (recency) scores the negated values, so that the best value
 * always gets `bins`. `ids` break ties for `'rank'` (code-unit order). O(n) plus, for `'rank'`,
 * sorting each tie group by id; never mutates.
 * @internal
 */
export function scoreDimension(
  values: ArrayLike<number>,
  lowerIsBetter: boolean,
  spec: ResolvedScoring,
  ids: readonly string[],
): DimensionScores {
  const n = values.length;
  // Work in "higher is better" space; `+ 0` turns −0 into 0 so that equal values compare equal everywhere.
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (lowerIsBetter ? -(values[i] as number) : (values[i] as number)) + 0;
  // Customers in ascending order of value (ties in input order), by a radix argsort: no comparator
  // calls and no binary search per customer, which matters at a million customers.
  const order = argsortFloat64(x);
  const scores = new Uint8Array(n);
  const bins = spec.bins;
  const working = toHigherIsBetter(spec, lowerIsBetter);
  let groups = 0;
  let largestTie = 0;
  for (let i = 0; i < n; ) {
    const value = x[order[i] as number] as number;
    let j = i + 1;
    while (j < n && x[order[j] as number] === value) j++;
    groups++;
    if (j - i > largestTie) largestTie = j - i;
    if (working.method === 'rank') {
      // Equal values are ordered by customer id (code units), then take equal-sized bins by position.
      if (j - i > 1) {
        const tied = Array.from(order.subarray(i, j)).sort((a, b) => compareIds(ids[a] as string, ids[b] as string));
        order.set(tied, i);
      }
      for (let q = i; q < j; q++) scores[order[q] as number] = Math.floor((q * bins) / n) + 1;
    } else {
      const level = groupLevel(working, value, i, j - i, n);
      for (let q = i; q < j; q++) scores[order[q] as number] = level;
    }
    i = j;
  }
  return { scores, report: reportOf(spec, x, scores, lowerIsBetter, groups, n === 0 ? 0 : largestTie / n) };
}

/** The score of a group of `equal` values `value` with `less` smaller ones, among n. */
function groupLevel(spec: ResolvedScoring, value: number, less: number, equal: number, n: number): number {
  switch (spec.method) {
    case 'percentRank':
      // p·bins = numerator·bins / (2n) in integers, so that floor() is exact (no p = 0.6 − ε surprises).
      return Math.floor(((2 * less + (spec.ties === 'midrank' ? equal : 0)) * spec.bins) / (2 * n)) + 1;
    case 'percentiles': {
      const p = (less + (spec.ties === 'midrank' ? equal / 2 : 0)) / n;
      let level = 1;
      for (const cut of spec.percentiles) if (p >= cut) level++;
      return level;
    }
    case 'thresholds': {
      let level = 1;
      for (const t of spec.thresholds) if (value >= t) level++;
      return level;
    }
    case 'rank':
      return 1; // ranks are assigned per customer (see scoreDimension), never per group
  }
}

function reportOf(
  spec: ResolvedScoring,
  x: Float64Array,
  scores: Uint8Array,
  lowerIsBetter: boolean,
  distinctValues: number,
  largestTieShare: number,
): RfmDimensionReport {
  const bins = spec.bins;
  const populations = new Array<number>(bins).fill(0);
  const minimum = new Array<number>(bins).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < x.length; i++) {
    const s = (scores[i] as number) - 1;
    populations[s] = (populations[s] as number) + 1;
    if ((x[i] as number) < (minimum[s] as number)) minimum[s] = x[i] as number;
  }
  // Cut k (1 … bins − 1): the smallest value scored above k, in "higher is better" space.
  const cutsHigher: (number | null)[] = [];
  let suffixMin = Number.POSITIVE_INFINITY;
  for (let s = bins - 1; s >= 1; s--) {
    suffixMin = Math.min(suffixMin, minimum[s] as number);
    cutsHigher.unshift(Number.isFinite(suffixMin) ? suffixMin : null);
  }
  const observed = lowerIsBetter ? cutsHigher.map((t) => (t === null ? null : -t + 0)).reverse() : cutsHigher;
  const emptyBins = populations.flatMap((count, s) => (count === 0 ? [s + 1] : []));
  return {
    method: spec.method,
    ...(spec.method === 'percentRank' || spec.method === 'percentiles' ? { ties: spec.ties } : {}),
    bins,
    thresholds: spec.method === 'thresholds' ? [...spec.thresholds] : observed,
    ...(spec.method === 'percentiles' ? { percentiles: [...spec.percentiles] } : {}),
    populations,
    emptyBins,
    distinctValues,
    largestTieShare,
  };
}

/** Explicit thresholds in "higher is better" space: recency thresholds are negated and reversed. */
function toHigherIsBetter(spec: ResolvedScoring, lowerIsBetter: boolean): ResolvedScoring {
  if (spec.method !== 'thresholds' || !lowerIsBetter) return spec;
  return { ...spec, thresholds: spec.thresholds.map((t) => -t + 0).reverse() };
}
