import { describe, expect, it } from 'vitest';
import { AttributesSchema, CurrencySchema, IdSchema, InstantSchema, TimeZoneSchema } from './primitives.js';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('InstantSchema', () => {
  it.each([
    ['a date-only string, read as UTC midnight', '1997-09-30', '1997-09-30T00:00:00.000Z'],
    ['a date-time without offset, read as UTC', '2014-01-01T10:00:00', '2014-01-01T10:00:00.000Z'],
    ['a space instead of T', '2014-01-01 10:00:00', '2014-01-01T10:00:00.000Z'],
    ['an offset', '2014-01-01T10:00:00+02:00', '2014-01-01T08:00:00.000Z'],
    ['epoch milliseconds', 86_400_000, '1970-01-02T00:00:00.000Z'],
    ['a Date', new Date('2020-02-29T12:00:00Z'), '2020-02-29T12:00:00.000Z'],
  ])('accepts %s', (_label, input, iso) => {
    expect(InstantSchema.parse(input).toISOString()).toBe(iso);
  });

  it('returns a new Date, never the caller’s object', () => {
    const input = new Date('2020-01-01T00:00:00Z');
    const output = InstantSchema.parse(input);
    expect(output).not.toBe(input);
    expect(output.getTime()).toBe(input.getTime());
  });

  it.each([
    ['an impossible calendar date', '2023-02-30', 'Invalid date: "2023-02-30" is not a real calendar date or time'],
    ['free text', 'yesterday', 'Invalid date: expected an ISO-8601 date or date-time, received "yesterday"'],
    ['NaN', Number.NaN, 'Expected a date (Date, ISO-8601 string or epoch milliseconds), received NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Expected a date (Date, ISO-8601 string or epoch milliseconds), received Infinity'],
    ['an out-of-range epoch', 1e20, 'Invalid date: 100000000000000000000 ms is outside the range of dates'],
    ['an Invalid Date', new Date(Number.NaN), 'Expected a date (Date, ISO-8601 string or epoch milliseconds), received Invalid Date'],
    ['null', null, 'Expected a date (Date, ISO-8601 string or epoch milliseconds), received null'],
  ])('rejects %s with a message that says what it received', (_label, input, message) => {
    expect(messages(InstantSchema.safeParse(input))).toEqual([message]);
  });

  it('does not depend on the machine time zone for offset-less input', () => {
    // Offset-less text is pinned to UTC by appending Z before parsing, so TZ cannot shift it.
    expect(InstantSchema.parse('2024-03-31T02:30:00').getTime()).toBe(Date.UTC(2024, 2, 31, 2, 30));
  });
});

describe('IdSchema', () => {
  it.each([
    ['abc', 'abc'],
    [42, '42'],
    [0, '0'],
    ['ü-ñ', 'ü-ñ'],
  ])('turns %j into the string id %j', (input, id) => {
    expect(IdSchema.parse(input)).toBe(id);
  });

  it.each([
    ['', 'Expected an id of 1 to 256 characters, received 0'],
    [1.5, 'Expected an integer id (or a string), received 1.5'],
    [Number.NaN, 'Expected an id (a non-empty string or an integer), received NaN'],
    [null, 'Expected an id (a non-empty string or an integer), received null'],
    [{}, 'Expected an id (a non-empty string or an integer), received object'],
  ])('rejects %j', (input, message) => {
    expect(messages(IdSchema.safeParse(input))).toEqual([message]);
  });
});

describe('CurrencySchema and TimeZoneSchema', () => {
  it.each(['EUR', 'USD', 'JPY', 'CHF'])('accepts the currency %s', (code) => expect(CurrencySchema.safeParse(code).success).toBe(true));
  it.each(['eur', 'EU', 'ABC', 'EURO'])('rejects the currency %s', (code) => expect(CurrencySchema.safeParse(code).success).toBe(false));
  it.each(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires'])('accepts the zone %s', (zone) => expect(TimeZoneSchema.safeParse(zone).success).toBe(true));
  it.each(['', 'Mars/Olympus', 'GMT+25'])('rejects the zone %j', (zone) => expect(TimeZoneSchema.safeParse(zone).success).toBe(false));
});

describe('AttributesSchema', () => {
  it('reports a __proto__ key instead of dropping it, and pollutes nothing', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown;
    const result = AttributesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'prototype'])('rejects the reserved key %s', (key) => {
    expect(AttributesSchema.safeParse({ [key]: 1 }).success).toBe(false);
  });

  it('keeps JSON-like values', () => {
    expect(AttributesSchema.parse({ a: 'x', b: 2, c: false, d: null, e: [1, 'y'] })).toEqual({ a: 'x', b: 2, c: false, d: null, e: [1, 'y'] });
  });
});
