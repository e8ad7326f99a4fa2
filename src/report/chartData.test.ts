import { describe, expect, it } from 'vitest';
import { clvDistributionChartData, frequencyRecencyChartData, reportChartData, rfChartData, trackingChartData } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('rfChartData', () => {
  it('counts customers and averages monetary per (F, R) cell, F from high to low', () => {
    const data = rfChartData([
      { customerId: 'a', r: 1, f: 2, monetary: 10 },
      { customerId: 'b', r: 1, f: 2, monetary: 30 },
      { customerId: 'c', r: 2, f: 1 },
      { customerId: 'd' },
    ]);
    expect(data.bins).toBe(2);
    expect(data.customers).toBe(3);
    expect(data.cells).toEqual([
      { r: 1, f: 2, customers: 2, meanMonetary: 20 },
      { r: 2, f: 2, customers: 0, meanMonetary: null },
      { r: 1, f: 1, customers: 0, meanMonetary: null },
      { r: 2, f: 1, customers: 1, meanMonetary: null },
    ]);
    expect(data.emptyFrequencyScores).toEqual([]);
  });

  it('lists the F scores that ties leave empty (CDNOW: half bought once, so F2 is empty)', () => {
    const customers = [
      ...Array.from({ length: 6 }, (_, i) => ({ customerId: `once${i}`, r: 1 + (i % 5), f: 1 })),
      { customerId: 'x', r: 5, f: 3 },
      { customerId: 'y', r: 4, f: 4 },
      { customerId: 'z', r: 5, f: 5 },
    ];
    const data = rfChartData(customers);
    expect(data.emptyFrequencyScores).toEqual([2]);
    expect(data.frequencyScores.map((s) => s.customers)).toEqual([6, 0, 1, 1, 1]);
  });

  it('gives an empty grid without scored customers, and rejects a score of 0 with its path', () => {
    expect(rfChartData([{ customerId: 'a', clv: 3 }])).toEqual({ bins: 0, customers: 0, cells: [], frequencyScores: [], emptyFrequencyScores: [] });
    const error = thrownRelmarkError(() => rfChartData([{ customerId: 'a', r: 0, f: 1 }]));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([[0, 'r']]);
  });
});

describe('clvDistributionChartData', () => {
  const of = (values: readonly number[]) => values.map((clv, i) => ({ customerId: `c${i}`, clv }));

  it('keeps concentrated value readable: most customers in low bands, most value in the top ones', () => {
    // 20,000 customers worth 1–9 and 50 worth 2,000–6,900: ten equal-width bins would put everyone but the 50 in the first.
    const values = [...Array.from({ length: 20_000 }, (_, i) => 1 + (i % 9)), ...Array.from({ length: 50 }, (_, i) => 2000 + 100 * i)];
    const data = clvDistributionChartData(of(values));
    // 1 to 6,900 spans 5 decades of bands (a value of 1 lies in (0.3, 1]): 1-3 steps.
    expect(data.bands.map((b) => b.label)).toEqual(['0.3–1', '1–3', '3–10', '10–30', '30–100', '100–300', '300–1k', '1k–3k', '3k–10k']);
    expect(data.bands.reduce((n, b) => n + b.customers, 0)).toBe(20_050);
    const top = data.bands.filter((b) => b.lo !== null && b.lo >= 1000);
    expect(top.reduce((n, b) => n + b.customers, 0)).toBe(50);
    expect(top.reduce((s, b) => s + (b.valueShare ?? 0), 0)).toBeGreaterThan(0.5);
    expect(data.topTenPercentShare).toBeGreaterThan(0.5);
  });

  it('pools the values below the 1st percentile into a first band (0, e₀]', () => {
    // 201 values: the 1st percentile is the third smallest (51), so 1e-6 and 1 go to the first band.
    const values = [1e-6, ...Array.from({ length: 200 }, (_, i) => 1 + i * 50)];
    const data = clvDistributionChartData(of(values));
    expect(data.bands[0]).toMatchObject({ lo: 0, hi: 50, customers: 2 });
    expect(data.bands.map((b) => b.label)).toEqual(['0–50', '50–100', '100–200', '200–500', '500–1k', '1k–2k', '2k–5k', '5k–10k']);
  });

  it.each([
    ['no customer', [], []],
    ['one value', [7], ['5–10:1']],
    ['all equal', [7, 7, 7], ['5–10:3']],
    ['zero and negative values', [-3, 0, 4], ['≤ 0:2', '2–5:1']],
  ])('edge case: %s', (_name, values, expected) => {
    const data = clvDistributionChartData(of(values));
    expect(data.bands.map((b) => `${b.label}:${b.customers}`)).toEqual(expected);
    expect(data.customers).toBe(values.length);
  });

  it('pools values more than 6 decades below the top, and never writes an infinite bound', () => {
    const data = clvDistributionChartData(of([1, 1.7e308]));
    expect(data.bands[0]).toMatchObject({ lo: 0, customers: 1 });
    expect(data.bands.every((b) => Number.isFinite(b.hi))).toBe(true);
    expect(data.bands.at(-1)).toMatchObject({ hi: 1.7e308, customers: 1 });
    expect(data.bands.reduce((n, b) => n + b.customers, 0)).toBe(2);
  });

  it('has no value shares when the total is not positive', () => {
    const data = clvDistributionChartData(of([-2, 0, 1]));
    expect(data.total).toBe(-1);
    expect(data.bands.map((b) => b.valueShare)).toEqual([null, null]);
    expect(data.topTenPercentShare).toBeNull();
  });
});

