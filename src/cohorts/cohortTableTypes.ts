import type { CohortPeriod } from './cohortPeriod.js';

/**
 * One cell of a cohort table: one cohort in one period since its acquisition.
 *
 * @remarks
 * - `period`: periods since acquisition (0 = the period of the first purchase).
 * - `complete`: `false` for the period that `asOf` cuts (it is still running), `true` otherwise.
 *   An incomplete cell is never a complete zero: read it as "so far".
 * - `activeCustomers`: customers of the cohort with at least one purchase in the period (refunds
 *   never make a customer active). In period 0 it is the cohort size.
 * - `retentionRate`: `activeCustomers / customers` (in [0, 1]).
 * - `orders`: purchase transactions in the period (two purchases on one day are two orders; refunds
 *   are not orders).
 * - `revenue`: net revenue of the period: purchases minus refunds, each refund in the period of its
 *   own date (so it can be negative).
 * - `cumulativeRevenuePerCustomer`: net revenue of periods 0…`period` divided by the cohort size:
 *   the empirical value curve.
 * - `repeatPurchaseRate`: the share of the cohort with at least two orders by the end of the period
 *   (cumulative; two orders on the first day count).
 * - `survivors`: customers of the cohort with a purchase in this period or a later one up to `asOf`
 *   (non-increasing in `period`): the survival counts that {@link fitSbgCohorts} fits.
 * @category Cohorts
 */
export interface CohortCell {
  readonly period: number;
  readonly complete: boolean;
  readonly activeCustomers: number;
  readonly retentionRate: number;
  readonly orders: number;
  readonly revenue: number;
  readonly cumulativeRevenuePerCustomer: number;
  readonly repeatPurchaseRate: number;
  readonly survivors: number;
}

/**
 * One acquisition cohort: the customers whose first purchase falls in one calendar period (and, with
 * `groupBy`, who share one attribute value).
 *
 * @remarks
 * - `group`: the `groupBy` value of the cohort's customers; `null` without `groupBy` or for customers
 *   that `groupBy` does not name.
 * - `cohort`: the label of the acquisition period: `'2024-03'` (month), `'2024-Q1'` (quarter), or the
 *   local date of the week's Monday (`'2024-03-04'`).
 * - `cohortIndex`: the period number (months, quarters or Monday-weeks since 1970 in the time zone),
 *   as `cohortTableSql` returns it.
 * - `start`: the instant the acquisition period starts (local midnight in the time zone), ISO 8601.
 * - `customers`: the cohort size.
 * - `cells`: one per period since acquisition up to the one containing `asOf`, in order; periods
 *   without activity are zero cells.
 * @category Cohorts
 */
export interface CohortRow {
  readonly group: string | null;
  readonly cohort: string;
  readonly cohortIndex: number;
  readonly start: string;
  readonly customers: number;
  readonly cells: readonly CohortCell[];
}

/**
 * A cohort table: acquisition cohorts by period, with activity, orders and revenue per period since
 * acquisition (see {@link cohortTable}).
 *
 * @remarks
 * - `cohorts`: ordered by group (`null` first, then code-unit order) and then by acquisition period.
 * - `customers`: customers with a purchase up to `asOf` (each in exactly one cohort).
 * - `revenue`: net revenue of every counted transaction; equals the sum of the cells' revenue plus
 *   `unattributedRevenue`.
 * - `unattributedRevenue`: refunds of customers with no purchase up to `asOf` (possible only for a
 *   partition of a log, in {@link createCohortAccumulator}: checked logs link every refund to an
 *   earlier purchase). Negative or 0.
 * - `excluded.future`: transactions after `asOf`, counted and left out.
 * @category Cohorts
 */
export interface CohortTable {
  readonly period: CohortPeriod;
  readonly timeZone: string;
  /** `asOf` as an ISO 8601 instant. */
  readonly asOf: string;
  readonly cohorts: readonly CohortRow[];
  readonly customers: number;
  readonly revenue: number;
  readonly unattributedRevenue: number;
  readonly excluded: { readonly future: number };
}
