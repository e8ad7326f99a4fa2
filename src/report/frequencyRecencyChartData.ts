import { type ReportCustomerColumns, reportCustomerColumnsOf } from './reportCustomerColumns.js';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { NeumaierSum } from '../internal/sum.js';
import { type ReportCustomer, ReportCustomerSchema } from './htmlReportInput.js';
import type { HeatMapData } from './renderHeatMap.js';
import { safeDomain } from './svg.js';

/** One cell of {@link frequencyRecencyChartData}: the customers with a repeat-purchase count and a time since their last purchase. @category Report */
export interface FrequencyRecencyCell {
  /** The repeat-purchase bucket, e.g. `'3–4'`. */
  readonly frequency: string;
  /** The interval of time since the last purchase (T − tx), e.g. `'10–20'`; lower bound inclusive. */
  readonly recency: string;
  /** Customers in the cell. */
  readonly customers: number;
  /** Mean `expectedPurchases` of those that have it; `null` when none has. */
  readonly expectedPurchases: number | null;
  /** Mean `probabilityAlive` of those that have it; `null` when none has. */
  readonly probabilityAlive: number | null;
}

/** The data of the report's frequency × recency matrices (expected purchases and P(alive)). @category Report */
export interface FrequencyRecencyChartData {
  /** Row labels, most repeat purchases first: `'10+'`, `'5–9'`, `'3–4'`, `'2'`, `'1'`, `'0'`. */
  readonly frequencies: string[];
  /** Column labels, intervals of T − tx from 0 up, in round steps. */
  readonly recencies: string[];
  /** One cell per (frequency, recency), row by row in the order of the labels. */
  readonly cells: FrequencyRecencyCell[];
  /** Customers counted (those with x, tx, T and a P(alive) or an expected-purchases value). */
  readonly customers: number;
  /**
   * Customers without a repeat purchase (x = 0), and how many of them have P(alive) = 1: under
   * BG/NBD all of them, a property of the model (a customer can only drop out right after a repeat
   * purchase), not evidence that they are active.
   */
  readonly noRepeat: { readonly customers: number; readonly probabilityAliveOne: number };
}

const frequencyBuckets: readonly { label: string; lo: number; hi: number }[] = [
  { label: '10+', lo: 10, hi: Number.POSITIVE_INFINITY },
  { label: '5–9', lo: 5, hi: 9 },
  { label: '3–4', lo: 3, hi: 4 },
  { label: '2', lo: 2, hi: 2 },
  { label: '1', lo: 1, hi: 1 },
  // x is a count, but a summary may carry fractions: buckets are contiguous.
  { label: '0', lo: 0, hi: 0 },
];

/** The matrices without validation. @internal */
export function frequencyRecencyChartDataUnchecked(customers: readonly ReportCustomer[]): FrequencyRecencyChartData {
  return frequencyRecencyChartDataColumns(reportCustomerColumnsOf(customers));
}

/** The matrices from report columns (`NaN` is a missing value). @internal */
export function frequencyRecencyChartDataColumns(columns: ReportCustomerColumns): FrequencyRecencyChartData {
  const nan = { length: 0 } as ArrayLike<number>;
  const { x = nan, tx = nan, T = nan, probabilityAlive = nan, expectedPurchases = nan } = columns;
  const has = (column: ArrayLike<number>, j: number) => column !== nan && !Number.isNaN(column[j]);
  const rows: number[] = [];
  for (let j = 0; j < columns.size; j++) if (has(x, j) && has(tx, j) && has(T, j) && (has(probabilityAlive, j) || has(expectedPurchases, j))) rows.push(j);
  const since = (j: number) => Math.max(0, (T[j] as number) - (tx[j] as number));
  const top = max(rows, since) ?? 0;
  const ticks = scaleLinear().domain(safeDomain(0, top)).nice(6).ticks(6);
  const edges = ticks.length >= 2 ? ticks : safeDomain(0, top);
  const recencies = edges.slice(0, -1).map((lo, i) => `${lo}–${edges[i + 1]}`);
  const width = recencies.length;
  const cells = frequencyBuckets.flatMap(() => recencies.map(() => ({ customers: 0, e: new NeumaierSum(), ne: 0, p: new NeumaierSum(), np: 0 })));
  let noRepeat = 0;
  let aliveOne = 0;
  for (const j of rows) {
    const xj = x[j] as number;
    // The bucket whose range holds x (fractional x between two buckets goes to the lower one).
    const i = frequencyBuckets.findIndex((b) => xj >= b.lo);
    const s = since(j);
    let k = 0;
    while (k < width - 1 && (edges[k + 1] as number) <= s) k++;
    const cell = cells[i * width + k]!;
    cell.customers += 1;
    if (has(expectedPurchases, j)) {
      cell.e.add(expectedPurchases[j] as number);
      cell.ne += 1;
    }
    const alive = has(probabilityAlive, j) ? (probabilityAlive[j] as number) : undefined;
    if (alive !== undefined) {
      cell.p.add(alive);
      cell.np += 1;
    }
    if (xj === 0) {
      noRepeat += 1;
      if (alive !== undefined && alive >= 1 - 1e-12) aliveOne += 1;
    }
  }
  return {
    frequencies: frequencyBuckets.map((b) => b.label),
    recencies,
    cells: cells.map((cell, k) => ({
      frequency: (frequencyBuckets[Math.floor(k / width)] as { label: string }).label,
      recency: recencies[k % width] as string,
      customers: cell.customers,
      expectedPurchases: cell.ne === 0 ? null : cell.e.value / cell.ne + 0,
      probabilityAlive: cell.np === 0 ? null : cell.p.value / cell.np + 0,
    })),
    customers: rows.length,
    noRepeat: { customers: noRepeat, probabilityAliveOne: aliveOne },
  };
}

