import { type ReportCustomerColumns, reportCustomerColumnsOf } from './reportCustomerColumns.js';
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { NeumaierSum } from '../internal/sum.js';
import { type ReportCustomer, ReportCustomerSchema } from './htmlReportInput.js';
import type { HeatMapData } from './renderHeatMap.js';

/** One cell of the R × F grid of {@link rfChartData}. @category Report */
export interface RfCell {
  /** Recency score, 1 (longest ago) … bins. */
  readonly r: number;
  /** Frequency score, 1 (fewest purchases) … bins. */
  readonly f: number;
  /** Customers in the cell. */
  readonly customers: number;
  /** Mean `monetary` of the cell's customers that have one; `null` when none has. */
  readonly meanMonetary: number | null;
}

/** The data of the report's R × F heat maps (count and mean monetary value). @category Report */
export interface RfChartData {
  /** The number of scores per dimension: the largest R or F score seen (0 without scored customers). */
  readonly bins: number;
  /** Customers with both an R and an F score. */
  readonly customers: number;
  /** One cell per (F, R), F from `bins` down to 1, then R from 1 up: the order the heat map draws them. */
  readonly cells: RfCell[];
  /** Customers per F score, F = 1 … bins. */
  readonly frequencyScores: { readonly f: number; readonly customers: number }[];
  /**
   * F scores without customers though a higher one has some: with tie-honest scores, a frequency
   * shared by many customers (in CDNOW, half bought once) takes the lowest score and the scores its
   * share would span stay empty.
   */
  readonly emptyFrequencyScores: number[];
}

/** The grid without validation. @internal */
export function rfChartDataUnchecked(customers: readonly ReportCustomer[]): RfChartData {
  return rfChartDataColumns(reportCustomerColumnsOf(customers));
}

/** The grid from report columns (customers with both scores; `NaN` is a missing value). @internal */
export function rfChartDataColumns(columns: ReportCustomerColumns): RfChartData {
  const { r, f, monetary } = columns;
  const n = r === undefined || f === undefined ? 0 : columns.size;
  const scored = (j: number) => !Number.isNaN((r as ArrayLike<number>)[j]) && !Number.isNaN((f as ArrayLike<number>)[j]);
  let bins = 0;
  let customers = 0;
  for (let j = 0; j < n; j++) {
    if (!scored(j)) continue;
    customers++;
    bins = Math.max(bins, (r as ArrayLike<number>)[j] as number, (f as ArrayLike<number>)[j] as number);
  }
  const counts = Array.from({ length: bins * bins }, () => 0);
  const sums = Array.from({ length: bins * bins }, () => ({ sum: new NeumaierSum(), n: 0 }));
  const frequencyScores = Array.from({ length: bins }, (_, k) => ({ f: k + 1, customers: 0 }));
  // Index of (f, r) in drawing order: F from high to low, R from low to high.
  const at = (fj: number, rj: number) => (bins - fj) * bins + (rj - 1);
  for (let j = 0; j < n; j++) {
    if (!scored(j)) continue;
    const fj = (f as ArrayLike<number>)[j] as number;
    const i = at(fj, (r as ArrayLike<number>)[j] as number);
    counts[i]! += 1;
    frequencyScores[fj - 1]!.customers += 1;
    const m = monetary === undefined ? Number.NaN : (monetary[j] as number);
    if (!Number.isNaN(m)) {
      sums[i]!.sum.add(m);
      sums[i]!.n += 1;
    }
  }
  const cells: RfCell[] = counts.map((count, i) => {
    const m = sums[i]!;
    return { r: (i % bins) + 1, f: bins - Math.floor(i / bins), customers: count, meanMonetary: m.n === 0 ? null : m.sum.value / m.n + 0 };
  });
  const highest = frequencyScores.findLastIndex((s) => s.customers > 0);
  const emptyFrequencyScores = frequencyScores.filter((s, k) => k < highest && s.customers === 0).map((s) => s.f);
  return { bins, customers, cells, frequencyScores, emptyFrequencyScores };
}

/** The count or mean-monetary grid of {@link rfChartData} as heat-map rows and columns. @internal */
export function rfHeatMap(data: RfChartData, value: 'customers' | 'meanMonetary'): HeatMapData {
  const { bins } = data;
  return {
    rows: Array.from({ length: bins }, (_, i) => `F${bins - i}`),
    columns: Array.from({ length: bins }, (_, i) => `R${i + 1}`),
    values: Array.from({ length: bins }, (_, i) => data.cells.slice(i * bins, (i + 1) * bins).map((c) => (value === 'customers' ? c.customers : c.meanMonetary))),
  };
}

/**
 * The data of the report's R × F heat maps: customers and mean monetary value per (recency score,
 * frequency score) cell, as R `rfm`'s `rfm_heatmap` shows them, plus the F scores left empty by ties.
 *
 * @remarks
 * Customers without both an `r` and an `f` score are left out; `monetary` is averaged over the
 * cell's customers that have it (compensated sums). `emptyFrequencyScores` explains what looks like
 * an error on data where most customers share one frequency: relmark's default scores keep ties
 * together (see `scoreRfm`), so on CDNOW, where half of the customers bought once, every one-time
 * buyer has F = 1 and F = 2 stays empty.
 * Edge cases: no scored customer → `bins: 0` and empty lists; a cell without customers has
 * `customers: 0` and `meanMonetary: null`. Output order: F from high to low, then R from low to high.
 * O(customers + bins²).
 *
 * @param customers - Report customers (see {@link ReportCustomer}); never mutated.
 * @returns The grid, the customers per F score and the empty F scores.
 * @throws {@link RelmarkError} `invalid_input` when a customer is invalid (e.g. a score of 0), with its path.
 * @example
 * ```ts
 * import { rfChartData } from 'relmark';
 * const data = rfChartData([
 *   { customerId: 'a', r: 3, f: 1, monetary: 10 },
 *   { customerId: 'b', r: 1, f: 1, monetary: 30 },
 *   { customerId: 'c', r: 2, f: 3, monetary: 90 },
 * ]);
 * [data.bins, data.emptyFrequencyScores, data.cells.filter((c) => c.customers > 0).map((c) => [c.f, c.r, c.meanMonetary])];
 * //=> [3, [2], [[3, 2, 90], [1, 1, 30], [1, 3, 10]]]
 * ```
 * @category Report
 */
export function rfChartData(customers: readonly ReportCustomer[]): RfChartData {
  const parsed = z.array(ReportCustomerSchema).safeParse(customers);
  if (!parsed.success) throw fromZodError(parsed.error, 'rfChartData: invalid customers');
  return rfChartDataUnchecked(parsed.data as readonly ReportCustomer[]);
}
