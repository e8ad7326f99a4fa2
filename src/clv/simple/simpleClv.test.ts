import { describe, expect, it } from 'vitest';
import { historicClv, retentionClv } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';

describe('retentionClv', () => {
  it('is m·r/(1+d−r) for an infinite horizon (Gupta & Lehmann 2003)', () => {
    expectClose(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }), 80 / 0.3, { rtol: 1e-15 });
  });

  it('sums the discounted, retained margins for a finite horizon', () => {
    const k = 0.9 / 1.05;
    const direct = [1, 2, 3, 4, 5].reduce((s, t) => s + 40 * k ** t, 0);
    expectClose(retentionClv({ margin: 40, retentionRate: 0.9, discountRate: 0.05, periods: 5 }), direct, { rtol: 1e-14 });
  });

  it('approaches the infinite value as the horizon grows', () => {
    const options = { margin: 10, retentionRate: 0.7, discountRate: 0.02 };
    expectClose(retentionClv({ ...options, periods: 2000 }), retentionClv(options), { rtol: 1e-12 });
  });

  it.each([
    [{ margin: 5, retentionRate: 0, discountRate: 0.1 }, 0],
    [{ margin: 5, retentionRate: 0, discountRate: 0.1, periods: 3 }, 0],
    [{ margin: 5, retentionRate: 0.5, discountRate: 0.1, periods: 0 }, 0],
    [{ margin: 5, retentionRate: 1, discountRate: 0, periods: 7 }, 35],
  ])('edge case %j → %s', (options, expected) => {
    expect(retentionClv(options)).toBe(expected);
  });

  it.each([
    [{ margin: 5, retentionRate: 1, discountRate: 0 }, ['retentionRate']],
    [{ margin: 5, retentionRate: 1.2, discountRate: 0 }, ['retentionRate']],
    [{ margin: Number.NaN, retentionRate: 0.5, discountRate: 0 }, ['margin']],
    [{ margin: 5, retentionRate: 0.5, discountRate: -0.1 }, ['discountRate']],
    [{ margin: 5, retentionRate: 0.5, discountRate: 0.1, periods: 1.5 }, ['periods']],
  ])('rejects %j with invalid_options at %j', (options, path) => {
    expect(() => retentionClv(options)).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path })] }));
  });
});

describe('historicClv', () => {
  it('compounds past net spend to asOf at the yearly rate', () => {
    const [value] = historicClv([{ customerId: 'a', at: '2023-01-01T00:00:00Z', amount: 100 }], { asOf: '2024-01-01T06:00:00Z', annualRate: 0.1 });
    // 2023-01-01 to 2024-01-01T06:00 is 365.25 days: exactly one year of 365.25 days.
    expectClose(value?.value ?? 0, 110, { rtol: 1e-12 });
  });

  it.each([
    ['no transactions', [], []],
    ['a zero purchase', [{ customerId: 'z', at: '2024-01-01', amount: 0 }], [{ customerId: 'z', value: 0, purchases: 1 }]],
  ])('handles %s', (_, rows, expected) => {
    expect(historicClv(rows, { asOf: '2024-02-01' })).toEqual(expected);
  });

  it('rejects transactions after asOf with future_date', () => {
    expect(() => historicClv([{ customerId: 'a', at: '2024-03-01', amount: 1 }], { asOf: '2024-02-01' })).toThrow(
      expect.objectContaining({ code: 'future_date', issues: [expect.objectContaining({ path: ['transactions', 0, 'at'] })] }),
    );
  });
});
