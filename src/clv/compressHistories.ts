import type { HistoryColumns } from './historyColumns.js';

/**
 * Merges rows with identical (x, tx, T) into one row whose weight is the sum of their weights.
 *
 * @remarks
 * The log-likelihood of the compressed columns equals that of the input (it is a weighted sum over
 * rows), so fits on either give the same optimum; with cohort data (few distinct T) and coarse times
 * this shrinks the data many times. Rows keep the order of their first appearance. Values are compared
 * exactly (`-0` equals `0`). O(n) expected time.
 *
 * @param columns - Columns with optional weights (default 1 per row).
 * @returns New columns with `weights` set; the input is not mutated.
 * @throws Nothing: it does not validate (validate with `fitBgNbd` or {@link PurchaseHistorySchema} first).
 * @example
 * ```ts
 * import { compressHistories, toHistoryColumns } from 'relmark/clv';
 * const compressed = compressHistories(
 *   toHistoryColumns([{ x: 0, tx: 0, T: 39 }, { x: 1, tx: 3, T: 39 }, { x: 0, tx: 0, T: 39 }]),
 * );
 * [Array.from(compressed.x), Array.from(compressed.weights ?? [])];
 * //=> [[0, 1], [2, 1]]
 * ```
 * @category CLV
 */
export function compressHistories(columns: HistoryColumns): Required<HistoryColumns> {
  const n = columns.x.length;
  const { x: xs, tx: txs, T: Ts, weights: ws } = columns;
  // An open-addressing table of row numbers keyed on the three doubles' bits: string keys cost
  // about 1.7 µs a row, this about a tenth of that. Capacity is a power of two ≥ 2n (load ≤ 1/2).
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weights = new Float64Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const ti = txs[i] as number;
    const Ti = Ts[i] as number;
    let slot = hashTriple(xi, ti, Ti) & mask;
    for (;;) {
      const row = table[slot] as number;
      if (row === -1) {
        table[slot] = rows;
        x[rows] = xi;
        tx[rows] = ti;
        T[rows] = Ti;
        weights[rows] = ws?.[i] ?? 1;
        rows++;
        break;
      }
      if (same(x[row] as number, xi) && same(tx[row] as number, ti) && same(T[row] as number, Ti)) {
        weights[row] = (weights[row] as number) + (ws?.[i] ?? 1);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { x: x.slice(0, rows), tx: tx.slice(0, rows), T: T.slice(0, rows), weights: weights.slice(0, rows) };
}

/** Equal as values: `-0` equals `0` (===), and NaN equals NaN (so all NaN rows merge, as before). */
function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** The two 32-bit halves of a double, with −0 read as +0 and every NaN as one NaN, mixed in. */
function mixDouble(h: number, value: number): number {
  scratch[0] = value !== value ? Number.NaN : value + 0;
  h = Math.imul(h ^ (scratchBits[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (scratchBits[1] as number), 0x85ebca77);
  return h ^ (h >>> 15);
}

function hashTriple(a: number, b: number, c: number): number {
  return mixDouble(mixDouble(mixDouble(0x811c9dc5, a), b), c) >>> 0;
}
