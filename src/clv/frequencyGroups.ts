/**
 * Grouping rows by repeat-purchase count x, shared by the likelihood kernels.
 * @internal
 * @module
 */

/**
 * The distinct x values of a data set and, per row, the index of its x: likelihood terms that depend
 * only on x (log-gamma, digamma) are computed once per distinct x instead of once per customer.
 * @internal
 */
export interface FrequencyGroups {
  /** Distinct x values, ascending. */
  readonly values: Float64Array;
  /** Sum of the weights of the rows with each x. */
  readonly weightSums: Float64Array;
  /** Per row, the index of its x in `values`. */
  readonly groupOf: Int32Array;
}

/** Groups rows by x (distinct values in ascending order). O(n + k log k). @internal */
export function groupByFrequency(x: ArrayLike<number>, weights: ArrayLike<number> | undefined): FrequencyGroups {
  const { values, indexOf } = distinctValues(x);
  const weightSums = new Float64Array(values.length);
  for (let i = 0; i < x.length; i++) {
    const g = indexOf[i] as number;
    weightSums[g] = (weightSums[g] as number) + (weights === undefined ? 1 : (weights[i] as number));
  }
  return { values, weightSums, groupOf: indexOf };
}

/** The distinct values of a column in ascending order and, per row, the index of its value. O(n + k log k). @internal */
export function distinctValues(column: ArrayLike<number>): { values: Float64Array; indexOf: Int32Array } {
  const firstIndex = new Map<number, number>();
  const order: number[] = [];
  const indexOf = new Int32Array(column.length);
  // Small non-negative integers (counts) are looked up in an array, and a run of equal values (a
  // cohort's common T) reuses the last lookup: both avoid a Map access per row on large data.
  const small = new Int32Array(1024).fill(-1);
  let lastValue = Number.NaN;
  let lastIndex = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (v === lastValue) {
      indexOf[i] = lastIndex;
      continue;
    }
    const isSmall = v >= 0 && v < 1024 && Number.isInteger(v) && !Object.is(v, -0);
    let k = isSmall ? (small[v] as number) : (firstIndex.get(v) ?? -1);
    if (k < 0) {
      k = order.length;
      if (isSmall) small[v] = k;
      else firstIndex.set(v, k);
      order.push(v);
    }
    indexOf[i] = k;
    lastValue = v;
    lastIndex = k;
  }
  // Renumber in ascending order of value, so that the result does not depend on row order (a pass
  // that is skipped when the values first appeared in ascending order already).
  if (order.every((v, k) => k === 0 || (order[k - 1] as number) < v)) return { values: Float64Array.from(order), indexOf };
  const ranks = order.map((_, k) => k).sort((p, q) => (order[p] as number) - (order[q] as number));
  const rankOf = new Int32Array(order.length);
  ranks.forEach((k, rank) => (rankOf[k] = rank));
  for (let i = 0; i < indexOf.length; i++) indexOf[i] = rankOf[indexOf[i] as number] as number;
  return { values: Float64Array.from(ranks, (k) => order[k] as number), indexOf };
}
