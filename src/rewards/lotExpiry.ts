/**
 * Expiry instants of earn lots under a {@link ExpiryPolicy}, in UTC epoch milliseconds.
 * @internal
 * @module
 */
import { addUtcMonths, msPerDay, startOfUtcMonth, startOfUtcYear } from '../internal/time.js';
import type { ExpiryPolicy } from './pointsPolicy.js';

/** Adds whole days or UTC calendar months to an instant. @internal */
export function addPolicyDuration(ms: number, amount: number, unit: 'day' | 'month'): number {
  return unit === 'day' ? ms + amount * msPerDay : addUtcMonths(ms, amount);
}

/**
 * When a lot earned at `earnedMs` lapses under the policy (`Infinity` for never, and for the
 * inactivity policy, whose deadline moves with activity: see {@link inactivityDeadline}). @internal
 */
export function policyExpiry(earnedMs: number, expiry: ExpiryPolicy): number {
  switch (expiry.kind) {
    case 'never':
    case 'inactivity':
      return Number.POSITIVE_INFINITY;
    case 'after':
      return addPolicyDuration(earnedMs, expiry.amount, expiry.unit);
    case 'end_of_period': {
      // The end of a period is the first instant of the next one: points earned in March expire at
      // 1 April 00:00 UTC and are no longer spendable from that instant on.
      const months = expiry.period === 'month' ? 1 + expiry.periodsAfter : 12 * (1 + expiry.periodsAfter);
      const start = expiry.period === 'month' ? startOfUtcMonth(earnedMs) : startOfUtcYear(earnedMs);
      return addUtcMonths(start, months);
    }
  }
}

/** The instant all open points lapse after the last activity, or `Infinity` without an inactivity policy. @internal */
export function inactivityDeadline(lastActivityMs: number, expiry: ExpiryPolicy): number {
  if (expiry.kind !== 'inactivity' || !Number.isFinite(lastActivityMs)) return Number.POSITIVE_INFINITY;
  return addPolicyDuration(lastActivityMs, expiry.amount, expiry.unit);
}
