/**
 * Expiry instants of earn lots under a {@link ExpiryPolicy}, in UTC epoch milliseconds.
 * @internal
 * @module
 */
import { addUtcMonths, msPerDay, startOfUtcMonth, startOfUtcYear, utcDayNumber } from '../internal/time.js';
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

/**
 * {@link policyExpiry} for many lots: calendar arithmetic depends only on the UTC date (the time of
 * day is carried over), so results are cached per day, which keeps a 10M-entry replay from spending
 * most of its time building `Date` objects. The cache lives in the returned function only. @internal
 */
export function lotExpiryCalculator(expiry: ExpiryPolicy): (earnedMs: number) => number {
  if (expiry.kind === 'never' || expiry.kind === 'inactivity') return () => Number.POSITIVE_INFINITY;
  if (expiry.kind === 'after' && expiry.unit === 'day') return (earnedMs) => earnedMs + expiry.amount * msPerDay;
  const byDay = new Map<number, number>();
  return (earnedMs) => {
    const dayStart = utcDayNumber(earnedMs) * msPerDay;
    let fromDayStart = byDay.get(dayStart);
    if (fromDayStart === undefined) byDay.set(dayStart, (fromDayStart = policyExpiry(dayStart, expiry)));
    // 'after N months' keeps the time of day; period ends do not depend on it.
    return expiry.kind === 'after' ? fromDayStart + (earnedMs - dayStart) : fromDayStart;
  };
}