/** One of the two matrices of {@link frequencyRecencyChartData} as heat-map rows and columns. @internal */
export function frequencyRecencyHeatMap(data: FrequencyRecencyChartData, value: 'expectedPurchases' | 'probabilityAlive'): HeatMapData {
  const width = data.recencies.length;
  return {
    rows: data.frequencies,
    columns: data.recencies,
    values: data.frequencies.map((_, i) => data.cells.slice(i * width, (i + 1) * width).map((c) => c[value])),
  };
}

/**
 * The data of the report's frequency × recency matrices: mean expected purchases and mean P(alive)
 * of the customers by repeat purchases (x) and time since their last purchase (T − tx), the two
 * matrices lifetimes draws with `plot_frequency_recency_matrix` and `plot_probability_alive_matrix`.
 *
 * @remarks
 * lifetimes evaluates the model on a grid of hypothetical customers; these matrices average the
 * values of the real customers in each cell instead, so an empty cell means that no customer has
 * that history. Rows are the buckets 0, 1, 2, 3–4, 5–9, 10+ (most first, as drawn), columns about 6
 * round intervals of T − tx from 0, each holding its lower bound. Means are compensated sums.
 * `noRepeat` explains a row that looks like an error: BG/NBD gives P(alive) = 1 to every customer
 * without a repeat purchase, whatever their time since the first purchase (FHL 2005: dropout can
 * only follow a purchase), a property of the model and not of the data; Pareto/NBD does not.
 * Edge cases: customers without x, tx, T or without both values are left out; none → empty lists
 * and zero counts; a cell without customers has `null` means; tx > T counts as 0 time since.
 * O(customers).
 *
 * @param customers - Report customers (see {@link ReportCustomer}); never mutated.
 * @returns Labels, one cell per (frequency, recency) with both means, and the x = 0 counts.
 * @throws {@link RelmarkError} `invalid_input` when a customer is invalid (e.g. P(alive) > 1), with its path.
 * @example
 * ```ts
 * import { frequencyRecencyChartData } from 'relmark';
 * const data = frequencyRecencyChartData([
 *   { customerId: 'a', x: 0, tx: 0, T: 30, probabilityAlive: 1, expectedPurchases: 0.4 },
 *   { customerId: 'b', x: 4, tx: 28, T: 30, probabilityAlive: 0.9, expectedPurchases: 2.5 },
 *   { customerId: 'c', x: 3, tx: 10, T: 30, probabilityAlive: 0.3, expectedPurchases: 0.7 },
 * ]);
 * [data.recencies, data.cells.filter((c) => c.customers > 0).map((c) => [c.frequency, c.recency, c.probabilityAlive]), data.noRepeat];
 * //=> [['0–5', '5–10', '10–15', '15–20', '20–25', '25–30'], [['3–4', '0–5', 0.9], ['3–4', '20–25', 0.3], ['0', '25–30', 1]], { customers: 1, probabilityAliveOne: 1 }]
 * ```
 * @category Report
 */
export function frequencyRecencyChartData(customers: readonly ReportCustomer[]): FrequencyRecencyChartData {
  const parsed = z.array(ReportCustomerSchema).safeParse(customers);
  if (!parsed.success) throw fromZodError(parsed.error, 'frequencyRecencyChartData: invalid customers');
  return frequencyRecencyChartDataUnchecked(parsed.data as readonly ReportCustomer[]);
}
