import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clvDistributionChartData,
  frequencyRecencyChartData,
  renderHeatMap,
  renderHtmlReport,
  reportChartData,
  rfChartData,
  trackingChartData,
  type ReportCustomer,
} from 'relmark/report';

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

/** Report customers with any subset of the fields, ids unique. */
const customersArb = fc.uniqueArray(
  fc.record(
    {
      customerId: fc.string({ minLength: 1, maxLength: 4 }),
      r: fc.integer({ min: 1, max: 5 }),
      f: fc.integer({ min: 1, max: 5 }),
      monetary: fc.double({ min: -100, max: 1e4, noNaN: true }),
      x: fc.integer({ min: 0, max: 30 }),
      tx: fc.double({ min: 0, max: 40, noNaN: true }),
      T: fc.double({ min: 0, max: 80, noNaN: true }),
      probabilityAlive: fc.double({ min: 0, max: 1, noNaN: true }),
      expectedPurchases: fc.double({ min: 0, max: 50, noNaN: true }),
      clv: fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.double({ min: 1e-300, max: 1e-3, noNaN: true }), fc.constant(0)),
    },
    { requiredKeys: ['customerId'] },
  ),
  { selector: (c) => c.customerId, maxLength: 60 },
) as fc.Arbitrary<ReportCustomer[]>;

