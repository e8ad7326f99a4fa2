import { describe, expect, it } from 'vitest';
import { addUtcMonths, elapsed, startOfUtcMonth, startOfUtcYear, utcDayNumber } from './time.js';

const ms = (iso: string) => Date.parse(iso);

describe('UTC time helpers', () => {
  it.each([
    ['2024-01-31T00:00:00Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2023-01-31T00:00:00Z', 1, '2023-02-28T00:00:00.000Z'],
    ['2024-03-15T10:30:00Z', -24, '2022-03-15T10:30:00.000Z'],
    ['2024-12-31T23:59:59Z', 2, '2025-02-28T23:59:59.000Z'],
  ])('addUtcMonths(%s, %i) = %s, clamping to the month end', (from, months, expected) => {
    expect(new Date(addUtcMonths(ms(from), months)).toISOString()).toBe(expected);
  });

  it('measures elapsed time in fixed units', () => {
    expect(elapsed(ms('1997-01-01T00:00:00Z'), ms('1997-01-15T00:00:00Z'), 'week')).toBe(2);
    expect(elapsed(ms('1997-01-15T00:00:00Z'), ms('1997-01-01T00:00:00Z'), 'day')).toBe(-14);
    expect(elapsed(0, 365.25 * 86_400_000, 'year')).toBe(1);
  });

  it('finds UTC day numbers and period starts', () => {
    expect(utcDayNumber(ms('1970-01-02T23:59:59Z'))).toBe(1);
    expect(utcDayNumber(ms('1969-12-31T12:00:00Z'))).toBe(-1);
    expect(new Date(startOfUtcMonth(ms('2024-02-29T13:00:00Z'))).toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(new Date(startOfUtcYear(ms('2024-02-29T13:00:00Z'))).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
