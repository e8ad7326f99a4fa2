import * as z from 'zod';
import { chartOptionsShape, chartValue, checkChartInput } from './chartInput.js';
import { extent, max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { type ChartOptions, escapeXml, legend, openSvg, px, safeDomain, seriesColours } from './svg.js';

/** One named line: a y value per x of {@link LineChartData} (`null` breaks the line). @category Report */
export interface LineSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Draw the line dashed (e.g. a model's expectation against the observed line). @defaultValue false */
  readonly dashed?: boolean;
}

/** The data of {@link renderLineChart}: x positions and one or more series over them. @category Report */
export interface LineChartData {
  readonly x: readonly number[];
  readonly series: readonly LineSeries[];
}

/** Options of {@link renderLineChart}. @category Report */
export interface LineChartOptions extends ChartOptions {
  /** An x position to mark with a vertical line (e.g. the end of calibration). */
  readonly marker?: { readonly x: number; readonly label: string };
}

const LineChartDataSchema = z.object({
  x: z.array(z.custom<number>((v) => typeof v === 'number', { message: 'Expected a number' })),
  series: z.array(z.object({ name: z.string(), values: z.array(chartValue), dashed: z.boolean().optional() })),
});
const LineChartOptionsSchema = z.object({ ...chartOptionsShape, marker: z.object({ x: z.number(), label: z.string() }).optional() });

/**
 * Draws a line chart as a standalone SVG string: one path per series over shared x positions, with
 * nice linear axes and a legend.
 *
 * @remarks
 * Paths are built by d3-shape's `line` generator; a `null` or non-finite value (or x) leaves a gap.
 * The y axis always includes 0. Pure: no DOM.
 * Edge cases: no x or no finite value → "no data"; a single point draws a dot-sized path; all x
 * equal → a one-unit x range around it.
 *
 * @param data - The x positions and the series.
 * @param options - Title, size, marker, value format and axis labels.
 * @returns An `<svg>` element as a string.
 * @throws {@link RelmarkError} `invalid_input` (paths under `data`) when the data is not of this
 *   shape, `invalid_options` (under `options`) for options of the wrong type. Bad values (`NaN`,
 *   ±Infinity, `null`) are gaps, never thrown on.
 * @example
 * ```ts
 * import { renderLineChart } from 'relmark';
 * const svg = renderLineChart({ x: [1, 2, 3], series: [{ name: 'actual', values: [4, 6, 5] }, { name: 'expected', values: [5, 5, 5], dashed: true }] });
 * svg.match(/<path class="line"/g)?.length;
 * //=> 2
 * ```
 * @category Report
 */
export function renderLineChart(data: LineChartData, options: LineChartOptions = {}): string {
  checkChartInput('renderLineChart', LineChartDataSchema, data, LineChartOptionsSchema, options);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const parts = [openSvg('line', width, height, options.title)];
  const ys = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const xs = data.x.filter((v) => Number.isFinite(v));
  if (xs.length === 0 || ys.length === 0) {
    parts.push(`<text x="${px(width / 2)}" y="${px(height / 2)}" text-anchor="middle">no data</text></svg>`);
    return parts.join('');
  }
  const lo = Math.min(0, min(ys) ?? 0);
  const hi = Math.max(0, max(ys) ?? 0);
  const y = scaleLinear().domain(safeDomain(lo, hi)).nice();
  // The left margin fits the widest tick label, so that it does not run into the axis title.
  const widest = max(y.ticks(5), (t) => y.tickFormat(5)(t).length) ?? 0;
  const margin = { top: data.series.length > 1 ? 46 : 30, right: 16, bottom: 44, left: Math.max(56, 28 + 6.5 * widest) };
  y.range([height - margin.bottom, margin.top]);
  const [x0, x1] = extent(xs) as [number, number];
  const x = scaleLinear().domain(x1 - x0 >= 1e-200 ? [x0, x1] : [x0 - 0.5, x0 + 0.5]).range([margin.left, width - margin.right]);
  for (const tick of y.ticks(5)) {
    parts.push(`<line x1="${margin.left}" x2="${px(width - margin.right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#ddd"/><text x="${margin.left - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeXml(y.tickFormat(5)(tick))}</text>`);
  }
  for (const tick of x.ticks(8)) {
    parts.push(`<text x="${px(x(tick))}" y="${px(height - margin.bottom + 14)}" text-anchor="middle">${escapeXml(x.tickFormat(8)(tick))}</text>`);
  }
  parts.push(`<line x1="${margin.left}" x2="${px(width - margin.right)}" y1="${px(y(lo))}" y2="${px(y(lo))}" stroke="#333"/>`);
  if (options.marker !== undefined && Number.isFinite(options.marker.x)) {
    const mx = x(options.marker.x);
    parts.push(`<line class="marker" x1="${px(mx)}" x2="${px(mx)}" y1="${margin.top}" y2="${px(height - margin.bottom)}" stroke="#888" stroke-dasharray="2 3"/><text x="${px(mx + 4)}" y="${margin.top + 10}">${escapeXml(options.marker.label)}</text>`);
  }
  data.series.forEach((series, s) => {
    const points = data.x.map((xv, i) => [xv, series.values[i] ?? null] as const);
    const path = line<readonly [number, number | null]>()
      .defined(([xv, yv]) => Number.isFinite(xv) && yv !== null && Number.isFinite(yv))
      .x(([xv]) => Math.round(x(xv) * 100) / 100)
      .y(([, yv]) => Math.round(y(yv ?? 0) * 100) / 100)(points);
    const colour = seriesColours[s % seriesColours.length];
    parts.push(`<path class="line" d="${path ?? ''}" fill="none" stroke="${colour}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="6 4"' : ''}><title>${escapeXml(series.name)}</title></path>`);
  });
  if (options.xLabel !== undefined) parts.push(`<text x="${px((margin.left + width - margin.right) / 2)}" y="${px(height - 8)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  if (options.yLabel !== undefined) parts.push(`<text transform="translate(12,${px((margin.top + height - margin.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  if (data.series.length > 1) parts.push(legend(data.series.map((s) => s.name), margin.left, 26));
  parts.push('</svg>');
  return parts.join('');
}
