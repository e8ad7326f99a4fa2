import { RelmarkError } from '../errors/RelmarkError.js';
import { compareIds } from '../internal/order.js';
import { type CohortPeriod, periodLabel, periodStart } from './cohortPeriod.js';
import type { CohortCell, CohortRow, CohortTable } from './cohortTableTypes.js';

/**
 * The one kernel behind every cohort table (records, columns, accumulators): rows already reduced to
 * (customer index, period number, orders, signed revenue), in any order.
 * @internal
 * @module
 */

/**
 * Rows of a cohort computation. A purchase is a row with `orders` 1 and `revenue` = its amount; a
 * refund has `orders` 0 and `revenue` = −amount; an aggregate of several transactions of one customer
 * in one period has their order count and net revenue. All rows lie at or before `asOf`.
 * @internal
 */
export interface CohortRowColumns {
  readonly length: number;
  readonly customer: Int32Array;
  readonly period: Int32Array;
  readonly orders: Uint32Array;
  readonly revenue: Float64Array;
}

/** The fixed facts of a table. @internal */
export interface CohortKernelSettings {
  readonly period: CohortPeriod;
  readonly timeZone: string;
  readonly asOf: number;
  /** The period number that contains `asOf`. */
  readonly asOfPeriod: number;
  readonly customerCount: number;
  /** The group index of each customer (into `groupNames`); absent: one group, `null`. */
  readonly groupOf?: Int32Array | undefined;
  readonly groupNames?: readonly (string | null)[] | undefined;
  /** Transactions after `asOf` left out before the rows were made. */
  readonly future: number;
}

const none = 0x7fff_ffff;
/** At most 2^25 cells (about 1.6 GB of cell arrays) and 2^28 words of activity bits (1 GB). */
const maxCells = 2 ** 25;
const maxBitWords = 2 ** 28;

/**
 * Builds the table in three passes: (1) the first and second order period of each customer, (2) the
 * rows into cells (orders, Neumaier-compensated revenue) and a bit per (customer, active period),
 * (3) the customers into cohort sizes, active counts, last-activity and second-order counts, whose
 * suffix and prefix sums give survivors and repeat rates.
 *
 * Memory: 8 bytes + 4·⌈P/32⌉ bytes per customer (P = periods from the first cohort to `asOf`), and
 * 48 bytes per cell of the triangle (P(P+1)/2 cells per group). O(rows + customers·P/32 + cells).
 * @internal
 */
