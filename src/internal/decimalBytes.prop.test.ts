import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeDecimalBytes } from './decimalBytes.js';

const buffer = new Uint8Array(64);
const textOf = (value: number): string | undefined => {
  const end = writeDecimalBytes(buffer, 3, value);
  return end < 0 ? undefined : String.fromCharCode(...buffer.subarray(3, end));
};

describe('writeDecimalBytes', () => {
  it('writes exactly String(value) whenever it writes anything, for any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const text = textOf(value);
        if (text !== undefined) expect(text).toBe(String(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes every amount of cents and every decimal of up to 6 places below 1e9 (the fast path is taken)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const value = units / 10 ** places;
        if (Math.abs(value) < 1e-6 && value !== 0) return;
        expect(textOf(value)).toBe(String(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sums of amounts, as per-customer totals produce them, keep String’s text (0.1 + 0.2 included)', () => {
    expect(textOf(0.1 + 0.2)).toBe(undefined); // 0.30000000000000004 needs 17 digits: the caller uses String
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 40 }), (cents) => {
        const total = cents.reduce((sum, c) => sum + c / 100, 0);
        const text = textOf(total);
        if (text !== undefined) expect(text).toBe(String(total));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves exponent notation, NaN and infinities to the caller', () => {
    for (const value of [1e-7, -1e-7, 1e21, 1e15 + 0.5, Number.NaN, Infinity, -Infinity]) expect(textOf(value)).toBe(undefined);
    expect(textOf(-0)).toBe('0');
    expect(textOf(123456789.123456)).toBe('123456789.123456');
  });
});