describe('chart data laws', () => {
  it('rfChartData: every scored customer is in exactly one cell, and the F totals add up', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const data = rfChartData(Object.freeze(customers.map((c) => Object.freeze(c))));
        const scored = customers.filter((c) => c.r !== undefined && c.f !== undefined);
        expect(data.cells).toHaveLength(data.bins * data.bins);
        expect(data.cells.reduce((n, c) => n + c.customers, 0)).toBe(scored.length);
        expect(data.frequencyScores.reduce((n, s) => n + s.customers, 0)).toBe(scored.length);
        for (const c of data.cells) expect(c.customers).toBe(scored.filter((s) => s.r === c.r && s.f === c.f).length);
        const highest = Math.max(0, ...scored.map((c) => c.f as number));
        expect(data.emptyFrequencyScores).toEqual(data.frequencyScores.filter((s) => s.f < highest && s.customers === 0).map((s) => s.f));
      }),
    );
  });

  it('clvDistributionChartData: the bands are contiguous, hold every customer once, and each customer lies in its band', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const data = clvDistributionChartData(customers);
        expect(data.bands.map((b) => b.lo).filter((lo) => lo === null).length).toBeLessThanOrEqual(1);
        const values = customers.map((c) => c.clv).filter((v): v is number => v !== undefined);
        expect(data.customers).toBe(values.length);
        expect(data.bands.reduce((n, b) => n + b.customers, 0)).toBe(values.length);
        data.bands.forEach((band, i) => {
          const inBand = values.filter((v) => (band.lo === null ? v <= band.hi : v > band.lo && v <= band.hi));
          expect(band.customers, band.label).toBe(inBand.length);
          // Positive bands are contiguous; the band of CLV ≤ 0 stands apart (0 has no place on a log axis).
          if (i > 0 && data.bands[i - 1]?.lo !== null) expect(band.lo).toBe(data.bands[i - 1]?.hi);
          if (i > 0) expect(band.lo).not.toBeNull();
          if (band.lo !== null) expect(band.hi).toBeGreaterThan(band.lo);
        });
        expect(data.bands.length).toBeLessThanOrEqual(15);
        if (values.length > 0) {
          expect(data.bands.reduce((s, b) => s + b.customerShare, 0)).toBeCloseTo(1, 12);
          const top = data.topTenPercentShare;
          if (data.total > 0 && values.every((v) => v >= 0)) {
            // The top tenth holds at least its own share of the customers, and at most everything.
            expect(top).not.toBeNull();
            expect(top as number).toBeGreaterThanOrEqual(Math.ceil(values.length / 10) / values.length - 1e-12);
            expect(top as number).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        const sum = data.bands.reduce((s, b) => s + b.clv, 0);
        expect(close(sum, data.total, values.reduce((s, v) => s + Math.abs(v), 0))).toBe(true);
        expect(JSON.parse(JSON.stringify(data))).toEqual(data);
      }),
    );
  });

  it('frequencyRecencyChartData: cells hold every customer once and conserve the totals of P(alive) and expected purchases', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const data = frequencyRecencyChartData(customers);
        const used = customers.filter((c) => c.x !== undefined && c.tx !== undefined && c.T !== undefined && (c.probabilityAlive !== undefined || c.expectedPurchases !== undefined));
        expect(data.customers).toBe(used.length);
        expect(data.cells).toHaveLength(data.frequencies.length * data.recencies.length);
        expect(data.cells.reduce((n, c) => n + c.customers, 0)).toBe(used.length);
        // Every customer in the sample has both values, so mean × count per cell adds up to the total.
        const alive = data.cells.reduce((s, c) => s + (c.probabilityAlive ?? 0) * c.customers, 0);
        const expected = data.cells.reduce((s, c) => s + (c.expectedPurchases ?? 0) * c.customers, 0);
        const both = used.every((c) => c.probabilityAlive !== undefined && c.expectedPurchases !== undefined);
        if (both) {
          expect(alive).toBeCloseTo(used.reduce((s, c) => s + (c.probabilityAlive as number), 0), 8);
          expect(expected).toBeCloseTo(used.reduce((s, c) => s + (c.expectedPurchases as number), 0), 6);
        }
        for (const c of data.cells) {
          if (c.probabilityAlive === null) continue;
          expect(c.probabilityAlive).toBeGreaterThanOrEqual(0);
          expect(c.probabilityAlive).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(data.noRepeat.customers).toBe(used.filter((c) => c.x === 0).length);
      }),
    );
  });

  it('trackingChartData: running totals end at the totals, and exactly the periods shorter than the longest are partial', () => {
    const point = fc.record({ start: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 1, max: 7 }), actual: fc.integer({ min: 0, max: 1000 }), expected: fc.double({ min: 0, max: 1000, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (raw) => {
        const tracking = raw.map((p) => ({ start: p.start / 7, period: (p.start + p.length) / 7, actual: p.actual, expected: p.expected }));
        const data = trackingChartData(tracking);
        expect(data.points).toHaveLength(tracking.length);
        const last = data.points.at(-1);
        expect(last?.cumulativeActual ?? 0).toBe(tracking.reduce((s, p) => s + p.actual, 0));
        if (last) expect(last.cumulativeExpected).toBeCloseTo(tracking.reduce((s, p) => s + p.expected, 0), 6);
        for (let i = 1; i < data.points.length; i++) {
          expect(data.points[i]!.end).toBeGreaterThanOrEqual(data.points[i - 1]!.end);
          expect(data.points[i]!.cumulativeActual).toBeGreaterThanOrEqual(data.points[i - 1]!.cumulativeActual);
        }
        const longest = Math.max(0, ...raw.map((p) => p.length));
        expect(data.points.filter((p) => p.partial).length).toBe(raw.filter((p) => p.length < longest).length);
      }),
    );
  });

  it('a heat map legend covers the range of the data', () => {
    const cell = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (values) => {
        const svg = renderHeatMap({ rows: values.map((_, i) => `r${i}`), columns: ['a', 'b', 'c'], values });
        const finite = values.flat().filter((v): v is number => v !== null);
        const legend = /<g class="legend" data-min="([^"]+)" data-max="([^"]+)">/.exec(svg);
        if (finite.length === 0) {
          expect(legend).toBeNull();
          return;
        }
        expect(Number(legend?.[1])).toBeLessThanOrEqual(Math.min(...finite));
        expect(Number(legend?.[2])).toBeGreaterThanOrEqual(Math.max(...finite));
        expect(svg).not.toContain('NaN');
      }),
    );
  });

  it('reportChartData is JSON-able and names exactly the charts the page draws, in order', () => {
    fc.assert(
      fc.property(customersArb, fc.boolean(), (customers, withTracking) => {
        const input = {
          asOf: '2026-01-01',
          customers,
          ...(withTracking ? { tracking: [{ start: 0, period: 1, actual: 2, expected: 1.5 }, { start: 1, period: 1.5, actual: 0, expected: 0.7 }], calibrationEnd: 1 } : {}),
        };
        const data = reportChartData(input);
        expect(JSON.parse(JSON.stringify(data))).toEqual(data);
        const drawn = [...renderHtmlReport(input).matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1]);
        expect(drawn).toEqual(data.charts);
      }),
      { numRuns: 50 },
    );
  });
});