export function cohortTableFromRows(rows: CohortRowColumns, settings: CohortKernelSettings): CohortTable {
  const { customer, period, orders, revenue, length } = rows;
  const n = settings.customerCount;
  const qa = settings.asOfPeriod;
  const first = new Int32Array(n).fill(none);
  const second = new Int32Array(n).fill(none);
  for (let i = 0; i < length; i++) {
    const o = orders[i] as number;
    if (o === 0) continue;
    const c = customer[i] as number;
    const q = period[i] as number;
    const f = first[c] as number;
    if (q < f) {
      second[c] = o >= 2 ? q : f;
      first[c] = q;
    } else if (q < (second[c] as number)) second[c] = q;
  }
  let qmin = none;
  for (let c = 0; c < n; c++) if ((first[c] as number) < qmin) qmin = first[c] as number;
  const groupNames = settings.groupNames ?? [null];
  const groupOf = settings.groupOf;
  const G = groupNames.length;
  const C = qmin === none ? 0 : qa - qmin + 1;
  const T = (C * (C + 1)) / 2;
  // A log spanning thousands of years (a mistyped year) would ask for a triangle beyond memory: refuse it.
  if (G * T > maxCells || n * Math.ceil(C / 32) > maxBitWords) {
    throw new RelmarkError('invalid_input', `cohortTable: the transactions span ${C} ${settings.period}s up to asOf, too many for a cohort table`, {
      issues: [{ code: 'too_large', path: ['transactions'], message: `The first purchase lies ${C} ${settings.period}s before asOf (${G} group(s)): at most ${maxCells.toLocaleString('en')} cells of the triangle are allowed; check for mistyped years or choose a longer period` }],
    });
  }
  // Cohort i (0 … C−1) has C − i cells; its first cell is at base[i] within a group's triangle.
  const base = new Float64Array(C);
  for (let i = 1; i < C; i++) base[i] = (base[i - 1] as number) + C - (i - 1);
  const cellOrders = new Float64Array(G * T);
  const cellRevenue = new Float64Array(G * T);
  const cellCompensation = new Float64Array(G * T);
  const cellActive = new Float64Array(G * T);
  const cellLast = new Float64Array(G * T);
  const cellSecond = new Float64Array(G * T);
  const sizes = new Float64Array(G * C);
  const W = Math.ceil(C / 32);
  const bits = new Uint32Array(n * W);
  let unattributed = 0;
  let unattributedCompensation = 0;
  for (let i = 0; i < length; i++) {
    const c = customer[i] as number;
    const f = first[c] as number;
    const r = revenue[i] as number;
    if (f === none) {
      const t = unattributed + r;
      unattributedCompensation += Math.abs(unattributed) >= Math.abs(r) ? unattributed - t + r : r - t + unattributed;
      unattributed = t;
      continue;
    }
    let k = (period[i] as number) - f;
    if (k < 0) k = 0; // a refund dated before the first purchase (only in a partition): period 0
    const g = groupOf === undefined ? 0 : (groupOf[c] as number);
    const cell = g * T + (base[f - qmin] as number) + k;
    const o = orders[i] as number;
    cellOrders[cell] = (cellOrders[cell] as number) + o;
    const sum = cellRevenue[cell] as number;
    const t = sum + r;
    cellCompensation[cell] = (cellCompensation[cell] as number) + (Math.abs(sum) >= Math.abs(r) ? sum - t + r : r - t + sum);
    cellRevenue[cell] = t;
    if (o > 0) bits[c * W + (k >>> 5)] = (bits[c * W + (k >>> 5)] as number) | (1 << (k & 31));
  }
  let customers = 0;
  for (let c = 0; c < n; c++) {
    const f = first[c] as number;
    if (f === none) continue;
    customers++;
    const g = groupOf === undefined ? 0 : (groupOf[c] as number);
    sizes[g * C + f - qmin] = (sizes[g * C + f - qmin] as number) + 1;
    const cellBase = g * T + (base[f - qmin] as number);
    let last = 0;
    for (let w = 0; w < W; w++) {
      let word = bits[c * W + w] as number;
      while (word !== 0) {
        const low = word & -word;
        const k = w * 32 + 31 - Math.clz32(low);
        cellActive[cellBase + k] = (cellActive[cellBase + k] as number) + 1;
        last = k;
        word ^= low;
      }
    }
    cellLast[cellBase + last] = (cellLast[cellBase + last] as number) + 1;
    const s = second[c] as number;
    if (s !== none) cellSecond[cellBase + s - f] = (cellSecond[cellBase + s - f] as number) + 1;
  }
  const order = groupNames.map((name, g) => ({ name, g })).sort((a, b) => (a.name === null ? (b.name === null ? 0 : -1) : b.name === null ? 1 : compareIds(a.name, b.name)));
  const cohorts: CohortRow[] = [];
  let total = unattributed + unattributedCompensation;
  let totalCompensation = 0;
  for (const { name, g } of order) {
    for (let i = 0; i < C; i++) {
      const size = sizes[g * C + i] as number;
      if (size === 0) continue;
      const cellBase = g * T + (base[i] as number);
      const K = C - i;
      const cells: CohortCell[] = new Array<CohortCell>(K);
      let survivors = 0;
      const survivorsAt = new Float64Array(K);
      for (let k = K - 1; k >= 0; k--) {
        survivors += cellLast[cellBase + k] as number;
        survivorsAt[k] = survivors;
      }
      let cumulative = 0;
      let cumulativeCompensation = 0;
      let repeaters = 0;
      for (let k = 0; k < K; k++) {
        const cell = cellBase + k;
        const cellTotal = (cellRevenue[cell] as number) + (cellCompensation[cell] as number);
        const t = cumulative + cellTotal;
        cumulativeCompensation += Math.abs(cumulative) >= Math.abs(cellTotal) ? cumulative - t + cellTotal : cellTotal - t + cumulative;
        cumulative = t;
        const u = total + cellTotal;
        totalCompensation += Math.abs(total) >= Math.abs(cellTotal) ? total - u + cellTotal : cellTotal - u + total;
        total = u;
        repeaters += cellSecond[cell] as number;
        const active = cellActive[cell] as number;
        cells[k] = {
          period: k,
          complete: qmin + i + k < qa,
          activeCustomers: active,
          retentionRate: active / size,
          orders: cellOrders[cell] as number,
          revenue: cellTotal,
          cumulativeRevenuePerCustomer: (cumulative + cumulativeCompensation) / size,
          repeatPurchaseRate: repeaters / size,
          survivors: survivorsAt[k] as number,
        };
        if (!Number.isFinite(cellTotal) || !Number.isFinite(cumulative)) throw overflow();
      }
      const q = qmin + i;
      cohorts.push({
        group: name,
        cohort: periodLabel(q, settings.period),
        cohortIndex: q,
        // Clamped to the Date range: a period can start before the earliest instant a Date holds.
        start: new Date(clampToDates(periodStart(q, settings.period, settings.timeZone), q)).toISOString(),
        customers: size,
        cells,
      });
    }
  }
  const revenueTotal = total + totalCompensation;
  if (!Number.isFinite(revenueTotal)) throw overflow();
  return {
    period: settings.period,
    timeZone: settings.timeZone,
    asOf: new Date(settings.asOf).toISOString(),
    cohorts,
    customers,
    revenue: revenueTotal,
    unattributedRevenue: unattributed + unattributedCompensation,
    excluded: { future: settings.future },
  };
}

/** An instant inside the range a Date holds (±8.64e15 ms); NaN (a period beyond it) goes to the nearer end. */
function clampToDates(ms: number, q: number): number {
  if (!Number.isFinite(ms)) return q < 0 ? -8.64e15 : 8.64e15;
  return Math.max(-8.64e15, Math.min(8.64e15, ms));
}

function overflow(): RelmarkError {
  return new RelmarkError('invalid_input', 'cohortTable: revenue totals beyond ±Number.MAX_VALUE', {
    issues: [{ code: 'amount_overflow', path: ['transactions'], message: 'The amounts of a cohort period add up beyond ±1.8e308' }],
  });
}
