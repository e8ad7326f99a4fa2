import { bin, max, quantileSorted } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { BarChartData } from './renderBarChart.js';
import type { HeatMapData } from './renderHeatMap.js';
import type { ReportCustomer } from './htmlReportInput.js';
import { safeDomain } from './svg.js';

/** The chart series that {@link renderHtmlReport} derives from customers. @internal */

/** Customers per (F score, R score): rows F high → low, columns R low → high. @internal */
export function rfGrid(customers: readonly ReportCustomer[]): HeatMapData | undefined {
  const scored = customers.filter((c) => c.r !== undefined && c.f !== undefined);
  if (scored.length === 0) return undefined;
  const bins = Math.max(max(scored, (c) => c.r) ?? 1, max(scored, (c) => c.f) ?? 1);
  const counts = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  for (const c of scored) (counts[bins - (c.f as number)] as number[])[(c.r as number) - 1]! += 1;
  return {
    rows: Array.from({ length: bins }, (_, i) => `F${bins - i}`),
    columns: Array.from({ length: bins }, (_, i) => `R${i + 1}`),
    values: counts,
  };
}

/**
 * Customers per CLV interval: about 10 intervals with round bounds over the values up to the 99th
 * percentile, and one last "over" interval for the long tail above them (CLV is heavy-tailed: equal
 * intervals over the whole range would put nearly everyone in the first). @internal
 */
export function clvHistogram(customers: readonly ReportCustomer[]): BarChartData | undefined {
  const values = customers.map((c) => c.clv).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (values.length === 0) return undefined;
  const sorted = values.toSorted((a, b) => a - b);
  const lo = sorted[0] as number;
  const cap = quantileSorted(sorted, 0.99) as number;
  const label = (n: number) => (Math.abs(n) >= 1000 ? `${Math.round(n / 100) / 10}k` : String(Math.round(n * 100) / 100));
  // d3's tick generator fails on subnormal spans: values that close together make one bin.
  if (!(cap - lo >= 1e-200)) {
    const top = sorted.at(-1) as number;
    return { categories: [top - lo >= 1e-200 ? `${label(lo)}–${label(top)}` : label(lo)], series: [{ name: 'customers', values: [values.length] }] };
  }
  const domain = scaleLinear().domain([lo, cap]).nice(10).domain() as [number, number];
  const inRange = sorted.filter((v) => v <= domain[1]);
  const bins = bin().domain(domain).thresholds(10)(inRange);
  const over = sorted.length - inRange.length;
  return {
    categories: [...bins.map((b) => `${label(b.x0 ?? 0)}–${label(b.x1 ?? 0)}`), ...(over > 0 ? [`> ${label(domain[1])}`] : [])],
    series: [{ name: 'customers', values: [...bins.map((b) => b.length), ...(over > 0 ? [over] : [])] }],
  };
}

const frequencyBuckets: readonly { label: string; lo: number; hi: number }[] = [
  { label: '0', lo: 0, hi: 0 },
  { label: '1', lo: 1, hi: 1 },
  { label: '2', lo: 2, hi: 2 },
  { label: '3–4', lo: 3, hi: 4 },
  { label: '5–9', lo: 5, hi: 9 },
  { label: '10+', lo: 10, hi: Number.POSITIVE_INFINITY },
];

/**
 * Mean P(alive) by repeat purchases (rows, most first) and time since the last purchase, T − tx
 * (columns, in about 6 round intervals). Cells without customers are `null`. @internal
 */
export function aliveGrid(customers: readonly ReportCustomer[]): HeatMapData | undefined {
  const rows = customers.filter((c) => c.x !== undefined && c.tx !== undefined && c.T !== undefined && c.probabilityAlive !== undefined);
  if (rows.length === 0) return undefined;
  const since = (c: ReportCustomer) => (c.T as number) - (c.tx as number);
  const top = max(rows, since) ?? 0;
  const ticks = scaleLinear().domain(safeDomain(0, top)).nice(6).ticks(6);
  const edges = ticks.length >= 2 ? ticks : safeDomain(0, top);
  const columns = edges.slice(0, -1).map((lo, i) => `${lo}–${edges[i + 1]}`);
  const buckets = frequencyBuckets.toReversed();
  const sums = buckets.map(() => new Array<number>(columns.length).fill(0));
  const counts = buckets.map(() => new Array<number>(columns.length).fill(0));
  for (const c of rows) {
    const x = c.x as number;
    const i = buckets.findIndex((b) => x >= b.lo && x <= b.hi);
    let j = 0;
    while (j < columns.length - 1 && (edges[j + 1] as number) <= since(c)) j++;
    if (i < 0) continue;
    sums[i]![j]! += c.probabilityAlive as number;
    counts[i]![j]! += 1;
  }
  const values = sums.map((row, i) => row.map((sum, j) => (counts[i]![j]! === 0 ? null : sum / counts[i]![j]!)));
  return { rows: buckets.map((b) => b.label), columns, values };
}
