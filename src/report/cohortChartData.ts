import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import type { CohortTable } from '../cohorts/cohortTableTypes.js';
import type { HeatMapData } from './renderHeatMap.js';
import type { LineChartData } from './renderLineChart.js';

/**
 * The data of the report's cohort charts: the retention triangle (chart `cohort-retention`, a heat
 * map) and the value curves (chart `cohort-value`, a line chart).
 * @category Report
 */
export interface CohortChartData {
  /** The calendar period of the table (`'month'` …). */
  readonly period: string;
  /** Retention rate per cohort (row) and period since acquisition (column); `null` past `asOf` and for the incomplete period. */
  readonly retention: HeatMapData;
  /** Cumulative revenue per acquired customer per period since acquisition, one series per cohort (the latest `maxCurves`); `null` where the retention map has `null`. */
  readonly valueCurves: LineChartData;
}

const finite = z.number().finite();

/**
 * The shape of a cohort table the report reads (what `cohortTable` returns); checked by
 * {@link cohortChartData}.
 * @example
 * ```ts
 * import { CohortTableInputSchema } from 'relmark';
 * CohortTableInputSchema.safeParse({ period: 'month' }).success;
 * //=> false
 * ```
 * @category Report
 */
export const CohortTableInputSchema = z.object({
  period: z.string(),
  cohorts: z.array(
    z.object({
      group: z.string().nullable(),
      cohort: z.string(),
      customers: z.number().int().positive(),
      cells: z.array(z.object({ period: z.number().int().nonnegative(), complete: z.boolean(), retentionRate: z.number().min(0).max(1), cumulativeRevenuePerCustomer: finite })).readonly(),
    }),
  ).readonly(),
});

/**
 * The part of a cohort table (from `cohortTable`) that the report reads: any `CohortTable` is one.
 * @category Report
 */
export type ReportCohortTable = z.input<typeof CohortTableInputSchema>;

/** Cohort chart data of a table in the report's shape, without validation. @internal */
export function cohortChartDataUnchecked(table: z.output<typeof CohortTableInputSchema>, maxCurves = 12): CohortChartData {
  const rows = table.cohorts;
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, k) => `+${k}`);
  const grouped = rows.some((r) => r.group !== null);
  const label = (r: (typeof rows)[number]) => (grouped ? `${r.group ?? '–'} · ${r.cohort}` : r.cohort);
  const value = (r: (typeof rows)[number], k: number, pick: (cell: (typeof r.cells)[number]) => number) => {
    const cell = r.cells[k];
    return cell === undefined || !cell.complete ? null : pick(cell);
  };
  const curves = rows.slice(-maxCurves);
  return {
    period: table.period,
    retention: { rows: rows.map(label), columns, values: rows.map((r) => columns.map((_, k) => value(r, k, (c) => c.retentionRate))) },
    valueCurves: {
      x: columns.map((_, k) => k),
      series: curves.map((r) => ({ name: label(r), values: columns.map((_, k) => value(r, k, (c) => c.cumulativeRevenuePerCustomer)) })),
    },
  };
}

/**
 * The data behind the report's cohort charts: the retention triangle as a heat-map grid, and the
 * empirical value curves (cumulative revenue per acquired customer) per cohort.
 *
 * @remarks
 * Rows are the table's cohorts in its order (labelled `group · cohort` when the table is split by
 * `groupBy`), columns the periods since acquisition (`+0`, `+1`, …). The incomplete period (the
 * one `asOf` cuts) is `null`, drawn as an empty cell, so a running period never reads as a drop;
 * so are the cells past `asOf` of younger cohorts (the triangle). The value curves show the latest
 * `maxCurves` cohorts (12 by default) so that the chart stays legible. O(cells).
 *
 * @param table - A cohort table (see `cohortTable`).
 * @param options - `maxCurves`: how many cohorts get a value curve. @defaultValue 12
 * @returns The {@link CohortChartData}.
 * @throws {@link RelmarkError} `invalid_input` (paths under `table`) when the table is not of the
 *   shape `cohortTable` returns; `invalid_options` for a `maxCurves` that is not an integer ≥ 0.
 * @example
 * ```ts
 * import { cohortTable } from 'relmark/cohorts';
 * import { cohortChartData } from 'relmark';
 * const table = cohortTable(
 *   [
 *     { customerId: 'ann', at: '2024-01-05', amount: 40 },
 *     { customerId: 'ann', at: '2024-02-11', amount: 20 },
 *     { customerId: 'bob', at: '2024-01-20', amount: 10 },
 *   ],
 *   { asOf: '2024-03-15', period: 'month' },
 * );
 * const data = cohortChartData(table);
 * [data.retention.columns, data.retention.values, data.valueCurves.series[0]?.values];
 * //=> [['+0', '+1', '+2'], [[1, 0.5, null]], [25, 35, null]]
 * ```
 * @category Report
 */
export function cohortChartData(table: CohortTable, options: { readonly maxCurves?: number } = {}): CohortChartData {
  const parsed = CohortTableInputSchema.safeParse(table);
  if (!parsed.success) throw fromZodError(parsed.error, 'cohortChartData: invalid table', { pathPrefix: ['table'] });
  const maxCurves = options?.maxCurves ?? 12;
  if (!(Number.isSafeInteger(maxCurves) && maxCurves >= 0)) {
    throw new RelmarkError('invalid_options', 'cohortChartData: invalid options', {
      issues: [{ code: 'invalid_value', path: ['maxCurves'], message: `maxCurves must be an integer ≥ 0, received ${String(maxCurves)}` }],
    });
  }
  return cohortChartDataUnchecked(parsed.data, maxCurves);
}
