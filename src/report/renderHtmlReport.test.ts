import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const charts = (html: string) => [...html.matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1]);

const customers = [
  { customerId: 'a', segment: 'Champions', r: 5, f: 5, x: 12, tx: 50, T: 52, probabilityAlive: 0.95, expectedPurchases: 9.1, clv: 400 },
  { customerId: 'b', segment: 'At Risk', r: 1, f: 4, x: 6, tx: 10, T: 52, probabilityAlive: 0.2, expectedPurchases: 0.5, clv: 30 },
  { customerId: 'c', segment: 'Lost', r: 1, f: 1, x: 0, tx: 0, T: 40, probabilityAlive: 1, expectedPurchases: 0.3, clv: 30 },
];

describe('renderHtmlReport', () => {
  it('shows only the title and date when given only asOf', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01' });
    expect(html).toContain('<h1>relmark report</h1>');
    expect(html).toContain('As of 2026-01-01');
    expect(charts(html)).toEqual([]);
  });

  it('draws every chart when every part is given, tracking last with its marker', () => {
    const html = renderHtmlReport({
      asOf: new Date('2026-01-01T00:00:00Z'),
      segments: [
        { segment: 'Champions', customers: 1, customerShare: 1 / 3, revenue: 400, revenueShare: 0.8, action: 'Reward them.' },
        { segment: 'At Risk', customers: 1, customerShare: 1 / 3, revenue: 100, revenueShare: 0.2 },
      ],
      customers,
      fits: [{ name: 'BG/NBD', params: { r: 0.24, alpha: 4.4 }, standardErrors: { r: 0.01, alpha: 0.3 }, logLikelihood: -9582.4, customers: 2357 }],
      repeatPurchases: [
        { label: '0', actual: 10, expected: 9.5 },
        { label: '1+', actual: 5, expected: 5.5 },
      ],
      tracking: [
        { period: 1, actual: 3, expected: 2.5 },
        { period: 2, actual: 4, expected: 3.9 },
        { period: 3, actual: 2, expected: 2.2 },
      ],
      calibrationEnd: 2,
    });
    expect(charts(html)).toEqual(['segments', 'rf-heatmap', 'repeat-purchases', 'clv-distribution', 'alive-heatmap', 'tracking']);
    expect(html).toContain('end of calibration');
    expect(html).toContain('log-likelihood -9582.400');
    expect(html).toMatch(/<td>alpha<\/td><td class="num">4\.40000<\/td><td class="num">0\.300<\/td>/);
  });

  it('lists top customers by CLV, ties by id, up to topCustomers', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01', customers: customers.toReversed(), topCustomers: 2 });
    const ids = [...html.matchAll(/<tr><td>([a-z])<\/td><td>/g)].map((m) => m[1]);
    expect(ids).toEqual(['a', 'b']);
    expect(html).toContain('Top 2 customers by CLV');
  });

  it('escapes every piece of text it is given', () => {
    const html = renderHtmlReport({
      asOf: '2026-01-01',
      title: '<script>alert(1)</script>',
      notes: ['a & b'],
      segments: [{ segment: '<b>x</b>', customers: 1, customerShare: 1, revenue: 1, revenueShare: 1, action: '"quoted"' }],
      customers: [{ customerId: '<img src=x onerror=alert(1)>', clv: 1 }],
    });
    expect(html).not.toMatch(/<script|<img|<b>x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('&quot;quoted&quot;');
  });

  it('is self-contained: no script, no link, no URL but the SVG namespace', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01', customers });
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/);
    expect(html.match(/https?:\/\/[^"]+/g)?.every((url) => url === 'http://www.w3.org/2000/svg')).toBe(true);
  });

  it('is deterministic and does not depend on customer order (apart from ties shown by id)', () => {
    const one = renderHtmlReport({ asOf: '2026-01-01', customers });
    expect(renderHtmlReport({ asOf: '2026-01-01', customers: [customers[2]!, customers[0]!, customers[1]!] })).toBe(one);
  });

  it('rejects invalid input with the path of every bad field', () => {
    const error = thrownRelmarkError(() =>
      renderHtmlReport({ asOf: 'not a date', customers: [{ customerId: 'a', probabilityAlive: 1.5 }, { customerId: 'b', clv: Number.NaN }] }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['asOf'], ['customers', 0, 'probabilityAlive'], ['customers', 1, 'clv']]));
  });

  it('handles a single customer and all-equal values', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01', customers: [{ customerId: 'a', r: 3, f: 3, x: 1, tx: 1, T: 1, probabilityAlive: 0.5, clv: 7 }] });
    expect(charts(html)).toEqual(['rf-heatmap', 'clv-distribution', 'alive-heatmap']);
    expect(html).not.toContain('NaN');
  });
});
