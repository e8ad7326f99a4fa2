import * as z from 'zod';
import { chartOptionsShape, chartValue, checkChartInput } from './chartInput.js';
import { max, min } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { type ChartOptions, escapeXml, formatValue, openSvg, px, type ValueFormat } from './svg.js';

/** The data of {@link renderHeatMap}: a grid of values, `values[row][column]`, `null` for an empty cell. @category Report */
export interface HeatMapData {
  /** Row labels, drawn top to bottom. */
  readonly rows: readonly string[];
  /** Column labels, drawn left to right. */
  readonly columns: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
}

/** Options of {@link renderHeatMap}. @category Report */
export interface HeatMapOptions extends ChartOptions {
  /** The values mapped to the lightest and darkest colour. @defaultValue the smallest and largest value */
  readonly domain?: readonly [number, number];
  /** Whether each cell shows its value. @defaultValue true */
  readonly showValues?: boolean;
  /** The title of the colour legend (e.g. `'customers'`). @defaultValue no title */
  readonly legendTitle?: string;
}

/** Swatches of the colour legend: enough to read as a gradient, without a gradient id to collide between inline SVGs. */
const legendSteps = 40;

/** The vertical colour legend: swatches from `hi` (top) to `lo` (bottom), with round tick labels. */
function colourLegend(colour: (v: number) => string, lo: number, hi: number, format: ValueFormat, at: { x: number; top: number; bottom: number }, title: string | undefined): string {
  const parts = [`<g class="legend" data-min="${lo}" data-max="${hi}">`];
  if (title !== undefined) parts.push(`<text x="${px(at.x)}" y="${px(at.top - 12)}">${escapeXml(title)}</text>`);
  // Spans below 1e-200 (equal or subnormally close values) get one label: d3's ticks fail on them.
  const flat = !(hi - lo >= 1e-200);
  const span = at.bottom - at.top;
  const step = span / legendSteps;
  const position = scaleLinear().domain(flat ? [lo - 1, lo + 1] : [lo, hi]).range([at.bottom, at.top]);
  for (let i = 0; i < legendSteps; i++) {
    // Swatch i (from the bottom) shows the colour of the value at its middle.
    const v = flat ? lo : lo + ((i + 0.5) / legendSteps) * (hi - lo);
    parts.push(`<rect class="legend-swatch" x="${px(at.x)}" y="${px(at.bottom - (i + 1) * step)}" width="12" height="${px(step + 0.5)}" fill="${colour(v)}"/>`);
  }
  const inner = position.ticks(4).filter((t) => t > lo && t < hi && (format !== 'integer' || Number.isInteger(t)));
  const ticks = flat ? [lo] : [lo, ...inner, hi];
  // Inner ticks too close to an end label are dropped so that labels do not overlap.
  const shown = ticks.filter((t, i) => i === 0 || i === ticks.length - 1 || (Math.abs(position(t) - position(lo)) >= 14 && Math.abs(position(t) - position(hi)) >= 14));
  for (const t of shown) {
    const y = flat ? (at.top + at.bottom) / 2 : position(t);
    parts.push(`<line x1="${px(at.x + 12)}" x2="${px(at.x + 16)}" y1="${px(y)}" y2="${px(y)}" stroke="#333"/><text x="${px(at.x + 18)}" y="${px(y + 4)}">${escapeXml(formatValue(t, format))}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

const HeatMapDataSchema = z.object({ rows: z.array(z.string()), columns: z.array(z.string()), values: z.array(z.array(chartValue)) });
const HeatMapOptionsSchema = z.object({
  ...chartOptionsShape,
  domain: z.tuple([z.number(), z.number()]).optional(),
  showValues: z.boolean().optional(),
});

/**
 * Draws a heat map as a standalone SVG string: one cell per (row, column), shaded from light to dark
 * blue by value, with the value written in the cell, and a colour legend on the right.
 *
 * @remarks
 * Colours are interpolated in RGB by a d3-scale linear scale over `domain`. The legend
 * (`<g class="legend" data-min="…" data-max="…">`) is a vertical bar of `rect.legend-swatch`
 * steps from the lowest to the highest value of the domain with round tick labels, so it always
 * covers the range of the data when no `domain` is given. Pure: no DOM.
 * Edge cases: `null`, `NaN` and ±∞ cells are drawn as empty (grey outline, no fill); a grid without
 * rows or columns, or with no finite value, draws "no data"; when all values are equal every cell
 * gets the middle colour. Missing entries of a short row are empty cells.
 *
 * @param data - Row and column labels and the grid of values.
 * @param options - Title, size, colour domain, value format, axis labels and legend title.
 * @returns An `<svg>` element as a string.
 * @throws {@link RelmarkError} `invalid_input` (paths under `data`) when the data is not of this
 *   shape, `invalid_options` (under `options`) for options of the wrong type. Bad values (`NaN`,
 *   ±Infinity, `null`) are drawn as empty cells, never thrown on.
 * @example
 * ```ts
 * import { renderHeatMap } from 'relmark';
 * const svg = renderHeatMap({ rows: ['F5', 'F1'], columns: ['R1', 'R5'], values: [[3, 9], [4, null]] }, { title: 'R × F' });
 * [svg.match(/<rect class="cell"/g)?.length, /class="legend" data-min="(\S+)" data-max="(\S+)"/.exec(svg)?.slice(1)];
 * //=> [4, ['3', '9']]
 * ```
 * @category Report
 */
export function renderHeatMap(data: HeatMapData, options: HeatMapOptions = {}): string {
  checkChartInput('renderHeatMap', HeatMapDataSchema, data, HeatMapOptionsSchema, options);
  const width = options.width ?? 480;
  const height = options.height ?? 360;
  const format = options.valueFormat ?? 'number';
  const parts = [openSvg('heatmap', width, height, options.title)];
  const finite = data.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  if (data.rows.length === 0 || data.columns.length === 0 || finite.length === 0) {
    parts.push(`<text x="${px(width / 2)}" y="${px(height / 2)}" text-anchor="middle">no data</text></svg>`);
    return parts.join('');
  }
  const longest = max(data.rows, (r) => r.length) ?? 0;
  const margin = { top: 30, right: 84, bottom: 44, left: Math.min(160, 28 + 6.5 * longest) };
  const x = scaleBand<string>().domain(data.columns.map((_, i) => `${i}`)).range([margin.left, width - margin.right]).padding(0.04);
  const y = scaleBand<string>().domain(data.rows.map((_, i) => `${i}`)).range([margin.top, height - margin.bottom]).padding(0.04);
  const [lo, hi] = options.domain ?? [min(finite) ?? 0, max(finite) ?? 0];
  const colour = scaleLinear<string>().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range(['#eef4fb', '#08306b']).clamp(true);
  const mid = (lo + hi) / 2;
  const showValues = options.showValues ?? true;
  data.rows.forEach((row, r) => {
    data.columns.forEach((column, c) => {
      const v = data.values[r]?.[c] ?? null;
      const cx = x(`${c}`) ?? 0;
      const cy = y(`${r}`) ?? 0;
      const ok = v !== null && Number.isFinite(v);
      const tip = `<title>${escapeXml(`${row}, ${column}: ${formatValue(v, format)}`)}</title>`;
      parts.push(
        `<rect class="cell" x="${px(cx)}" y="${px(cy)}" width="${px(x.bandwidth())}" height="${px(y.bandwidth())}" fill="${ok ? colour(v) : 'none'}" stroke="${ok ? 'none' : '#ccc'}">${tip}</rect>`,
      );
      if (ok && showValues && x.bandwidth() >= 22 && y.bandwidth() >= 12) {
        const light = lo === hi ? false : v > mid;
        parts.push(`<text x="${px(cx + x.bandwidth() / 2)}" y="${px(cy + y.bandwidth() / 2 + 4)}" text-anchor="middle" fill="${light ? '#fff' : '#111'}">${escapeXml(formatValue(v, format))}</text>`);
      }
    });
    parts.push(`<text x="${px(margin.left - 6)}" y="${px((y(`${r}`) ?? 0) + y.bandwidth() / 2 + 4)}" text-anchor="end">${escapeXml(row)}</text>`);
  });
  data.columns.forEach((column, c) => {
    parts.push(`<text x="${px((x(`${c}`) ?? 0) + x.bandwidth() / 2)}" y="${px(height - margin.bottom + 14)}" text-anchor="middle">${escapeXml(column)}</text>`);
  });
  if (options.xLabel !== undefined) parts.push(`<text x="${px((margin.left + width - margin.right) / 2)}" y="${px(height - 8)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  if (options.yLabel !== undefined) parts.push(`<text transform="translate(12,${px((margin.top + height - margin.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  parts.push(colourLegend(colour, lo, hi, format, { x: width - margin.right + 14, top: margin.top + 20, bottom: height - margin.bottom }, options.legendTitle));
  parts.push('</svg>');
  return parts.join('');
}
