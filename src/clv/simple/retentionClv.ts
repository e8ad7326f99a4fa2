import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';

/** Options of {@link retentionClv}. @category CLV */
export interface RetentionClvOptions {
  /** Margin per customer per period (may be negative). */
  readonly margin: number;
  /** Probability that a customer stays for another period, in [0, 1]. */
  readonly retentionRate: number;
  /** Discount rate per period (≥ 0). */
  readonly discountRate: number;
  /** The number of periods to value (an integer ≥ 0). @defaultValue undefined: an infinite horizon */
  readonly periods?: number;
}

const OptionsSchema = z
  .object({
    margin: z.number(),
    retentionRate: z.number().min(0).max(1),
    discountRate: z.number().nonnegative(),
    periods: z.number().int().nonnegative().optional(),
  })
  .strict();

/**
 * The lifetime value of a customer under constant margin, retention and discount rates.
 *
 * @remarks
 * With k = r / (1 + d): CLV = Σ_{t=1..N} m·kᵗ = m·k(1 − kᴺ)/(1 − k), and for an infinite horizon
 * m·r / (1 + d − r) (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing 17(1),
 * eq. 2): margins arrive at the end of each period the customer is retained.
 * Edge cases: r = 0 → 0; N = 0 → 0; r = 1 and d = 0 with an infinite horizon → `invalid_options`
 * (the value is infinite); k = 1 with finite N → m·N. O(1).
 *
 * @param options - Margin, retention rate, discount rate, and optionally the number of periods.
 * @returns The value in the margin's unit.
 * @throws {@link RelmarkError} `invalid_options` for a value out of range or an infinite value.
 * @example
 * ```ts
 * import { retentionClv } from 'relmark/clv';
 * retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 });
 * //=> 266.67
 * retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2 });
 * //=> 125.62
 * ```
 * @category CLV
 */
export function retentionClv(options: RetentionClvOptions): number {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'retentionClv: invalid options', { code: 'invalid_options' });
  const { margin, retentionRate: r, discountRate: d, periods } = parsed.data;
  const k = r / (1 + d);
  if (periods === undefined) {
    if (k === 1) {
      throw new RelmarkError('invalid_options', 'retentionClv: infinite value', {
        issues: [{ code: 'infinite_value', path: ['retentionRate'], message: 'With retentionRate 1 and discountRate 0 an infinite horizon has infinite value; give periods' }],
      });
    }
    return (margin * r) / (1 + d - r);
  }
  if (k === 1) return margin * periods;
  // k(1 − kᴺ)/(1 − k), with kᴺ − 1 as expm1(N ln k) so that k close to 1 keeps its digits.
  return r === 0 ? 0 : (margin * k * -Math.expm1(periods * Math.log(k))) / (1 - k);
}
