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
  const rowOf = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = columns.x[i] as number;
    const ti = columns.tx[i] as number;
    const Ti = columns.T[i] as number;
    const w = columns.weights?.[i] ?? 1;
    // String keys of doubles are exact (shortest round-trip form), and +0 / −0 both print "0".
    const key = `${xi} ${ti} ${Ti}`;
    const row = rowOf.get(key);
    if (row === undefined) {
      rowOf.set(key, x.length);
      x.push(xi);
      tx.push(ti);
      T.push(Ti);
      weights.push(w);
    } else {
      weights[row] = (weights[row] as number) + w;
    }
  }
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weights: Float64Array.from(weights) };
}
