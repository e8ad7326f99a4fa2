import { max, min } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import * as z from 'zod';
import { chartOptionsShape, chartValue, checkChartInput } from './chartInput.js';
import { type ChartOptions, escapeXml, formatValue, legend, openSvg, px, safeDomain, seriesColours } from './svg.js';

/** One named series of a bar chart: one value per category (`null` for none). @category Report */
export interface BarSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** The data of {@link renderBarChart}: categories and one or more series over them. @category Report */
export interface BarChartData {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
}

/** Options of {@link renderBarChart}. @category Report */
export interface BarChartOptions extends ChartOptions {
  /** `vertical` bars rise from the x axis; `horizontal` bars (long category names) run from the left. @defaultValue 'vertical' */
  readonly orientation?: 'vertical' | 'horizontal';
}

const BarChartDataSchema = z.object({ categories: z.array(z.string()), series: z.array(z.object({ name: z.string(), values: z.array(chartValue) })) });
const BarChartOptionsSchema = z.object({ ...chartOptionsShape, orientation: z.enum(['vertical', 'horizontal']).optional() });

/**
 * Draws a grouped bar chart as a standalone SVG string: one group of bars per category, one bar per
 * series, a value axis with rounded ("nice") ticks, and a legend when there are several series.
 *
 * @remarks
 * Scales and ticks come from d3-scale (band scale for categories, linear scale made nice for values,
 * always including 0). Pure: no DOM, so it runs in Node, a notebook or a browser.
 * Edge cases: no category or no series → an SVG with the title and the text "no data"; `null`,
 * `NaN` and ±∞ values draw no bar; negative values draw bars below the zero line; all-zero values
 * give a 0…1 axis. Text is XML-escaped.
 *
 * @param data - Categories and series (each series has one value per category).
 * @param options - Title, size, orientation, value format and axis labels.
 * @returns An `<svg>` element as a string.
 * @throws {@link RelmarkError} `invalid_input` (paths under `data`) when the data is not of this
 *   shape, `invalid_options` (under `options`) for options of the wrong type. Bad values (`NaN`,
 *   ±Infinity, `null`) are drawn as gaps, never thrown on.
 * @example
 * ```ts
 * import { renderBarChart } from 'relmark';
 * const svg = renderBarChart({ categories: ['0', '1', '2+'], series: [{ name: 'actual', values: [5, 3, 2] }] }, { title: 'Repeat purchases' });
 * [svg.startsWith('<svg'), svg.match(/<rect class="bar"/g)?.length];
 * //=> [true, 3]
 * ```
 * @category Report
 */
export function renderBarChart(data: BarChartData, options: BarChartOptions = {}): string {
  checkChartInput('renderBarChart', BarChartDataSchema, data, BarChartOptionsSchema, options);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const format = options.valueFormat ?? 'number';
  const horizontal = options.orientation === 'horizontal';
  const parts = [openSvg('bar', width, height, options.title)];
  const values = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  if (data.categories.length === 0 || data.series.length === 0 || values.length === 0) {
    parts.push(`<text x="${px(width / 2)}" y="${px(height / 2)}" text-anchor="middle">no data</text></svg>`);
    return parts.join('');
  }
  const longest = max(data.categories, (c) => c.length) ?? 0;
  const margin = { top: data.series.length > 1 ? 46 : 30, right: 16, bottom: horizontal ? 40 : 52, left: horizontal ? Math.min(220, 16 + 6.5 * longest) : 66 };
  const lo = Math.min(0, min(values) ?? 0);
  const hi = Math.max(0, max(values) ?? 0);
  const value = scaleLinear()
    .domain(safeDomain(lo, hi))
    .nice()
    .range(horizontal ? [margin.left, width - margin.right] : [height - margin.bottom, margin.top]);
  const band = scaleBand<string>()
    .domain(data.categories.map((c, i) => `${i}`))
    .range(horizontal ? [margin.top, height - margin.bottom] : [margin.left, width - margin.right])
    .padding(0.2);
  const inner = scaleBand<string>()
    .domain(data.series.map((_, i) => `${i}`))
    .range([0, band.bandwidth()])
    .padding(0.05);
  const zero = value(0);

  // Value axis: grid lines and tick labels.
  for (const tick of value.ticks(5)) {
    const p = value(tick);
    const label = escapeXml(format === 'percent' ? formatValue(tick, 'percent') : value.tickFormat(5)(tick));
    parts.push(
      horizontal
        ? `<line x1="${px(p)}" x2="${px(p)}" y1="${margin.top}" y2="${px(height - margin.bottom)}" stroke="#ddd"/><text x="${px(p)}" y="${px(height - margin.bottom + 14)}" text-anchor="middle">${label}</text>`
        : `<line x1="${margin.left}" x2="${px(width - margin.right)}" y1="${px(p)}" y2="${px(p)}" stroke="#ddd"/><text x="${margin.left - 6}" y="${px(p + 4)}" text-anchor="end">${label}</text>`,
    );
  }
  // Bars.
  data.categories.forEach((category, c) => {
    const start = band(`${c}`) ?? 0;
    data.series.forEach((series, s) => {
      const v = series.values[c];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const offset = start + (inner(`${s}`) ?? 0);
      const a = Math.min(zero, value(v));
      const size = Math.abs(value(v) - zero);
      const colour = seriesColours[s % seriesColours.length];
      const tip = `<title>${escapeXml(`${series.name}, ${category}: ${formatValue(v, format)}`)}</title>`;
      parts.push(
        horizontal
          ? `<rect class="bar" x="${px(a)}" y="${px(offset)}" width="${px(size)}" height="${px(inner.bandwidth())}" fill="${colour}">${tip}</rect>`
          : `<rect class="bar" x="${px(offset)}" y="${px(a)}" width="${px(inner.bandwidth())}" height="${px(size)}" fill="${colour}">${tip}</rect>`,
      );
    });
    const mid = start + band.bandwidth() / 2;
    parts.push(
      horizontal
        ? `<text x="${margin.left - 6}" y="${px(mid + 4)}" text-anchor="end">${escapeXml(category)}</text>`
        : `<text x="${px(mid)}" y="${px(height - margin.bottom + 14)}" text-anchor="middle">${escapeXml(category)}</text>`,
    );
  });
  // Zero line and axis labels.
  parts.push(
    horizontal
      ? `<line x1="${px(zero)}" x2="${px(zero)}" y1="${margin.top}" y2="${px(height - margin.bottom)}" stroke="#333"/>`
      : `<line x1="${margin.left}" x2="${px(width - margin.right)}" y1="${px(zero)}" y2="${px(zero)}" stroke="#333"/>`,
  );
  if (options.xLabel !== undefined) parts.push(`<text x="${px((margin.left + width - margin.right) / 2)}" y="${px(height - 6)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  if (options.yLabel !== undefined) parts.push(`<text transform="translate(12,${px((margin.top + height - margin.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  if (data.series.length > 1) parts.push(legend(data.series.map((s) => s.name), margin.left, 26));
  parts.push('</svg>');
  return parts.join('');
}
