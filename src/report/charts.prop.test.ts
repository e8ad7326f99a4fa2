import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBarChart, renderHeatMap, renderHtmlReport } from 'relmark/report';

const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null), fc.constant(Number.NaN));

describe('chart laws', () => {
  it('a bar chart draws exactly one bar per finite value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.array(value, { minLength: 18, maxLength: 18 }), (n, k, pool) => {
        const series = Array.from({ length: k }, (_, s) => ({ name: `s${s}`, values: pool.slice(s * n, s * n + n) }));
        const svg = renderBarChart({ categories: Array.from({ length: n }, (_, i) => `c${i}`), series });
        const finite = series.flatMap((s) => s.values).filter((v) => v !== null && Number.isFinite(v)).length;
        expect(svg.match(/<rect class="bar"/g)?.length ?? 0).toBe(finite);
        expect(svg).not.toContain('NaN');
      }),
    );
  });

  it('a heat map draws one cell per (row, column) and never NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(value, { minLength: 25, maxLength: 25 }), (r, c, pool) => {
        const values = Array.from({ length: r }, (_, i) => pool.slice(i * c, i * c + c));
        const svg = renderHeatMap({ rows: Array.from({ length: r }, (_, i) => `r${i}`), columns: Array.from({ length: c }, (_, i) => `c${i}`), values });
        const anyFinite = values.flat().some((v) => v !== null && Number.isFinite(v));
        expect(svg.match(/<rect class="cell"/g)?.length ?? 0).toBe(anyFinite ? r * c : 0);
        expect(svg).not.toContain('NaN');
      }),
    );
  });

  it('any text is escaped: a label never opens an element', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (label, id) => {
        const html = renderHtmlReport({
          asOf: '2026-01-01',
          segments: [{ segment: `<x>${label}`, customers: 1, customerShare: 1, revenue: 1, revenueShare: 1, action: label }],
          customers: [{ customerId: `<y>${id}`, r: 1, f: 1, clv: 1 }],
        });
        expect(html).not.toContain('<x>');
        expect(html).not.toContain('<y>');
      }),
    );
  });

  it('the report does not depend on the order of the customers', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ customerId: fc.string({ minLength: 1, maxLength: 4 }), r: fc.integer({ min: 1, max: 5 }), f: fc.integer({ min: 1, max: 5 }), clv: fc.double({ min: 0, max: 1e4, noNaN: true }) }), { selector: (c) => c.customerId, minLength: 1, maxLength: 30 }),
        (customers) => {
          const shuffled = customers.toSorted((p, q) => (p.customerId < q.customerId ? 1 : -1));
          expect(renderHtmlReport({ asOf: '2026-01-01', customers: shuffled })).toBe(renderHtmlReport({ asOf: '2026-01-01', customers }));
        },
      ),
    );
  });
});
