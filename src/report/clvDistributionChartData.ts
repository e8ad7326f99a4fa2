import { type ReportCustomerColumns, reportCustomerColumnsOf } from './reportCustomerColumns.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { NeumaierSum } from '../internal/sum.js';
import { type ReportCustomer, ReportCustomerSchema } from './htmlReportInput.js';

/** One band of {@link clvDistributionChartData}: customers with lo < CLV ≤ hi. @category Report */
export interface ClvBand {
  /** e.g. `'20–50'`, `'≤ 0'`. */
  readonly label: string;
  /** The exclusive lower bound; `null` for the band of CLV ≤ 0. */
  readonly lo: number | null;
  /** The inclusive upper bound. */
  readonly hi: number;
  /** Customers in the band. */
  readonly customers: number;
  /** Their total CLV. */
  readonly clv: number;
  /** `customers` / all customers. */
  readonly customerShare: number;
  /** `clv` / the total CLV; `null` when the total is not positive. */
  readonly valueShare: number | null;
}

/** The data of the report's CLV distribution chart. @category Report */
export interface ClvDistributionChartData {
  /** Customers with a finite CLV. */
  readonly customers: number;
  /** Their total CLV (compensated sum). */
  readonly total: number;
  /** The bands, from low to high value; together they hold every customer. */
  readonly bands: ClvBand[];
  /** The share of the total CLV held by the top 10% of customers (⌈n / 10⌉); `null` when the total is not positive. */
  readonly topTenPercentShare: number | null;
}

/** At most this many decades get their own bands; lower values are pooled into one first band. */
const maxDecades = 6;

const clean = (value: number) => Number(value.toPrecision(12));

function label(value: number): string {
  if (value >= 1e6) return `${clean(value / 1e6)}M`;
  if (value >= 1e3) return `${clean(value / 1e3)}k`;
  return String(value);
}

/**
 * Band edges e₀ < e₁ < … spaced evenly on a log scale (1-2-5 steps over up to 3 decades, 1-3
 * steps beyond) from below `floor` (the 1st percentile) to `highest`, at most `maxDecades` decades;
 * `pooled` when some values lie at or below e₀ and need a first band (0, e₀].
 */
function logEdges(lowest: number, floor: number, highest: number): { edges: number[]; pooled: boolean } {
  let hi = Math.ceil(Math.log10(highest));
  while (10 ** hi < highest) hi++;
  while (10 ** (hi - 1) >= highest) hi--;
  let lo = Math.floor(Math.log10(floor));
  while (10 ** lo >= floor) lo--;
  while (10 ** (lo + 1) < floor) lo++;
  if (hi - lo > maxDecades) lo = hi - maxDecades;
  const mantissas = hi - lo <= 3 ? [1, 2, 5] : [1, 3];
  const all: number[] = [];
  for (let k = lo; k < hi; k++) {
    for (const m of mantissas) {
      const edge = clean(m * 10 ** k);
      // Near the largest double, 3·10³⁰⁸ overflows: the top edge is then the highest value itself.
      if (Number.isFinite(edge)) all.push(edge);
    }
  }
  all.push(Number.isFinite(10 ** hi) ? clean(10 ** hi) : highest);
  // Trim to the edges that bound the data: the first band holds `floor`, the last `highest`; values
  // at or below the first edge go to a pooled band (0, e₀].
  const top = all.findIndex((e) => e >= highest);
  const bottom = Math.max(0, all.findLastIndex((e) => e < floor));
  const edges = all.slice(bottom, top + 1);
  return { edges, pooled: lowest <= (edges[0] as number) };
}

/** The bands without validation. @internal */
export function clvDistributionChartDataUnchecked(customers: readonly ReportCustomer[]): ClvDistributionChartData {
  return clvDistributionChartDataColumns(reportCustomerColumnsOf(customers));
}

