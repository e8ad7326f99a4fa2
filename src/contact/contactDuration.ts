import * as z from 'zod';
import { msPerDay } from '../internal/time.js';

const msPer = { m: 60_000, h: 3_600_000, d: msPerDay, w: 7 * msPerDay } as const;
const durationText = /^(\d+(?:\.\d+)?)(m|h|d|w)$/;

/**
 * A duration written as a number and a unit letter, `m` (minutes), `h` (hours), `d` (days of 24 h)
 * or `w` (weeks of 7 days): `'16h'`, `'30m'`, `'7d'`, `'2w'`. Produced as milliseconds.
 *
 * @remarks
 * Durations are exact elapsed time: `'1d'` is always 24 hours, also across a DST change. For "the same
 * calendar day in the customer's zone", use a calendar window instead. Zero and negative durations
 * are rejected; so are results over 10 years.
 *
 * @example
 * ```ts
 * import { ContactDurationSchema } from 'relmark/contact';
 * ContactDurationSchema.parse('16h');
 * //=> 57600000
 * ContactDurationSchema.safeParse('16 hours').success;
 * //=> false
 * ```
 * @category Contact
 */
export const ContactDurationSchema = z
  .string({ error: 'Expected a duration such as "16h", "30m", "7d" or "2w"' })
  .transform((text, ctx) => {
    const match = durationText.exec(text.trim());
    const amount = match ? Number(match[1]) : Number.NaN;
    const unit = match?.[2] as keyof typeof msPer | undefined;
    if (unit === undefined || !(amount > 0)) {
      ctx.addIssue({ code: 'custom', message: `Expected a positive duration such as "16h", "30m", "7d" or "2w", received "${text}"` });
      return z.NEVER;
    }
    const ms = Math.round(amount * msPer[unit]);
    if (ms > 3653 * msPerDay) {
      ctx.addIssue({ code: 'custom', message: `Expected a duration of at most 10 years, received "${text}"` });
      return z.NEVER;
    }
    return ms;
  });

/** A duration as written (`'16h'`). @category Contact */
export type ContactDurationInput = z.input<typeof ContactDurationSchema>;
