import { type ReportCustomerColumns, reportCustomerColumnsOf, topCustomersByClv } from './reportCustomerColumns.js';
import { fromZodError } from '../errors/fromZodError.js';
import { frequencyRecencyHeatMap } from './frequencyRecencyChartData.js';
import { HtmlReportInputSchema, type HtmlReportInput, type ReportCustomer, type ReportPeriod } from './htmlReportInput.js';
import { renderBarChart } from './renderBarChart.js';
import { renderHeatMap } from './renderHeatMap.js';
import { renderLineChart } from './renderLineChart.js';
import { chartDataOf, type ParsedReportInput, type ReportChartData } from './reportChartData.js';
import { rfHeatMap } from './rfChartData.js';
import { escapeXml, formatValue } from './svg.js';

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#555;margin:.1rem 0}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:1.2rem}
figure.chart{margin:0;max-width:100%}
figure.chart figcaption{color:#555;font-size:.85rem}
svg.relmark-chart{max-width:100%;height:auto;background:#fff}
p.note{background:#fff8e5;border-left:3px solid #e69f00;padding:.4rem .7rem;max-width:900px;font-size:.92rem}
p.period{color:#0b4f8a;font-size:.9rem;margin:.2rem 0 .6rem}
table.periods td:first-child,table.holdout-figures td:first-child{font-weight:600}
`;

const day = (date: Date) => date.toISOString().slice(0, 10);
const percent = (share: number) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The sentence that says which transactions a section's figures come from (only with a holdout). */
function periodLine(period: ReportPeriod, data: ParsedReportInput, what: string): string {
  const h = data.holdout;
  if (h === undefined) return '';
  const text =
    period === 'calibration'
      ? `Calibration period: ${what} from the transactions before ${day(h.from)}.`
      : period === 'holdout'
        ? `Holdout period: ${what} from ${day(h.from)} to ${day(h.to)}.`
        : `Whole period: ${what} from every transaction up to ${day(data.asOf)}.`;
  return `<p class="period" data-period="${period}">${escapeXml(text)}</p>`;
}

/** A table from a header and rows of cells; cells that are numbers are right-aligned. */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: readonly boolean[], className?: string): string {
  const th = header.map((h, i) => `<th${numeric[i] === true ? ' class="num"' : ''}>${escapeXml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${numeric[i] === true ? ' class="num"' : ''}>${escapeXml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table${className === undefined ? '' : ` class="${className}"`}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(name: string, svg: string, caption: string): string {
  // The caption wraps at the chart's width, so that charts of a row sit side by side.
  const width = /^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1];
  return `<figure class="chart" data-chart="${name}"${width === undefined ? '' : ` style="width:${width}px"`}>${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/**
 * Turns analysis results into one self-contained HTML page: no script, no stylesheet or font to
 * fetch, every chart an inline SVG. It works offline, can be mailed as a file, and shows the same in
 * any browser.
 *
 * @remarks
 * Sections appear for the parts given: with a holdout, a table of the periods (which figures come
 * from the calibration period, the holdout and the whole period), and a line in each section saying
 * which; the segment table (customers, revenue share, suggested action) with a chart of each
 * segment's share of customers and of revenue; the R × F heat maps of customers and of mean
 * monetary value (R `rfm`'s pair), with a note when ties leave F scores empty; the model fits
 * (parameters, standard errors, log-likelihood) with the expected-vs-actual repeat-purchase chart
 * and its chi-square, the calibration check of Fader, Hardie & Lee (2005, Figure 1); the holdout
 * check (totals actual vs expected, MAE, RMSE, bias), calibration vs holdout purchases by
 * calibration frequency (FHL 2005, Figure 5) and the tracking charts per period and cumulative
 * (Figures 2–3; a partial last period is left out of the per-period chart and said so); the CLV
 * distribution in log-spaced bands with the top-10% share; the expected-purchases and P(alive)
 * matrices by frequency and recency (lifetimes' pair), with a note when every customer without a
 * repeat purchase has P(alive) = 1 (a property of BG/NBD); and the top customers by CLV.
 * Every heat map has a colour legend. The data of every chart is {@link reportChartData}'s; each
 * chart sits in a `<figure class="chart" data-chart="…">` named as in its `charts` list. Charts are
 * drawn by {@link renderBarChart}, {@link renderHeatMap} and {@link renderLineChart}. All text is
 * HTML-escaped. Pure: no DOM, no clock, no `node:` import, so a notebook or a browser can call it.
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
  return renderParsedReport(parsed.data);
}

/** {@link renderHtmlReport} on input already in its parsed shape (built by relmark itself): no validation. @internal */
export function renderParsedReport(
  data: ParsedReportInput,
  customers: ReportCustomerColumns = reportCustomerColumnsOf((data.customers ?? []) as readonly ReportCustomer[]),
  charts: ReportChartData = chartDataOf(data, customers),
): string {
  const title = data.title ?? 'relmark report';
  const body: string[] = [`<h1>${escapeXml(title)}</h1>`, `<p class="meta">As of ${escapeXml(day(data.asOf))}${data.source === undefined ? '' : ` · ${escapeXml(data.source)}`}</p>`];
  for (const note of data.notes ?? []) body.push(`<p class="meta">${escapeXml(note)}</p>`);
  body.push(...periodsSection(data), ...segmentsSection(data, charts), ...fitSection(data, charts), ...holdoutSection(data, charts), ...valueSection(data, charts), ...cohortSection(charts), ...topSection(data, customers));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>${style}</style></head>
<body>
${body.join('\n')}
<p class="meta">Made with relmark.</p>
</body></html>
`;
}

/** With a holdout: which figures come from which transactions. */
function periodsSection(data: ParsedReportInput): string[] {
  const h = data.holdout;
  if (h === undefined) return [];
  return [
    '<h2>Periods</h2>',
    table(
      ['period', 'transactions', 'figures on this page'],
      [
        ['calibration', `before ${day(h.from)}`, 'the transaction model’s fit, its repeat-purchase check and chi-square'],
        ['holdout', `${day(h.from)} to ${day(h.to)}`, 'the holdout check: totals, errors, purchases by calibration frequency, tracking'],
        ['whole', `up to ${day(data.asOf)}`, 'segments, R × F maps, spend model, CLV, expected purchases, P(alive), top customers (the values apply the calibration fit to the whole history)'],
      ],
      [false, false, false],
      'periods',
    ),
  ];
}

function segmentsSection(data: ParsedReportInput, charts: ReportChartData): string[] {
  const segments = data.segments ?? [];
  const rf = charts.rf;
  if (segments.length === 0 && rf === undefined) return [];
  const out = ['<h2>Segments</h2>', periodLine('whole', data, 'segments and R × F maps')];
  if (segments.length > 0) {
    out.push(
      table(
        ['segment', 'customers', 'customer share', 'revenue share', 'suggested action'],
        segments.map((s) => [s.segment, s.customers.toLocaleString('en-US'), formatValue(s.customerShare, 'percent'), formatValue(s.revenueShare, 'percent'), s.action ?? '']),
        [false, true, true, true, false],
      ),
    );
  }
  const figures: string[] = [];
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
    figures.push(figure('segments', svg, 'Each segment’s share of customers against its share of revenue: where the value sits.'));
  }
  if (rf !== undefined) {
    const axes = { xLabel: 'recency score (5 = most recent)', yLabel: 'frequency score' };
    figures.push(
      figure(
        'rf-heatmap',
        renderHeatMap(rfHeatMap(rf, 'customers'), { title: 'Customers by recency (R) and frequency (F) score', valueFormat: 'integer', legendTitle: 'customers', ...axes }),
        'Customers per R × F cell; the top right holds the best customers, the top left valuable customers who are slipping away.',
      ),
    );
    if (charts.charts.includes('rf-monetary-heatmap')) {
      figures.push(
        figure(
          'rf-monetary-heatmap',
          renderHeatMap(rfHeatMap(rf, 'meanMonetary'), { title: 'Mean monetary value by R and F score', valueFormat: 'number', legendTitle: 'mean value', ...axes }),
          'The mean monetary value (spend per customer) of each R × F cell, beside the count: where the money is, not only the people.',
        ),
      );
    }
  }
  out.push(`<div class="charts">${figures.join('')}</div>`);
  if (rf !== undefined && rf.emptyFrequencyScores.length > 0) {
    const empty = rf.emptyFrequencyScores;
    const tie = rf.frequencyScores.findLast((s) => s.f < (empty[0] as number) && s.customers > 0) ?? rf.frequencyScores[0];
    const names = empty.map((f) => `F${f}`).join(', ');
    out.push(
      `<p class="note" data-note="empty-frequency-scores">${escapeXml(
        `${empty.length === 1 ? `Row ${names} is` : `Rows ${names} are`} empty, and this is not an error. F scores are quantiles of purchase frequency with tied customers kept together: ` +
          `${tie === undefined ? 'many' : percent(tie.customers / rf.customers)} of the customers share ${tie === undefined ? 'one' : `score F${tie.f}, mostly one`} frequency (on CDNOW, half of the customers bought once), ` +
          'so they all get the same score and the scores that their share would span stay empty, rather than equal customers being split at random.',
      )}</p>`,
    );
  }
  return out;
}

function fitSection(data: ParsedReportInput, charts: ReportChartData): string[] {
  const fits = data.fits ?? [];
  const rp = charts.repeatPurchases;
  if (fits.length === 0 && rp === undefined) return [];
  const out = ['<h2>Model fit</h2>'];
  for (const fit of fits) {
    const names = Object.keys(fit.params);
    out.push(`<h3>${escapeXml(fit.name)}</h3>`);
    if (fit.period !== undefined) out.push(periodLine(fit.period, data, 'fitted'));
    const stats = [
      fit.customers === undefined ? '' : `${fit.customers.toLocaleString('en-US')} customers`,
      fit.logLikelihood === undefined ? '' : `log-likelihood ${fit.logLikelihood.toFixed(3)}`,
      fit.note ?? '',
    ].filter((s) => s !== '');
    if (stats.length > 0) out.push(`<p class="meta">${escapeXml(stats.join(' · '))}</p>`);
    out.push(
      table(
        ['parameter', 'estimate', 'standard error'],
        names.map((n) => [n, (fit.params[n] as number).toPrecision(6), fit.standardErrors?.[n] === undefined ? '' : (fit.standardErrors[n] as number).toPrecision(3)]),
        [false, true, true],
      ),
    );
  }
  if (rp !== undefined) {
    out.push(`<h3>Repeat purchases: actual vs model</h3>`, periodLine(rp.period, data, 'the check and its chi-square'));
    if (rp.chiSquare !== null) {
      out.push(`<p class="meta" data-figure="fit-chi-square">Pearson chi-square ${escapeXml(rp.chiSquare.toFixed(1))} over ${rp.rows.length} rows (descriptive: a large value on many customers can still be a close fit; compare the bars).</p>`);
    }
    const svg = renderBarChart(
      { categories: rp.rows.map((r) => r.label), series: [{ name: 'actual', values: rp.rows.map((r) => r.actual) }, { name: 'model', values: rp.rows.map((r) => r.expected) }] },
      { title: `Repeat purchases${rp.period === 'calibration' ? ' in the calibration period' : ''}: actual vs model`, xLabel: 'repeat purchases', yLabel: 'customers' },
    );
    out.push(`<div class="charts">${figure('repeat-purchases', svg, 'Customers by number of repeat purchases, observed and as the fitted model expects them: bars that differ show where the model misfits.')}</div>`);
  }
  return out;
}

function holdoutSection(data: ParsedReportInput, charts: ReportChartData): string[] {
  const h = charts.holdout;
  const tracking = charts.tracking;
  if (h === undefined && tracking === undefined) return [];
  const unit = charts.timeUnit;
  const out = [h === undefined ? '<h2>Holdout tracking</h2>' : '<h2>Holdout check</h2>'];
  if (h !== undefined) {
    out.push(periodLine('holdout', data, 'purchases counted'));
    const diff = h.actual > 0 ? ` (${h.expected >= h.actual ? '+' : ''}${percent((h.expected - h.actual) / h.actual)})` : '';
    const rows: [string, string, string][] = [
      ['customers checked', h.customers.toLocaleString('en-US'), `bought before ${day(new Date(h.from))}${h.newInHoldout !== null && h.newInHoldout > 0 ? `; ${h.newInHoldout.toLocaleString('en-US')} first seen in the holdout are not counted` : ''}`],
      ['holdout length', `${h.duration.toFixed(2)} ${unit}s`, `${day(new Date(h.from))} to ${day(new Date(h.to))}`],
      ['actual purchases', count(h.actual), 'total of the customers checked'],
      ['expected purchases', `${h.expected.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${diff}`, 'sum of the model’s conditional expectations'],
      ['MAE', h.mae.toFixed(3), 'mean |expected − actual| per customer'],
      ['RMSE', h.rmse.toFixed(3), 'root mean squared error per customer'],
      ['bias', h.bias.toFixed(3), 'mean (expected − actual) per customer; negative: the model under-predicts'],
      ...(data.chiSquare === undefined ? [] : [['calibration chi-square', data.chiSquare.toFixed(1), 'Pearson, repeat-purchase check of the calibration period (descriptive; see Model fit)'] as [string, string, string]]),
    ];
    const ids = ['customers', 'duration', 'actual', 'expected', 'mae', 'rmse', 'bias', 'chi-square'];
    out.push(
      `<table class="holdout-figures"><thead><tr><th>figure</th><th class="num">value</th><th>meaning</th></tr></thead><tbody>${rows
        .map((r, i) => `<tr data-figure="${ids[i]}"><td>${escapeXml(r[0])}</td><td class="num">${escapeXml(r[1])}</td><td>${escapeXml(r[2])}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  const figures: string[] = [];
  if (h !== undefined && h.byFrequency.length > 0) {
    const rows = h.byFrequency;
    const svg = renderBarChart(
      { categories: rows.map((r) => r.label), series: [{ name: 'actual', values: rows.map((r) => r.actual) }, { name: 'model', values: rows.map((r) => r.expected) }] },
      { title: 'Calibration vs holdout purchases', xLabel: 'repeat purchases in the calibration period', yLabel: 'mean holdout purchases' },
    );
    figures.push(
      figure(
        'holdout-by-frequency',
        svg,
        `Mean purchases in the holdout of the customers with each number of calibration repeat purchases (${rows.map((r) => `${r.label}: ${r.customers.toLocaleString('en-US')}`).join(', ')} customers), actual and as the model expects them (FHL 2005, Figure 5).`,
      ),
    );
  }
  if (tracking !== undefined) {
    const full = tracking.points.filter((p) => !p.partial);
    const partial = tracking.points.filter((p) => p.partial);
    const marker = tracking.calibrationEnd === null ? {} : { marker: { x: tracking.calibrationEnd, label: 'end of calibration' } };
    if (full.length > 0) {
      const svg = renderLineChart(
        { x: full.map((p) => p.end), series: [{ name: 'actual', values: full.map((p) => p.actual) }, { name: 'model', values: full.map((p) => p.expected), dashed: true }] },
        { title: 'Repeat purchases per period: actual vs model', width: 520, xLabel: `${unit}s since the cohort’s first purchase`, yLabel: 'repeat purchases', ...marker },
      );
      const left = partial.map((p) => `${p.start === null ? '' : `${formatValue(p.end - p.start, 'number')} ${unit}s long, `}${count(p.actual)} actual and ${p.expected.toFixed(1)} expected`);
      figures.push(
        figure(
          'tracking',
          svg,
          `Repeat purchases period by period against the model’s expectation; after the end of calibration this is an out-of-sample test.${
            partial.length > 0 ? ` The last period is partial (${left.join('; ')}): it is left out here, so the line does not seem to fall, and counted in the cumulative chart.` : ''
          }`,
        ),
      );
    }
    const svg = renderLineChart(
      {
        x: tracking.points.map((p) => p.end),
        series: [{ name: 'actual', values: tracking.points.map((p) => p.cumulativeActual) }, { name: 'model', values: tracking.points.map((p) => p.cumulativeExpected), dashed: true }],
      },
      { title: 'Cumulative repeat purchases: actual vs model', width: 520, xLabel: `${unit}s since the cohort’s first purchase`, yLabel: 'repeat purchases to date', ...marker },
    );
    const last = tracking.points.at(-1);
    figures.push(
      figure(
        'tracking-cumulative',
        svg,
        `Running totals of the same periods${last === undefined ? '' : `: ${count(last.cumulativeActual)} actual against ${last.cumulativeExpected.toFixed(1)} expected by the end`}. A gap that opens after the end of calibration is the model’s forecast error.`,
      ),
    );
  }
  if (figures.length > 0) out.push(`<div class="charts">${figures.join('')}</div>`);
  return out;
}

/** The cohort retention heat map (with its colour legend) and the value curves per cohort. */
function cohortSection(charts: ReportChartData): string[] {
  const c = charts.cohorts;
  if (c === undefined) return [];
  const rows = c.retention.rows.length;
  const columns = c.retention.columns.length;
  const heat = renderHeatMap(c.retention, {
    title: `Retention by ${c.period} of acquisition`,
    valueFormat: 'percent',
    domain: [0, 1],
    legendTitle: 'active share',
    xLabel: `${c.period}s since acquisition`,
    width: Math.min(1060, Math.max(480, 200 + 46 * columns)),
    height: Math.min(900, Math.max(240, 90 + 22 * rows)),
  });
  const value = renderLineChart(c.valueCurves, {
    title: 'Value curves: cumulative revenue per acquired customer',
    xLabel: `${c.period}s since acquisition`,
    yLabel: 'revenue per customer',
    width: 640,
    height: 360,
  });
  return [
    '<h2>Cohorts</h2>',
    '<div class="charts">',
    figure('cohort-retention', heat, `The share of each acquisition cohort that bought in each ${c.period} since its first purchase (refunds never count as activity). The ${c.period} the as-of date cuts is left empty: it is still running.`),
    figure('cohort-value', value, `Net revenue per acquired customer, summed over the ${c.period}s since acquisition (refunds lower the ${c.period} they fall in); the latest ${c.valueCurves.series.length} cohorts.`),
    '</div>',
  ];
}

function valueSection(data: ParsedReportInput, charts: ReportChartData): string[] {
  const clv = charts.clvDistribution;
  const fr = charts.frequencyRecency;
  if (clv === undefined && fr === undefined) return [];
  const unit = charts.timeUnit;
  const horizon = data.horizon === undefined ? '' : ` (${data.horizon})`;
  const out = ['<h2>Customer value</h2>', periodLine('whole', data, 'CLV, expected purchases and P(alive) computed')];
  const figures: string[] = [];
  if (clv !== undefined) {
    const series = [{ name: 'share of customers', values: clv.bands.map((b) => b.customerShare) }, ...(clv.total > 0 ? [{ name: 'share of CLV', values: clv.bands.map((b) => b.valueShare) }] : [])];
    const svg = renderBarChart(
      { categories: clv.bands.map((b) => b.label), series },
      // Wide enough for each band's label (e.g. "0.03–0.1") to fit under its bars.
      { title: 'CLV distribution (bands on a log scale)', valueFormat: 'percent', xLabel: `customer lifetime value${horizon}`, yLabel: 'share', height: 340, width: Math.max(640, 90 + 7 * Math.max(...clv.bands.map((b) => b.label.length + 2)) * clv.bands.length) },
    );
    figures.push(
      figure(
        'clv-distribution',
        svg,
        `Customers and their value per band of CLV; the bands are evenly spaced on a log scale (each 2 to 3.3 times the one before), so that the few valuable customers stay visible.${
          clv.topTenPercentShare === null ? '' : ` The top 10% of customers hold ${percent(clv.topTenPercentShare)} of the total CLV.`
        }`,
      ),
    );
  }
  if (fr !== undefined) {
    const axes = { xLabel: `${unit}s since the last purchase`, yLabel: 'repeat purchases' };
    if (charts.charts.includes('expected-purchases-heatmap')) {
      figures.push(
        figure(
          'expected-purchases-heatmap',
          renderHeatMap(frequencyRecencyHeatMap(fr, 'expectedPurchases'), { title: 'Mean expected purchases by frequency and recency', valueFormat: 'probability', legendTitle: 'purchases', ...axes }),
          `Mean expected purchases${horizon} of the customers in each cell (2 decimals): frequent, recent buyers (top left) are worth the most; an empty cell has no customer.`,
        ),
      );
    }
    if (charts.charts.includes('alive-heatmap')) {
      figures.push(
        figure(
          'alive-heatmap',
          renderHeatMap(frequencyRecencyHeatMap(fr, 'probabilityAlive'), { title: 'Mean P(alive) by frequency and recency', valueFormat: 'probability', domain: [0, 1], legendTitle: 'P(alive)', ...axes }),
          'The probability that customers are still active falls with the time since their last purchase, the faster the more often they used to buy.',
        ),
      );
    }
  }
  out.push(`<div class="charts">${figures.join('')}</div>`);
  if (fr !== undefined && fr.noRepeat.customers > 0 && fr.noRepeat.probabilityAliveOne === fr.noRepeat.customers) {
    out.push(
      `<p class="note" data-note="alive-without-repeat">${escapeXml(
        `All ${fr.noRepeat.customers.toLocaleString('en-US')} customers without a repeat purchase (row 0) have P(alive) = 1. This is a property of the model, not of the data: ` +
          'BG/NBD lets a customer drop out only right after a repeat purchase, so a customer who never came back has not dropped out in the model, however long ago the first purchase was. ' +
          'Read their expected purchases instead (the matrix on the left), or compare with Pareto/NBD, which does not make this assumption.',
      )}</p>`,
    );
  }
  return out;
}

function topSection(data: ParsedReportInput, customers: ReportCustomerColumns): string[] {
  const best = topCustomersByClv(customers, data.topCustomers ?? 10);
  if (best.length === 0) return [];
  const { clv, probabilityAlive, expectedPurchases } = customers as Required<ReportCustomerColumns>;
  return [
    `<h2>Top ${best.length} customers by CLV</h2>`,
    periodLine('whole', data, 'values computed'),
    table(
      ['customer', 'segment', 'P(alive)', 'expected purchases', 'CLV'],
      best.map((j) => {
        const alive = probabilityAlive === undefined ? Number.NaN : (probabilityAlive[j] as number);
        const expected = expectedPurchases === undefined ? Number.NaN : (expectedPurchases[j] as number);
        return [customers.customerId(j), customers.segment?.(j) ?? '', formatValue(Number.isNaN(alive) ? undefined : alive, 'probability'), Number.isNaN(expected) ? '–' : expected.toFixed(2), (clv[j] as number).toFixed(2)];
      }),
      [false, false, true, true, true],
    ),
  ];
}