describe('frequencyRecencyChartData', () => {
  it('averages P(alive) and expected purchases per frequency bucket and recency interval', () => {
    const data = frequencyRecencyChartData([
      { customerId: 'a', x: 1, tx: 10, T: 12, probabilityAlive: 0.9, expectedPurchases: 1 },
      { customerId: 'b', x: 1, tx: 9, T: 12, probabilityAlive: 0.7, expectedPurchases: 2 },
      { customerId: 'c', x: 12, tx: 1, T: 40, probabilityAlive: 0.1 },
      { customerId: 'd', x: 0, tx: 0, T: 40 },
    ]);
    expect(data.frequencies).toEqual(['10+', '5–9', '3–4', '2', '1', '0']);
    expect(data.customers).toBe(3);
    const cell = data.cells.find((c) => c.frequency === '1' && c.customers > 0);
    expect(cell?.recency).toBe(data.recencies[0]);
    expect(cell?.probabilityAlive).toBeCloseTo(0.8, 12);
    expect(cell?.expectedPurchases).toBeCloseTo(1.5, 12);
    expect(data.cells.filter((c) => c.frequency === '10+' && c.customers > 0).map((c) => [c.probabilityAlive, c.expectedPurchases])).toEqual([[0.1, null]]);
    expect(data.noRepeat).toEqual({ customers: 0, probabilityAliveOne: 0 });
  });

  it('counts the customers without a repeat purchase whose P(alive) is 1', () => {
    const data = frequencyRecencyChartData([
      { customerId: 'a', x: 0, tx: 0, T: 30, probabilityAlive: 1 },
      { customerId: 'b', x: 0, tx: 0, T: 5, probabilityAlive: 0.6 },
    ]);
    expect(data.noRepeat).toEqual({ customers: 2, probabilityAliveOne: 1 });
  });

  it('is empty without histories, and rejects a P(alive) above 1 with its path', () => {
    expect(frequencyRecencyChartData([{ customerId: 'a', clv: 1 }])).toMatchObject({ customers: 0, noRepeat: { customers: 0, probabilityAliveOne: 0 } });
    expect(thrownRelmarkError(() => frequencyRecencyChartData([{ customerId: 'a', probabilityAlive: 1.5 }])).issues.map((i) => i.path)).toEqual([[0, 'probabilityAlive']]);
  });
});

describe('trackingChartData', () => {
  it('marks a last period shorter than the others as partial, sorts by end and keeps running totals', () => {
    const data = trackingChartData([
      { start: 2, period: 2.2, actual: 0, expected: 9 },
      { start: 0, period: 1, actual: 10, expected: 9 },
      { start: 1, period: 2, actual: 12, expected: 11 },
    ]);
    expect(data.points.map((p) => [p.end, p.partial, p.cumulativeActual, p.cumulativeExpected])).toEqual([
      [1, false, 10, 9],
      [2, false, 22, 20],
      [2.2, true, 22, 29],
    ]);
    expect(data.calibrationEnd).toBeNull();
  });

  it('marks nothing partial without period starts', () => {
    expect(trackingChartData([{ period: 1, actual: 1, expected: 1 }, { period: 1.5, actual: 0, expected: 1 }]).points.map((p) => p.partial)).toEqual([false, false]);
  });

  it('rejects a non-finite point (invalid_input) and a bad calibrationEnd (invalid_options)', () => {
    expect(thrownRelmarkError(() => trackingChartData([{ period: Number.NaN, actual: 1, expected: 1 }])).code).toBe('invalid_input');
    expect(thrownRelmarkError(() => trackingChartData([], { calibrationEnd: Number.POSITIVE_INFINITY })).code).toBe('invalid_options');
  });
});

describe('reportChartData', () => {
  it('gives the periods and holdout figures of a holdout run, empty frequency rows as null', () => {
    const data = reportChartData({
      asOf: '1998-07-01',
      repeatPurchases: [{ label: '0', actual: 3, expected: 2.5 }],
      chiSquare: 1.2,
      holdout: {
        from: '1997-10-01',
        to: '1998-07-01',
        duration: 39.14,
        customers: 3,
        actual: 4,
        expected: 3.5,
        mae: 0.5,
        rmse: 0.7,
        bias: -0.17,
        byFrequency: [
          { label: '0', customers: 3, actual: 1.3, expected: 1.2 },
          { label: '1', customers: 0, actual: null, expected: null },
        ],
      },
    });
    expect(data.periods).toEqual({
      calibration: { before: '1997-10-01T00:00:00.000Z' },
      holdout: { from: '1997-10-01T00:00:00.000Z', to: '1998-07-01T00:00:00.000Z' },
      whole: { to: '1998-07-01T00:00:00.000Z' },
    });
    expect(data.repeatPurchases).toEqual({ period: 'calibration', chiSquare: 1.2, rows: [{ label: '0', actual: 3, expected: 2.5 }] });
    expect(data.holdout?.byFrequency[1]).toEqual({ label: '1', customers: 0, actual: null, expected: null });
    expect(data.holdout?.newInHoldout).toBeNull();
    expect(data.charts).toEqual(['repeat-purchases', 'holdout-by-frequency']);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('gives only the date and unit for an input with only asOf', () => {
    expect(reportChartData({ asOf: '2026-01-01' })).toEqual({ asOf: '2026-01-01T00:00:00.000Z', timeUnit: 'week', charts: [] });
  });

  it('rejects invalid input with every path', () => {
    const error = thrownRelmarkError(() => reportChartData({ asOf: 'x', holdout: { from: '1997-10-01', to: '1998-07-01', duration: -1, customers: 1, actual: 1, expected: 1, mae: 0, rmse: 0, bias: 0 } }));
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['asOf'], ['holdout', 'duration']]));
  });
});
