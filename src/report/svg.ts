/** Small helpers shared by the chart renderers. @internal */

/** Escapes text for use in XML/HTML text and double-quoted attributes. @internal */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number for an SVG attribute: at most 2 decimals, never `NaN`. @internal */
export function px(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

/** The colours of the series, in order (colour-blind-safe Okabe–Ito palette). @internal */
export const seriesColours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const;

/** How values are written on axes and labels. @category Report */
export type ValueFormat = 'number' | 'integer' | 'percent' | 'probability';

/** Writes a value for a label in the given format; `null` and non-finite values as an en dash. @internal */
export function formatValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (format) {
    case 'integer':
      return Math.round(value).toLocaleString('en-US');
    case 'percent':
      return `${(100 * value).toFixed(Math.abs(value) < 0.1 && value !== 0 ? 1 : 0)}%`;
    case 'probability':
      return value.toFixed(2);
    default:
      return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();
  }
}

/** Common options of the chart renderers. @category Report */
export interface ChartOptions {
  /** The chart's title, drawn at the top and given as the SVG's accessible name. */
  readonly title?: string;
  /** Width of the SVG in pixels. @defaultValue 640 */
  readonly width?: number;
  /** Height of the SVG in pixels. @defaultValue 320 */
  readonly height?: number;
  /** How values are written. @defaultValue 'number' */
  readonly valueFormat?: ValueFormat;
  /** Label of the horizontal axis. */
  readonly xLabel?: string;
  /** Label of the vertical axis. */
  readonly yLabel?: string;
}

/** Opens an SVG document with its title, viewBox and font. @internal */
export function openSvg(kind: string, width: number, height: number, title: string | undefined): string {
  const label = title === undefined ? '' : ` aria-label="${escapeXml(title)}"`;
  const heading = title === undefined ? '' : `<title>${escapeXml(title)}</title><text x="${px(width / 2)}" y="18" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(title)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="relmark-chart" data-chart-kind="${kind}" role="img"${label} width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" font-family="system-ui, sans-serif" font-size="11">${heading}`;
}

/** A legend row of coloured squares and series names. @internal */
export function legend(names: readonly string[], x: number, y: number): string {
  let offset = 0;
  return names
    .map((name, i) => {
      const item = `<g transform="translate(${px(x + offset)},${px(y)})"><rect width="10" height="10" fill="${seriesColours[i % seriesColours.length]}"/><text x="14" y="9">${escapeXml(name)}</text></g>`;
      offset += 24 + 7 * name.length;
      return item;
    })
    .join('');
}

/**
 * A domain whose span d3's tick generator can handle: spans below 1e-200 (equal or subnormally close
 * values, where d3-array's `ticks` fails) become `[lo, lo + 1]`. @internal
 */
export function safeDomain(lo: number, hi: number): [number, number] {
  return hi - lo >= 1e-200 ? [lo, hi] : [lo, lo + 1];
}
