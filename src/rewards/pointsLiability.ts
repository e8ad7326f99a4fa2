import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { parseBatch } from '../models/parse.js';
import { InstantSchema, ProbabilitySchema, type InstantInput } from '../models/primitives.js';
import { msPerDay } from '../internal/time.js';
import type { PointsBalance } from './pointsBalance.js';
import { parseOptions } from './parseOptions.js';

/** Options for {@link pointsLiability}. @category Rewards */
export interface PointsLiabilityOptions {
  /** The instant of the balances (must equal each balance's `asOf`). */
  readonly asOf: InstantInput;
  /** Value of one point in the caller's currency (an accounting choice that stays the caller's). */
  readonly pointValue: number;
  /** Expected share of outstanding points that will never be redeemed, in [0, 1]. */
  readonly breakageRate: number;
  /** Upper limits (in days since earning) of the age buckets; a last open bucket follows. @defaultValue [90, 180, 365] */
  readonly ageBucketsDays?: readonly number[];
}

/** Outstanding points of one bucket and their value. @category Rewards */
export interface LiabilityBucket {
  readonly label: string;
  readonly points: number;
  /** `points · (1 − breakageRate) · pointValue`. */
  readonly liability: number;
}

/** The liability of outstanding points, by age and by expiry month. @category Rewards */
export interface PointsLiability {
  readonly asOf: string;
  readonly pointValue: number;
  readonly breakageRate: number;
  /** Points in open lots (available and pending). */
  readonly outstandingPoints: number;
  /** `outstandingPoints · (1 − breakageRate)`. */
  readonly expectedRedemptionPoints: number;
  /** `expectedRedemptionPoints · pointValue`. */
  readonly liability: number;
  /** Members with outstanding points. */
  readonly members: number;
  /** Points owed by members below zero (returns under `negativeBalance: 'for_returns'`), not netted. */
  readonly negativeBalancePoints: number;
  /** By days since earning: `[0, 90)`, `[90, 180)`, …, then the rest. */
  readonly byAge: (LiabilityBucket & { readonly fromDays: number; readonly toDays: number | null })[];
  /** By UTC month of expiry (`'2025-01'`), soonest first, then `'never'`. */
  readonly byExpiry: (LiabilityBucket & { readonly expiresIn: string })[];
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  pointValue: z.number().nonnegative(),
  breakageRate: ProbabilitySchema,
  ageBucketsDays: z
    .array(z.number().positive())
    .refine((limits) => limits.every((limit, i) => i === 0 || limit > (limits[i - 1] as number)), { message: 'Age bucket limits must increase' })
    .default([90, 180, 365]),
});

const BalanceSchema = z.object({
  customerId: z.string(),
  asOf: z.string(),
  available: z.number(),
  lots: z.array(z.object({ earnedAt: InstantSchema, expiresAt: InstantSchema.nullable(), remaining: z.number().int().nonnegative() })),
});

/**
 * Values the outstanding points of {@link pointsBalance} results as a liability, by age and by
 * expiry month, with the caller's point value and expected breakage rate.
 *
 * @remarks
 * liability = outstanding points · (1 − breakage) · point value: the points the programme expects to
 * honour, valued at what one point costs or is worth (the stand-alone selling price under IFRS 15,
 * paragraphs B39–B43, with breakage per B44–B47). Both the value and the breakage rate are
 * accounting choices, so they are inputs. Outstanding points are the open lots (available and
 * pending); negative balances are reported apart, never netted against other members' points.
 * Age is counted from each lot's earn date; expiry months are UTC calendar months.
 * Points are whole numbers, so the point totals are exact. O(L log L) for L open lots.
 * @param balances - Results of {@link pointsBalance}, all at `asOf`; never mutated.
 * @param options - `asOf`, the point value, the breakage rate and the age buckets.
 * @returns The {@link PointsLiability}.
 * @throws {@link RelmarkError} `invalid_options` for a negative or non-finite point value, a breakage
 *   rate outside [0, 1] or buckets that do not increase; `invalid_input` for a balance that is
 *   malformed or taken at another date (path `['balances', i, 'asOf']`), or (issue `amount_overflow`)
 *   when the outstanding points or their liability exceed `Number.MAX_VALUE`: no figure is ever `Infinity`.
 * @example
 * ```ts
 * import { pointsBalance, pointsLiability } from 'relmark/rewards';
 * const asOf = '2024-06-30';
 * const balances = pointsBalance(
 *   [
 *     { type: 'earn', id: 'e1', customerId: 'ada', at: '2024-01-15', points: 1000, expiresAt: '2025-01-15' },
 *     { type: 'earn', id: 'e2', customerId: 'bob', at: '2024-06-01', points: 500 },
 *   ],
 *   { asOf },
 * );
 * const report = pointsLiability(balances, { asOf, pointValue: 0.01, breakageRate: 0.2 });
 * [report.outstandingPoints, report.liability];
 * //=> [1500, 12]
 * report.byExpiry.map((b) => [b.expiresIn, b.points]);
 * //=> [['2025-01', 1000], ['never', 500]]
 * report.byAge.map((b) => [b.label, b.points]);
 * //=> [['0–90 days', 500], ['90–180 days', 1000], ['180–365 days', 0], ['365+ days', 0]]
 * ```
 * @category Rewards
 */
