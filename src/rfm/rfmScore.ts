import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { describeValue } from '../internal/describeValue.js';
import { IdSchema } from '../models/primitives.js';

/** The three RFM dimensions: recency, frequency, monetary. @category RFM */
export type RfmDimension = 'r' | 'f' | 'm';

/**
 * The three RFM dimensions in code order.
 * @example
 * ```ts
 * import { rfmDimensions } from 'relmark/rfm';
 * rfmDimensions.join('');
 * //=> 'rfm'
 * ```
 * @category RFM
 */
export const rfmDimensions: readonly RfmDimension[] = ['r', 'f', 'm'];

/**
 * The RFM scores of one customer.
 * @category RFM
 */
export interface RfmScore {
  readonly customerId: string;
  /** Recency score, 1 (longest ago) … bins (most recent). */
  readonly r: number;
  /** Frequency score, 1 (fewest purchases) … bins (most). */
  readonly f: number;
  /** Monetary score, 1 (lowest spend) … bins (highest). */
  readonly m: number;
  /** The scores as one string, `r`, `f`, `m` digits (see {@link rfmCode}). */
  readonly code: string;
  /** The combined frequency–monetary score (see {@link fmScore}). */
  readonly fm: number;
}

/**
 * A row with RFM scores, as {@link segmentRfm} accepts it: `code` and `fm` are recomputed from
 * `r`, `f` and `m`, so they may be left out.
 *
 * @example
 * ```ts
 * import { RfmScoreSchema } from 'relmark/rfm';
 * RfmScoreSchema.safeParse({ customerId: 'a', r: 11, f: 1, m: 1 }).success;
 * //=> false
 * ```
 * @category RFM
 */
export const RfmScoreSchema = z.object({
  customerId: IdSchema,
  r: z.number().int().min(1).max(10),
  f: z.number().int().min(1).max(10),
  m: z.number().int().min(1).max(10),
});
/** What {@link RfmScoreSchema} accepts. @category RFM */
export type RfmScoreInput = z.input<typeof RfmScoreSchema>;

const digits = '0123456789A';

/**
 * Writes three scores as an RFM code: one character per score, `'1'`…`'9'`, and `'A'` for 10.
 *
 * @remarks
 * One character per dimension keeps codes the same length for every bin count (2–10), so that
 * `'555'` and code lists in segment maps compare as strings. A score outside 1…10 (or not an
 * integer) is written as `'?'`.
 *
 * @param r - Recency score.
 * @param f - Frequency score.
 * @param m - Monetary score.
 * @returns The code, three characters.
 * @throws {@link RelmarkError} `invalid_input` when a score is not a number (path `['r']`, `['f']` or `['m']`).
 * @example
 * ```ts
 * import { rfmCode } from 'relmark/rfm';
 * rfmCode(5, 4, 1);
 * //=> '541'
 * rfmCode(10, 1, 2);
 * //=> 'A12'
 * ```
 * @category RFM
 */
export function rfmCode(r: number, f: number, m: number): string {
  if (typeof r !== 'number' || typeof f !== 'number' || typeof m !== 'number') throw notScores('rfmCode', { r, f, m });
  return (digits[r] ?? '?') + (digits[f] ?? '?') + (digits[m] ?? '?');
}

/**
 * The combined frequency–monetary score: the mean of `f` and `m`, rounded half up.
 *
 * @remarks
 * `fm = ⌊(f + m + 1) / 2⌋`, an integer between `f` and `m`, so that it lies on the same 1…bins scale
 * and can be an axis of a recency × FM grid. Rounding half up means `f = 4, m = 5` gives 5.
 *
 * @param f - Frequency score.
 * @param m - Monetary score.
 * @returns The combined score.
 * @throws {@link RelmarkError} `invalid_input` when a score is not a finite number (path `['f']` or `['m']`).
 * @example
 * ```ts
 * import { fmScore } from 'relmark/rfm';
 * [fmScore(4, 5), fmScore(1, 2), fmScore(3, 3)];
 * //=> [5, 2, 3]
 * ```
 * @category RFM
 */
export function fmScore(f: number, m: number): number {
  if (!Number.isFinite(f) || !Number.isFinite(m)) throw notScores('fmScore', { f, m }, true);
  // Halves first: (f + m + 1) / 2 overflows for finite f, m near ±1.8e308; this is the same for scores.
  return Math.floor(f / 2 + m / 2 + 0.5);
}

function notScores(where: string, scores: Readonly<Record<string, unknown>>, finite = false): RelmarkError {
  const bad = Object.entries(scores).filter(([, v]) => (finite ? !Number.isFinite(v) : typeof v !== 'number'));
  return new RelmarkError('invalid_input', `${where}: scores must be ${finite ? 'finite numbers' : 'numbers'}`, {
    issues: bad.map(([name, v]) => ({ code: 'invalid_type', path: [name], message: `Expected a score (a number), received ${describeValue(v)}` })),
  });
}
