import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromWallMs,
  localDayNumber,
  localMinuteOfDay,
  nextLocalTime,
  offsetChangesBetween,
  startOfLocalDay,
  startOfWeekDay,
  wallTimeInstants,
  weekdayOf,
  zoneOffset,
} from './localTime.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3_600_000;

describe('zoneOffset', () => {
  it.each([
    ['Europe/Paris', '2024-01-15T12:00:00Z', 1],
    ['Europe/Paris', '2024-07-15T12:00:00Z', 2],
    ['Europe/Paris', '2024-03-31T00:59:59Z', 1],
    ['Europe/Paris', '2024-03-31T01:00:00Z', 2],
    ['America/New_York', '2024-11-03T05:59:59Z', -4],
    ['America/New_York', '2024-11-03T06:00:00Z', -5],
    ['Asia/Kathmandu', '2024-01-01T00:00:00Z', 5.75],
    ['Australia/Lord_Howe', '2024-04-06T14:59:59Z', 11],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z', 10.5],
    ['UTC', '2024-03-31T01:00:00Z', 0],
  ])('%s at %s is UTC%+d h', (zone, when, hours) => {
    expect(zoneOffset(zone, at(when))).toBe(hours * hour);
  });

  it('agrees with Intl on arbitrary instants in DST zones', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2026-01-01T00:00:00Z') }), (zone, ms) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
            .formatToParts(ms)
            .map((p) => [p.type, Number(p.value)]),
        );
        const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
        expect(zoneOffset(zone, ms)).toBe(wall - Math.floor(ms / 1000) * 1000);
      }),
    );
  });
});

describe('fromWallMs (local wall time → instant)', () => {
  it.each([
    ['an ordinary time', 'Europe/Paris', '2024-06-01T09:00:00Z', '2024-06-01T07:00:00.000Z'],
    ['a time in the spring-forward gap moves to the first valid instant', 'Europe/Paris', '2024-03-31T02:30:00Z', '2024-03-31T01:00:00.000Z'],
    ['an ambiguous fall-back time takes the earlier instant', 'Europe/Paris', '2024-10-27T02:30:00Z', '2024-10-27T00:30:00.000Z'],
    ['New York gap at 02:30', 'America/New_York', '2024-03-10T02:30:00Z', '2024-03-10T07:00:00.000Z'],
    ['New York overlap at 01:30', 'America/New_York', '2024-11-03T01:30:00Z', '2024-11-03T05:30:00.000Z'],
    ['Santiago midnight falls in the gap', 'America/Santiago', '2024-09-08T00:00:00Z', '2024-09-08T04:00:00.000Z'],
    ['Lord Howe 30-minute overlap', 'Australia/Lord_Howe', '2024-04-07T01:45:00Z', '2024-04-06T14:45:00.000Z'],
  ])('%s', (_name, zone, wall, expected) => {
    expect(iso(fromWallMs(zone, at(wall)))).toBe(expected);
  });

  it('round-trips every instant that is not in an overlap', () => {
    fc.assert(
      fc.property(fc.constantFrom('Europe/Paris', 'America/Santiago', 'Asia/Kathmandu'), fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2025-01-01T00:00:00Z') }), (zone, ms) => {
        const back = fromWallMs(zone, ms + zoneOffset(zone, ms));
        // In an overlap the earlier instant wins, one DST shift before.
        expect([0, zoneOffset(zone, ms) - zoneOffset(zone, back)].includes(ms - back) || back === ms).toBe(true);
        expect(back).toBeLessThanOrEqual(ms);
      }),
    );
  });
});

describe('local calendar helpers', () => {
  it('finds local days, minutes and weekdays', () => {
    expect(localMinuteOfDay('Asia/Kathmandu', at('2024-01-01T00:00:00Z'))).toBe(345);
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
    const day = localDayNumber('Europe/Paris', at('2024-06-05T23:30:00Z')); // Thursday 6 June, 01:30 in Paris
    expect(iso(day * 86_400_000)).toBe('2024-06-06T00:00:00.000Z');
    expect(iso(startOfWeekDay(day, 1) * 86_400_000)).toBe('2024-06-03T00:00:00.000Z');
    expect(iso(startOfWeekDay(day, 0) * 86_400_000)).toBe('2024-06-02T00:00:00.000Z');
  });

  it('starts a local day whose midnight is skipped at the first valid instant', () => {
    const day = localDayNumber('America/Santiago', at('2024-09-08T12:00:00Z'));
    expect(iso(startOfLocalDay('America/Santiago', day))).toBe('2024-09-08T04:00:00.000Z');
  });

  it.each([
    ['later the same day', 'Europe/Paris', '2024-06-01T05:00:00Z', 8 * 60, '2024-06-01T06:00:00.000Z'],
    ['the next day when already past', 'Europe/Paris', '2024-06-01T07:00:00Z', 8 * 60, '2024-06-02T06:00:00.000Z'],
    ['exactly now', 'Europe/Paris', '2024-06-01T06:00:00Z', 8 * 60, '2024-06-01T06:00:00.000Z'],
    ['a skipped wall time resolves to the transition', 'America/New_York', '2024-03-10T05:00:00Z', 150, '2024-03-10T07:00:00.000Z'],
    ['the first pass of a repeated hour', 'Europe/Berlin', '2024-10-27T00:15:00Z', 150, '2024-10-27T00:30:00.000Z'],
    ['the second pass of a repeated hour, not the next day', 'Europe/Berlin', '2024-10-27T01:15:00Z', 150, '2024-10-27T01:30:00.000Z'],
    ['the second pass in New York', 'America/New_York', '2024-11-03T06:15:00Z', 90, '2024-11-03T06:30:00.000Z'],
    ['the second pass of a 30-minute overlap', 'Australia/Lord_Howe', '2024-04-06T15:10:00Z', 105, '2024-04-06T15:15:00.000Z'],
  ])('nextLocalTime: %s', (_name, zone, from, minute, expected) => {
    expect(iso(nextLocalTime(zone, at(from), minute))).toBe(expected);
  });

  it.each([
    ['an ordinary time has one instant', 'Europe/Berlin', '2024-06-01T09:00:00Z', ['2024-06-01T07:00:00.000Z']],
    ['a repeated time has two, earlier first', 'Europe/Berlin', '2024-10-27T02:30:00Z', ['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z']],
    ['a skipped time has the transition', 'Europe/Berlin', '2024-03-31T02:30:00Z', ['2024-03-31T01:00:00.000Z']],
    ['Lord Howe repeats half an hour', 'Australia/Lord_Howe', '2024-04-07T01:45:00Z', ['2024-04-06T14:45:00.000Z', '2024-04-06T15:15:00.000Z']],
  ])('wallTimeInstants: %s', (_name, zone, wall, expected) => {
    expect(wallTimeInstants(zone, at(wall)).map(iso)).toEqual(expected);
  });

  it('offsetChangesBetween lists the transitions in (from, to]', () => {
    expect(offsetChangesBetween('Europe/Berlin', at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z')).map(iso)).toEqual(['2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z']);
    expect(offsetChangesBetween('Europe/Berlin', at('2024-10-27T01:00:00Z'), at('2024-10-28T00:00:00Z'))).toEqual([]);
    expect(offsetChangesBetween('Europe/Berlin', at('2024-10-27T00:59:59.999Z'), at('2024-10-27T01:00:00Z')).map(iso)).toEqual(['2024-10-27T01:00:00.000Z']);
    expect(offsetChangesBetween('Asia/Kolkata', at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'))).toEqual([]);
  });
});
