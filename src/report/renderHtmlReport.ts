import { fromZodError } from '../errors/fromZodError.js';
import { compareIds } from '../internal/order.js';
import { HtmlReportInputSchema, type HtmlReportInput, type ReportCustomer } from './htmlReportInput.js';
import { renderBarChart } from './renderBarChart.js';
import { renderHeatMap } from './renderHeatMap.js';
import { renderLineChart } from './renderLineChart.js';
import { aliveGrid, clvHistogram, rfGrid } from './reportSeries.js';
import { escapeXml, formatValue } from './svg.js';

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#555;margin:.1rem 0}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:1.2rem}
figure.chart{margin:0}
figure.chart figcaption{color:#555;font-size:.85rem;max-width:640px}
svg.relmark-chart{max-width:100%;height:auto;background:#fff}
`;

/** A table from a header and rows of cells; cells that are numbers are right-aligned. */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: readonly boolean[]): string {
  const th = header.map((h, i) => `<th${numeric[i] === true ? ' class="num"' : ''}>${escapeXml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${numeric[i] === true ? ' class="num"' : ''}>${escapeXml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(name: string, svg: string, caption: string): string {
  return `<figure class="chart" data-chart="${name}">${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/**
 * Turns analysis results into one self-contained HTML page: no script, no stylesheet or font to
 * fetch, every chart an inline SVG. It works offline, can be mailed as a file, and shows the same in
 * any browser.
 *
 * @remarks
 * Sections appear for the parts given: the segment table (customers, revenue share, suggested
 * action) with a chart of each segment's share of customers and of revenue; the R × F heat map
 * (customers per recency and frequency score); the model fits (parameters, standard errors,
 * log-likelihood) with the expected-vs-actual repeat-purchase histogram, the calibration check of
 * Fader, Hardie & Lee (2005, Figure 2); the CLV distribution; mean P(alive) by repeat purchases and
 * time since the last purchase; the top customers by CLV; and, for holdout runs, the period-by-period
 * tracking of actual against expected repeat purchases (FHL 2005, Figure 3). Charts are drawn by
 * {@link renderBarChart}, {@link renderHeatMap} and {@link renderLineChart}; each sits in a
 * `<figure class="chart" data-chart="…">`. All text is HTML-escaped. Pure: no DOM, no clock, no
 * `node:` import, so a notebook or a browser can call it.
 * Edge cases: only `asOf` given → a page with the title and nothing else; empty customer lists
 * give no customer charts; top-customer ties are broken by customer id (code-unit order).
 *
 * @param input - The results to show; see {@link HtmlReportInput}.
 * @returns The HTML document, starting with `<!doctype html>`.
 * @throws {@link RelmarkError} `invalid_input` when the input does not match
 *   {@link HtmlReportInput} (every issue with its path), e.g. a P(alive) outside [0, 1].
 * @example
 * ```ts
 * import { renderHtmlReport } from 'relmark';
 * const html = renderHtmlReport({
 *   asOf: '2026-01-01',
 *   segments: [{ segment: 'Champions', customers: 2, customerShare: 0.5, revenue: 90, revenueShare: 0.9, action: 'Reward them.' }],
 *   customers: [{ customerId: 'a', r: 5, f: 5, clv: 120 }, { customerId: 'b', r: 1, f: 2, clv: 3 }],
 * });
 * [html.startsWith('<!doctype html>'), [...html.matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1])];
 * //=> [true, ['segments', 'rf-heatmap', 'clv-distribution']]
 * ```
 * @category Report
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const parsed = HtmlReportInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'renderHtmlReport: invalid input');
  const data = parsed.data;
  const title = data.title ?? 'relmark report';
  const unit = data.timeUnit ?? 'week';
  const customers = (data.customers ?? []) as readonly ReportCustomer[];
  const body: string[] = [`<h1>${escapeXml(title)}</h1>`, `<p class="meta">As of ${escapeXml(data.asOf.toISOString().slice(0, 10))}${data.source === undefined ? '' : ` · ${escapeXml(data.source)}`}</p>`];
  for (const note of data.notes ?? []) body.push(`<p class="meta">${escapeXml(note)}</p>`);

  const segments = data.segments ?? [];
  const rf = rfGrid(customers);
  if (segments.length > 0 || rf !== undefined) {
    body.push('<h2>Segments</h2>');
    if (segments.length > 0) {
      body.push(
        table(
          ['segment', 'customers', 'customer share', 'revenue share', 'suggested action'],
          segments.map((s) => [s.segment, s.customers.toLocaleString('en-US'), formatValue(s.customerShare, 'percent'), formatValue(s.revenueShare, 'percent'), s.action ?? '']),
          [false, true, true, true, false],
        ),
      );
    }
    const charts: string[] = [];
    if (segments.length > 0) {
      const svg = renderBarChart(
        {
          categories: segments.map((s) => s.segment),
          series: [
            { name: 'share of customers', values: segments.map((s) => s.customerShare) },
            { name: 'share of revenue', values: segments.map((s) => s.revenueShare) },
          ],
        },
        { title: 'Segment size and value', orientation: 'horizontal', valueFormat: 'percent', height: Math.max(240, 60 + 34 * segments.length) },
      );
      charts.push(figure('segments', svg, 'Each segment’s share of customers against its share of revenue: where the value sits.'));
    }
    if (rf !== undefined) {
      const svg = renderHeatMap(rf, { title: 'Customers by recency (R) and frequency (F) score', valueFormat: 'integer', xLabel: 'recency score (5 = most recent)', yLabel: 'frequency score' });
      charts.push(figure('rf-heatmap', svg, 'Customers per R × F cell; the top right holds the best customers, the top left valuable customers who are slipping away.'));
    }
    body.push(`<div class="charts">${charts.join('')}</div>`);
  }

  const fits = data.fits ?? [];
  if (fits.length > 0 || data.repeatPurchases !== undefined) {
    body.push('<h2>Model fit</h2>');
    for (const fit of fits) {
      const names = Object.keys(fit.params);
      body.push(`<h3>${escapeXml(fit.name)}</h3>`);
      const stats = [
        fit.customers === undefined ? '' : `${fit.customers.toLocaleString('en-US')} customers`,
        fit.logLikelihood === undefined ? '' : `log-likelihood ${fit.logLikelihood.toFixed(3)}`,
        fit.note ?? '',
      ].filter((s) => s !== '');
      if (stats.length > 0) body.push(`<p class="meta">${escapeXml(stats.join(' · '))}</p>`);
      body.push(
        table(
          ['parameter', 'estimate', 'standard error'],
          names.map((n) => [n, (fit.params[n] as number).toPrecision(6), fit.standardErrors?.[n] === undefined ? '' : (fit.standardErrors[n] as number).toPrecision(3)]),
          [false, true, true],
        ),
      );
    }
    if (data.repeatPurchases !== undefined && data.repeatPurchases.length > 0) {
      const rp = data.repeatPurchases;
      const svg = renderBarChart(
        { categories: rp.map((r) => r.label), series: [{ name: 'actual', values: rp.map((r) => r.actual) }, { name: 'model', values: rp.map((r) => r.expected) }] },
        { title: 'Repeat purchases in the calibration period: actual vs model', xLabel: 'repeat purchases', yLabel: 'customers' },
      );
      body.push(`<div class="charts">${figure('repeat-purchases', svg, 'Customers by number of repeat purchases, observed and as the fitted model expects them: bars that differ show where the model misfits.')}</div>`);
    }
  }

  const clv = clvHistogram(customers);
  const alive = aliveGrid(customers);
  if (clv !== undefined || alive !== undefined) {
    body.push('<h2>Customer value</h2>');
    const charts: string[] = [];
    if (clv !== undefined) charts.push(figure('clv-distribution', renderBarChart(clv, { title: 'CLV distribution', xLabel: 'customer lifetime value', yLabel: 'customers', height: 340 }), 'How many customers fall in each band of lifetime value: value is usually concentrated in a few.'));
    if (alive !== undefined) {
      charts.push(
        figure(
          'alive-heatmap',
          renderHeatMap(alive, { title: 'Mean P(alive) by frequency and recency', valueFormat: 'probability', domain: [0, 1], xLabel: `${unit}s since the last purchase`, yLabel: 'repeat purchases' }),
          'The probability that customers are still active falls with the time since their last purchase, the faster the more often they used to buy.',
        ),
      );
    }
    body.push(`<div class="charts">${charts.join('')}</div>`);
  }

  const valued = customers.filter((c) => c.clv !== undefined);
  const top = data.topCustomers ?? 10;
  if (valued.length > 0 && top > 0) {
    const best = valued.toSorted((p, q) => (q.clv as number) - (p.clv as number) || compareIds(p.customerId, q.customerId)).slice(0, top);
    body.push(`<h2>Top ${best.length} customers by CLV</h2>`);
    body.push(
      table(
        ['customer', 'segment', 'P(alive)', 'expected purchases', 'CLV'],
        best.map((c) => [c.customerId, c.segment ?? '', formatValue(c.probabilityAlive, 'probability'), c.expectedPurchases === undefined ? '–' : c.expectedPurchases.toFixed(2), (c.clv as number).toFixed(2)]),
        [false, false, true, true, true],
      ),
    );
  }

  if (data.tracking !== undefined && data.tracking.length > 0) {
    const tracking = data.tracking;
    body.push('<h2>Holdout tracking</h2>');
    const svg = renderLineChart(
      { x: tracking.map((t) => t.period), series: [{ name: 'actual', values: tracking.map((t) => t.actual) }, { name: 'model', values: tracking.map((t) => t.expected), dashed: true }] },
      {
        title: 'Repeat purchases per period: actual vs model',
        xLabel: unit,
        yLabel: 'repeat purchases',
        ...(data.calibrationEnd === undefined ? {} : { marker: { x: data.calibrationEnd, label: 'end of calibration' } }),
      },
    );
    body.push(`<div class="charts">${figure('tracking', svg, 'Repeat purchases period by period against the model’s expectation; after the end of calibration this is an out-of-sample test.')}</div>`);
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>${style}</style></head>
<body>
${body.join('\n')}
<p class="meta">Made with relmark.</p>
</body></html>
`;
}
