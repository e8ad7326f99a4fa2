import { describe, expect, it } from 'vitest';
import { compressHistories, toHistoryColumns } from 'relmark/clv';

describe('compressHistories', () => {
  it('keeps the first appearance order and sums existing weights', () => {
    const compressed = compressHistories({
      x: Float64Array.of(1, 0, 1, 0),
      tx: Float64Array.of(2, 0, 2, -0),
      T: Float64Array.of(5, 5, 5, 5),
      weights: Float64Array.of(2, 1, 3, 0.5),
    });
    expect({ x: Array.from(compressed.x), weights: Array.from(compressed.weights) }).toEqual({ x: [1, 0], weights: [5, 1.5] });
  });

  it('gives empty columns for empty input and does not mutate its input', () => {
    expect(compressHistories(toHistoryColumns([])).x.length).toBe(0);
    const columns = toHistoryColumns([{ x: 1, tx: 1, T: 2 }, { x: 1, tx: 1, T: 2 }]);
    const copy = structuredClone(columns);
    compressHistories(columns);
    expect(columns).toEqual(copy);
  });
});