/** The bands from report columns (customers with a finite CLV). @internal */
export function clvDistributionChartDataColumns(columns: ReportCustomerColumns): ClvDistributionChartData {
  const values: number[] = [];
  const clvs = columns.clv;
  if (clvs !== undefined) for (let j = 0; j < columns.size; j++) if (Number.isFinite(clvs[j])) values.push(clvs[j] as number);
  const totalSum = new NeumaierSum();
  for (const v of values) totalSum.add(v);
  // `+ 0` turns −0 into 0, so that the result survives JSON unchanged.
  const total = totalSum.value + 0;
  const positive = values.filter((v) => v > 0);
  const bounds: { lo: number | null; hi: number; label: string }[] = [];
  if (positive.length < values.length) bounds.push({ lo: null, hi: 0, label: '≤ 0' });
  if (positive.length > 0) {
    const sorted = positive.toSorted((p, q) => p - q);
    const lowest = sorted[0] as number;
    const highest = sorted.at(-1) as number;
    // The 1st percentile (an order statistic): a few tiny values do not stretch the axis over empty decades.
    const floor = sorted[Math.floor(0.01 * (sorted.length - 1))] as number;
    const { edges, pooled } = logEdges(lowest, floor, highest);
    if (pooled) bounds.push({ lo: 0, hi: edges[0] as number, label: `0–${label(edges[0] as number)}` });
    for (let i = 0; i + 1 < edges.length; i++) bounds.push({ lo: edges[i] as number, hi: edges[i + 1] as number, label: `${label(edges[i] as number)}–${label(edges[i + 1] as number)}` });
  }
  const counts = bounds.map(() => 0);
  const sums = bounds.map(() => new NeumaierSum());
  for (const v of values) {
    // The first band whose upper bound holds v (bands are sorted by `hi`).
    let a = 0;
    let b = bounds.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (v <= (bounds[mid] as { hi: number }).hi) b = mid;
      else a = mid + 1;
    }
    counts[a]! += 1;
    sums[a]!.add(v);
  }
  const n = values.length;
  // Sums of CLVs near ±1.8e308 leave the doubles: name that instead of returning NaN or Infinity.
  if (!Number.isFinite(total) || sums.some((sum) => !Number.isFinite(sum.value))) {
    throw new RelmarkError('invalid_input', 'clvDistributionChartData: CLV totals too large', {
      issues: [{ code: 'amount_overflow', path: ['customers'], message: 'The customers’ CLVs total beyond ±Number.MAX_VALUE (≈ 1.8e308); express them in a larger unit' }],
    });
  }
  const bands = bounds.map((band, i) => ({
    ...band,
    customers: counts[i] as number,
    clv: (sums[i] as NeumaierSum).value + 0,
    customerShare: (counts[i] as number) / n,
    valueShare: total > 0 ? (sums[i] as NeumaierSum).value / total + 0 : null,
  }));
  let topTenPercentShare: number | null = null;
  if (total > 0) {
    const top = new NeumaierSum();
    for (const v of values.toSorted((p, q) => q - p).slice(0, Math.ceil(n / 10))) top.add(v);
    topTenPercentShare = top.value / total;
  }
  return { customers: n, total, bands, topTenPercentShare };
}

/**
 * The data of the report's CLV distribution: customers and value per band of CLV, the bands spaced
 * evenly on a log scale, so that the chart stays readable when value is concentrated (on CDNOW a
 * tenth of the customers hold over half of the value, and ten equal-width bins put 20,000 of 23,570
 * customers in the first).
 *
 * @remarks
 * Bands are (lo, hi] with 1-2-5 edges (…, 10, 20, 50, 100, …) when the positive values from their
 * 1st percentile up span up to 3 decades, 1-3 edges (…, 10, 30, 100, 300, …) when they span more
 * (at most 6); the values below the first edge (the lowest percent, or more beyond 6 decades) are pooled
 * into one first band (0, e₀]. CLVs ≤ 0 get a first band of their own. Empty
 * bands between the lowest and the highest value are kept, so the axis stays evenly spaced.
 * Totals are compensated sums. `topTenPercentShare` gives the concentration in one number.
 * Edge cases: customers without a finite `clv` are left out; none → `customers: 0`, no bands,
 * `topTenPercentShare: null`; all values equal → one band; a non-positive total gives
 * `valueShare: null`. O(n log n).
 *
 * @param customers - Report customers (see {@link ReportCustomer}); only `clv` is used; never mutated.
 * @returns The bands (every customer in exactly one), the total and the top-10% share.
 * @throws {@link RelmarkError} `invalid_input` when a customer is invalid, with its path, or (`amount_overflow`) when the CLVs total beyond ±`Number.MAX_VALUE`.
 * @example
 * ```ts
 * import { clvDistributionChartData } from 'relmark';
 * const data = clvDistributionChartData([3, 4, 15, 30, 80, 900].map((clv, i) => ({ customerId: `c${i}`, clv })));
 * [data.bands.map((b) => `${b.label}:${b.customers}`), data.topTenPercentShare];
 * //=> [['2–5:2', '5–10:0', '10–20:1', '20–50:1', '50–100:1', '100–200:0', '200–500:0', '500–1k:1'], 0.8721]
 * ```
 * @category Report
 */
export function clvDistributionChartData(customers: readonly ReportCustomer[]): ClvDistributionChartData {
  const parsed = z.array(ReportCustomerSchema).safeParse(customers);
  if (!parsed.success) throw fromZodError(parsed.error, 'clvDistributionChartData: invalid customers');
  return clvDistributionChartDataUnchecked(parsed.data as readonly ReportCustomer[]);
}
