/**
 * BG/NBD histories arranged for fast likelihood evaluation.
 * @internal
 * @module
 */
import { distinctValues, type FrequencyGroups, groupByFrequency } from '../frequencyGroups.js';
import type { HistoryColumns } from '../historyColumns.js';

/**
 * Histories prepared for {@link bgNbdLogLikelihoodKernel}: customers without repeat purchases only
 * contribute −r·ln(α+T), so they collapse into weight sums per distinct T; customers with repeat
 * purchases keep one row each, with ln(α+T) shared by distinct T.
 * @internal
 */
export interface BgNbdData {
  /** Rows grouped by x, for the x-only terms. */
  readonly frequencies: Pick<FrequencyGroups, 'values' | 'weightSums'>;
  /** Distinct T values (times the scale) of the rows with x = 0, and their weight sums. */
  readonly zeroT: Float64Array;
  readonly zeroWeights: Float64Array;
  /** The rows with x > 0: x, tx (scaled), weight, x-group and index into `positiveT`. */
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly weights: Float64Array;
  readonly group: Int32Array;
  readonly tIndex: Int32Array;
  /** Distinct T values (scaled) of the rows with x > 0. */
  readonly positiveT: Float64Array;
  /** Σ w and Σ w·x over all rows. */
  readonly totalWeight: number;
  readonly weightedX: number;
}

/**
 * Arranges columns for the kernel, multiplying times by `timeScale`. Rows with weight 0 are dropped.
 * The arrangement depends only on the multiset of rows (sums run in a fixed order of distinct values
 * and then of rows), so it is deterministic. O(n) expected time.
 * @internal
 */
export function prepareBgNbdData(columns: HistoryColumns, timeScale = 1): BgNbdData {
  const n = columns.x.length;
  const weightOf = (i: number) => (columns.weights === undefined ? 1 : (columns.weights[i] as number));
  let positives = 0;
  let zeros = 0;
  let totalWeight = 0;
  let weightedX = 0;
  for (let i = 0; i < n; i++) {
    const w = weightOf(i);
    if (w === 0) continue;
    totalWeight += w;
    weightedX += w * (columns.x[i] as number);
    if ((columns.x[i] as number) > 0) positives++;
    else zeros++;
  }
  const zeroTimes = new Float64Array(zeros);
  const zeroW = new Float64Array(zeros);
  const x = new Float64Array(positives);
  const tx = new Float64Array(positives);
  const T = new Float64Array(positives);
  const weights = new Float64Array(positives);
  let p = 0;
  let z = 0;
  for (let i = 0; i < n; i++) {
    const w = weightOf(i);
    if (w === 0) continue;
    const xi = columns.x[i] as number;
    if (xi > 0) {
      x[p] = xi;
      tx[p] = (columns.tx[i] as number) * timeScale;
      T[p] = (columns.T[i] as number) * timeScale;
      weights[p] = w;
      p++;
    } else {
      zeroTimes[z] = (columns.T[i] as number) * timeScale;
      zeroW[z] = w;
      z++;
    }
  }
  const zeroGroups = groupByFrequency(zeroTimes, zeroW);
  const positiveTimes = distinctValues(T);
  // The x groups of all rows: x = 0 (if any) followed by the groups of the rows with x > 0.
  const positiveGroups = groupByFrequency(x, weights);
  const offset = zeros > 0 ? 1 : 0;
  let zeroWeight = 0;
  for (let j = 0; j < zeroGroups.weightSums.length; j++) zeroWeight += zeroGroups.weightSums[j] as number;
  const frequencies = {
    values: Float64Array.from([...(zeros > 0 ? [0] : []), ...positiveGroups.values]),
    weightSums: Float64Array.from([...(zeros > 0 ? [zeroWeight] : []), ...positiveGroups.weightSums]),
  };
  const group = positiveGroups.groupOf;
  if (offset > 0) for (let i = 0; i < positives; i++) group[i] = (group[i] as number) + offset;
  return {
    frequencies,
    zeroT: zeroGroups.values,
    zeroWeights: zeroGroups.weightSums,
    x,
    tx,
    weights,
    group,
    tIndex: positiveTimes.indexOf,
    positiveT: positiveTimes.values,
    totalWeight,
    weightedX,
  };
}
