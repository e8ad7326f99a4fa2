import * as z from 'zod';
import { fmScore, rfmCode } from './rfmScore.js';

/** An inclusive range of scores. @category RFM */
export interface RfmScoreRange {
  readonly min: number;
  readonly max: number;
}

/** Ranges on the scores; a segment's rule matches when every given range contains its score. @category RFM */
export interface RfmSegmentRule {
  readonly r?: RfmScoreRange;
  readonly f?: RfmScoreRange;
  readonly m?: RfmScoreRange;
  /** A range on the combined score {@link fmScore}. */
  readonly fm?: RfmScoreRange;
}

/** What a segment is called and what to do with its customers. @category RFM */
export interface RfmSegmentDetails {
  readonly name: string;
  /** Who the customers of this segment are, in a sentence. */
  readonly description: string;
  /** The suggested relationship action. */
  readonly action: string;
}

/** One segment of a map: details plus either explicit RFM codes or a rule of score ranges. @category RFM */
export interface RfmSegmentDefinition extends RfmSegmentDetails {
  /** Codes (see {@link rfmCode}) that belong to this segment. */
  readonly codes?: readonly string[];
  /** Score ranges that belong to this segment. */
  readonly rule?: RfmSegmentRule;
}

/**
 * A segment map: segments tried in order (the first that matches a customer's scores wins), and a
 * fallback for scores no segment matches. Maps are plain data: copy and edit them freely.
 * @category RFM
 */
export interface RfmSegmentMap {
  readonly name: string;
  /** Where the map comes from. */
  readonly provenance: string;
  readonly segments: readonly RfmSegmentDefinition[];
  readonly fallback: RfmSegmentDetails;
}

const range = z
  .strictObject({ min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
const details = { name: z.string().min(1), description: z.string(), action: z.string() };

/**
 * The schema of {@link RfmSegmentMap}: unique segment names (the fallback's too), and each segment
 * with exactly one of `codes` (three characters, `1`–`9` or `A`) and `rule`.
 * @example
 * ```ts
 * import { RfmSegmentMapSchema, bloomreachRfmSegments } from 'relmark/rfm';
 * RfmSegmentMapSchema.safeParse(bloomreachRfmSegments).success;
 * //=> true
 * ```
 * @category RFM
 */
export const RfmSegmentMapSchema = z
  .strictObject({
    name: z.string().min(1),
    provenance: z.string(),
    segments: z.array(
      z
        .strictObject({
          ...details,
          codes: z.array(z.string().regex(/^[1-9A]{3}$/, 'Expected a code of three scores, 1–9 or A for 10')).optional(),
          rule: z.strictObject({ r: range.optional(), f: range.optional(), m: range.optional(), fm: range.optional() }).optional(),
        })
        .refine((s) => (s.codes === undefined) !== (s.rule === undefined), { message: 'Give exactly one of codes and rule' }),
    ),
    fallback: z.strictObject(details),
  })
  .superRefine((map, ctx) => {
    const seen = new Set<string>();
    map.segments.forEach((segment, i) => {
      if (seen.has(segment.name)) ctx.addIssue({ code: 'custom', path: ['segments', i, 'name'], message: `Segment name "${segment.name}" repeats` });
      seen.add(segment.name);
    });
    if (seen.has(map.fallback.name)) ctx.addIssue({ code: 'custom', path: ['fallback', 'name'], message: `Fallback name "${map.fallback.name}" is also a segment's` });
  });

/** The options schema of functions whose only option is a segment map. @internal */
export const SegmentMapOptionsSchema = z.strictObject({ map: RfmSegmentMapSchema.optional() });

const inRange = (score: number, r: RfmScoreRange | undefined) => r === undefined || (score >= r.min && score <= r.max);

/** Whether a segment definition matches the scores. @internal */
export function segmentMatches(segment: RfmSegmentDefinition, r: number, f: number, m: number): boolean {
  if (segment.codes) return segment.codes.includes(rfmCode(r, f, m));
  const rule = segment.rule ?? {};
  return inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m) && inRange(fmScore(f, m), rule.fm);
}

/** The largest score of the lookup table: 10 in every dimension, 1,000 cells. */
const maxScore = 10;

/** Index of a cell of the lookup table. @internal */
export const cellIndex = (r: number, f: number, m: number): number => ((r - 1) * maxScore + (f - 1)) * maxScore + (m - 1);

/**
 * A segment map compiled to a table: `table[cellIndex(r, f, m)]` is the index in `names` of the
 * segment that wins for those scores (the fallback is the last name). 1,000 cells, built once.
 * @internal
 */
export function compileSegmentMap(map: RfmSegmentMap): { readonly names: readonly string[]; readonly table: Uint16Array } {
  const names = [...map.segments.map((s) => s.name), map.fallback.name];
  const table = new Uint16Array(maxScore ** 3);
  for (let r = 1; r <= maxScore; r++) {
    for (let f = 1; f <= maxScore; f++) {
      for (let m = 1; m <= maxScore; m++) {
        const winner = map.segments.findIndex((segment) => segmentMatches(segment, r, f, m));
        table[cellIndex(r, f, m)] = winner === -1 ? map.segments.length : winner;
      }
    }
  }
  return { names, table };
}

/**
 * The order in which results list segments: the map's segments then its fallback when a map is
 * given, then any other name seen, in code-unit order. @internal
 */
export function segmentOrder(seen: Iterable<string>, map: RfmSegmentMap | undefined): string[] {
  const ordered = map ? [...map.segments.map((s) => s.name), map.fallback.name] : [];
  const known = new Set(ordered);
  const others = [...new Set(seen)].filter((name) => !known.has(name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...ordered, ...others];
}
