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

  it('draws every chart when every part is given, holdout charts after the fit', () => {
    const html = renderHtmlReport({
      asOf: new Date('2026-01-01T00:00:00Z'),
      segments: [
        { segment: 'Champions', customers: 1, customerShare: 1 / 3, revenue: 400, revenueShare: 0.8, action: 'Reward them.' },
        { segment: 'At Risk', customers: 1, customerShare: 1 / 3, revenue: 100, revenueShare: 0.2 },
      ],
      customers: customers.map((c, i) => ({ ...c, monetary: 10 * (i + 1) })),
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
    expect(charts(html)).toEqual([
      'segments',
      'rf-heatmap',
      'rf-monetary-heatmap',
      'repeat-purchases',
      'tracking',
      'tracking-cumulative',
      'clv-distribution',
      'expected-purchases-heatmap',
      'alive-heatmap',
    ]);
    expect(html).toContain('end of calibration');
    expect(html).toContain('log-likelihood -9582.400');
    expect(html).toMatch(/<td>alpha<\/td><td class="num">4\.40000<\/td><td class="num">0\.300<\/td>/);
    // Without a holdout the page names no period.
    expect(html).not.toContain('class="period"');
  });

  it('every heat map has a colour legend', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01', customers: customers.map((c) => ({ ...c, monetary: 5 })) });
    const maps = [...html.matchAll(/<figure class="chart" data-chart="([a-z-]+)"[^>]*><svg[^>]*data-chart-kind="heatmap"[^>]*>(.*?)<\/svg>/g)];
    expect(maps.map((m) => m[1])).toEqual(['rf-heatmap', 'rf-monetary-heatmap', 'expected-purchases-heatmap', 'alive-heatmap']);
    for (const m of maps) expect(m[2], m[1]).toMatch(/<g class="legend" data-min="[^"]+" data-max="[^"]+">(<text[^>]*>[^<]+<\/text>)?<rect class="legend-swatch"/);
  });

  const holdoutInput = {
    asOf: '1998-07-01',
    customers,
    chiSquare: 34.46,
    repeatPurchases: [{ label: '0', actual: 10, expected: 9.5 }],
    fits: [{ name: 'BG/NBD', params: { r: 0.24 }, period: 'calibration' as const }, { name: 'Gamma-Gamma', params: { p: 5 }, period: 'whole' as const }],
    holdout: {
      from: '1997-10-01',
      to: '1998-07-01',
      duration: 39.14,
      customers: 23_570,
      newInHoldout: 0,
      actual: 19_684,
      expected: 16_925.5,
      mae: 0.8194,
      rmse: 1.7326,
      bias: -0.117,
      byFrequency: [
        { label: '0', customers: 14_119, actual: 0.23, expected: 0.21 },
        { label: '1', customers: 0, actual: null, expected: null },
      ],
    },
    tracking: [
      { start: 0, period: 1, actual: 30, expected: 28 },
      { start: 1, period: 2, actual: 35, expected: 33 },
      { start: 2, period: 2.25, actual: 1, expected: 8 },
    ],
    calibrationEnd: 1,
  };

  it('shows the holdout figures and says which period each figure comes from', () => {
    const html = renderHtmlReport(holdoutInput);
    const figure = (name: string) => new RegExp(`<tr data-figure="${name}"><td>[^<]+</td><td class="num">([^<]+)</td>`).exec(html)?.[1];
    expect([figure('actual'), figure('expected'), figure('mae'), figure('rmse'), figure('bias'), figure('chi-square')]).toEqual([
      '19,684',
      '16,925.5 (-14.0%)',
      '0.819',
      '1.733',
      '-0.117',
      '34.5',
    ]);
    expect(html).toContain('<table class="periods">');
    const periods = [...html.matchAll(/<p class="period" data-period="([a-z]+)">([^<]+)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(periods).toEqual([
      ['whole', 'Whole period: segments and R × F maps from every transaction up to 1998-07-01.'],
      ['calibration', 'Calibration period: fitted from the transactions before 1997-10-01.'],
      ['whole', 'Whole period: fitted from every transaction up to 1998-07-01.'],
      ['calibration', 'Calibration period: the check and its chi-square from the transactions before 1997-10-01.'],
      ['holdout', 'Holdout period: purchases counted from 1997-10-01 to 1998-07-01.'],
      ['whole', 'Whole period: CLV, expected purchases and P(alive) computed from every transaction up to 1998-07-01.'],
      ['whole', 'Whole period: values computed from every transaction up to 1998-07-01.'],
    ]);
    expect(charts(html)).toEqual(['rf-heatmap', 'repeat-purchases', 'holdout-by-frequency', 'tracking', 'tracking-cumulative', 'clv-distribution', 'expected-purchases-heatmap', 'alive-heatmap']);
  });

  it('leaves a partial last period out of the weekly tracking line, keeps it in the cumulative one, and says so', () => {
    const html = renderHtmlReport(holdoutInput);
    const path = (chart: string) => new RegExp(`data-chart="${chart}".*?<path class="line" d="([^"]+)"`, 's').exec(html)?.[1] ?? '';
    // d3's line: one M and one L per further point.
    expect(path('tracking').match(/L/g)).toHaveLength(1);
    expect(path('tracking-cumulative').match(/L/g)).toHaveLength(2);
    expect(html).toContain('The last period is partial (0.25 weeks long, 1 actual and 8.0 expected)');
  });

  it('explains an empty F row and P(alive) = 1 without repeat purchases', () => {
    const html = renderHtmlReport({
      asOf: '2026-01-01',
      customers: [
        { customerId: 'a', r: 1, f: 1, x: 0, tx: 0, T: 20, probabilityAlive: 1, expectedPurchases: 0.3 },
        { customerId: 'b', r: 2, f: 1, x: 0, tx: 0, T: 10, probabilityAlive: 1, expectedPurchases: 0.5 },
        { customerId: 'c', r: 3, f: 3, x: 4, tx: 9, T: 10, probabilityAlive: 0.9, expectedPurchases: 2 },
      ],
    });
    expect(html).toMatch(/data-note="empty-frequency-scores">Row F2 is empty, and this is not an error\. .*67% of the customers share score F1/);
    expect(html).toMatch(/data-note="alive-without-repeat">All 2 customers without a repeat purchase \(row 0\) have P\(alive\) = 1\. This is a property of the model/);
    // No note when nothing looks wrong.
    const plain = renderHtmlReport({ asOf: '2026-01-01', customers: [{ customerId: 'a', r: 1, f: 1, x: 0, tx: 0, T: 5, probabilityAlive: 0.6 }] });
    expect(plain).not.toContain('class="note"');
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
    expect(html).toContain('<g class="legend" data-min="0" data-max="1">');
    expect(html).not.toContain('NaN');
  });
});