export function pointsLiability(balances: readonly PointsBalance[], options: PointsLiabilityOptions): PointsLiability {
  const parsed = parseOptions(OptionsSchema, options, 'pointsLiability');
  const { asOf, pointValue, breakageRate, ageBucketsDays } = parsed;
  const batch = parseBatch(BalanceSchema, balances, { pathName: 'balances' });
  const issues: RelmarkIssue[] = batch.rejected.flatMap((row) => row.issues);
  batch.valid.forEach((balance, k) => {
    if (Date.parse(balance.asOf) !== asOf.getTime()) {
      issues.push({ code: 'as_of_mismatch', path: ['balances', batch.validIndices[k] as number, 'asOf'], message: `Balance taken at ${balance.asOf}, not at ${asOf.toISOString()}` });
    }
  });
  if (issues.length > 0) throw new RelmarkError('invalid_input', `pointsLiability: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the balances`, { issues });

  const value = (points: number) => points * (1 - breakageRate) * pointValue;
  const ageLimits = [0, ...ageBucketsDays];
  const agePoints = new Array<number>(ageLimits.length).fill(0);
  const expiryPoints = new Map<string, number>();
  let outstandingPoints = 0;
  let members = 0;
  let negativeBalancePoints = 0;
  for (const balance of batch.valid) {
    if (balance.available < 0) negativeBalancePoints -= balance.available;
    let memberPoints = 0;
    for (const lot of balance.lots) {
      if (lot.remaining === 0) continue;
      memberPoints += lot.remaining;
      const ageDays = (asOf.getTime() - lot.earnedAt.getTime()) / msPerDay;
      let bucket = ageLimits.length - 1;
      while (bucket > 0 && ageDays < (ageLimits[bucket] as number)) bucket--;
      agePoints[bucket] = (agePoints[bucket] as number) + lot.remaining;
      const month = lot.expiresAt === null ? 'never' : lot.expiresAt.toISOString().slice(0, 7);
      expiryPoints.set(month, (expiryPoints.get(month) ?? 0) + lot.remaining);
    }
    outstandingPoints += memberPoints;
    if (memberPoints > 0) members++;
  }
  const expectedRedemptionPoints = outstandingPoints * (1 - breakageRate);
  const liability = expectedRedemptionPoints * pointValue;
  // Every other figure is at most one of these three (a bucket's points ≤ the outstanding points).
  if (![outstandingPoints, negativeBalancePoints, liability].every(Number.isFinite)) {
    throw new RelmarkError('invalid_input', 'pointsLiability: totals too large', {
      issues: [
        {
          code: 'amount_overflow',
          path: ['balances'],
          message: `The outstanding points (${outstandingPoints}) or their liability at pointValue ${pointValue} exceed Number.MAX_VALUE (≈ 1.8e308)`,
        },
      ],
    });
  }
  return {
    asOf: asOf.toISOString(),
    pointValue,
    breakageRate,
    outstandingPoints,
    expectedRedemptionPoints,
    liability,
    members,
    negativeBalancePoints,
    byAge: ageLimits.map((fromDays, i) => {
      const toDays = ageLimits[i + 1] ?? null;
      const points = agePoints[i] as number;
      return { label: toDays === null ? `${fromDays}+ days` : `${fromDays}–${toDays} days`, fromDays, toDays, points, liability: value(points) };
    }),
    byExpiry: [...expiryPoints.entries()]
      .sort(([a], [b]) => (a === 'never' ? 1 : b === 'never' ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([expiresIn, points]) => ({ label: expiresIn, expiresIn, points, liability: value(points) })),
  };
}
