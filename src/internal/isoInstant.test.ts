import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIsoInstant } from './isoInstant.js';

describe('readIsoInstant', () => {
  it.each([
    ['1997-09-30', '1997-09-30T00:00:00.000Z'],
    ['2014-01-01T10:00', '2014-01-01T10:00:00.000Z'],
    ['2014-01-01 10:00:00', '2014-01-01T10:00:00.000Z'],
    ['2014-01-01T10:00:00.1234567Z', '2014-01-01T10:00:00.123Z'],
    ['2014-01-01T10:00:00+02:00', '2014-01-01T08:00:00.000Z'],
    ['2014-01-01T10:00:00-0530', '2014-01-01T15:30:00.000Z'],
    ['2014-01-01T10:00:00+02', '2014-01-01T08:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0050-06-01', '0050-06-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    const read = readIsoInstant(text);
    expect('ms' in read && new Date(read.ms).toISOString()).toBe(iso);
  });

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-01T24:00', '2024-01-01T10:60', '2024-01-01T10:00:60', '2024-01-01T10:00+24:00'])(
    'says %s is not a real date',
    (text) => expect(readIsoInstant(text)).toEqual({ problem: 'not_a_real_date' }),
  );

  it.each(['', 'yesterday', '2024-1-01', '20240101', '2024-01-01T', '2024-01-01T10', '2024-01-01Z', '2024-01-01T10:00:00+2'])('says %j is not ISO-8601', (text) => {
    expect(readIsoInstant(text)).toEqual({ problem: 'not_iso' });
  });

  it('agrees with the JavaScript Date parser on every instant it prints, with any offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const iso = date.toISOString();
          const read = readIsoInstant(iso);
          expect('ms' in read && read.ms).toBe(date.getTime());
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const withOffset = `${iso.slice(0, -1)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const again = readIsoInstant(withOffset);
          expect('ms' in again && again.ms).toBe(Date.parse(withOffset));
        },
      ),
    );
  });
});
