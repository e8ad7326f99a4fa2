/**
 * The report's customers as columns: what the chart kernels and the top-customers table read. The
 * command builds them straight from its typed arrays (a million customers never become a million
 * objects); {@link reportCustomerColumnsOf} builds them from `ReportCustomer` objects, so that both
 * paths go through the same kernels.
 * @internal
 * @module
 */
import { compareIds } from '../internal/order.js';
import type { ReportCustomer } from './htmlReportInput.js';

/**
 * Per-customer values by column. A column that is absent means no customer has the value; inside a
 * column, `NaN` marks a customer without it (object fields that were `undefined`).
 * @internal
 */
export interface ReportCustomerColumns {
  readonly size: number;
  readonly customerId: (j: number) => string;
  /** The customer's segment name, or undefined. */
  readonly segment?: (j: number) => string | undefined;
  readonly r?: ArrayLike<number>;
  readonly f?: ArrayLike<number>;
  readonly x?: ArrayLike<number>;
  readonly tx?: ArrayLike<number>;
  readonly T?: ArrayLike<number>;
  readonly probabilityAlive?: ArrayLike<number>;
  readonly expectedPurchases?: ArrayLike<number>;
  readonly clv?: ArrayLike<number>;
  readonly monetary?: ArrayLike<number>;
}

type NumberField = 'r' | 'f' | 'x' | 'tx' | 'T' | 'probabilityAlive' | 'expectedPurchases' | 'clv' | 'monetary';
const numberFields: readonly NumberField[] = ['r', 'f', 'x', 'tx', 'T', 'probabilityAlive', 'expectedPurchases', 'clv', 'monetary'];

/** The columns of report customers given as objects (missing fields become `NaN`). @internal */
export function reportCustomerColumnsOf(customers: readonly ReportCustomer[]): ReportCustomerColumns {
  const n = customers.length;
  const columns: { -readonly [K in NumberField]?: Float64Array } = {};
  for (const field of numberFields) {
    if (!customers.some((c) => c[field] !== undefined)) continue;
    const column = new Float64Array(n);
    for (let j = 0; j < n; j++) column[j] = (customers[j] as ReportCustomer)[field] ?? Number.NaN;
    columns[field] = column;
  }
  return {
    size: n,
    customerId: (j) => (customers[j] as ReportCustomer).customerId,
    segment: (j) => (customers[j] as ReportCustomer).segment,
    ...columns,
  };
}

/**
 * The `top` customers with the highest finite CLV (ties by customer id), best first, by one pass
 * that keeps the best `top` seen — not a sort of every customer. Indices into the columns.
 * @internal
 */
export function topCustomersByClv(columns: ReportCustomerColumns, top: number): number[] {
  const clv = columns.clv;
  if (clv === undefined || top <= 0) return [];
  const best: number[] = [];
  const before = (a: number, b: number) => (clv[a] as number) - (clv[b] as number) > 0 || ((clv[a] as number) === (clv[b] as number) && compareIds(columns.customerId(a), columns.customerId(b)) < 0);
  for (let j = 0; j < columns.size; j++) {
    if (!Number.isFinite(clv[j])) continue;
    if (best.length === top && !before(j, best[top - 1] as number)) continue;
    let at = best.length === top ? top - 1 : best.length;
    while (at > 0 && before(j, best[at - 1] as number)) at--;
    if (best.length === top) best.pop();
    best.splice(at, 0, j);
  }
  return best;
}
