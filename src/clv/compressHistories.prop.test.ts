import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressHistories } from 'relmark/clv';

// A few values, with −0, NaN and near-equal doubles, so that duplicates and hash collisions are common.
const value = fc.constantFrom(0, -0, 1, 1 + Number.EPSILON, 2.5, 39, Number.NaN, 1e-300, 5e-324);
const rows = fc.array(fc.tuple(value, value, value, fc.integer({ min: 0, max: 5 })), { maxLength: 200 });

/** The obvious grouping by value (−0 as 0, NaN as NaN), in order of first appearance. */
function reference(data: readonly (readonly [number, number, number, number])[]) {
  const key = (v: number) => (Number.isNaN(v) ? 'NaN' : String(v + 0));
  const groups = new Map<string, { row: [number, number, number]; weight: number }>();
  for (const [x, tx, T, w] of data) {
    const k = `${key(x)}|${key(tx)}|${key(T)}`;
    const group = groups.get(k);
    if (group) group.weight += w;
    else groups.set(k, { row: [x, tx, T], weight: w });
  }
  return [...groups.values()];
}

describe('compressHistories laws', () => {
  it('equals grouping by value in first-appearance order, and conserves the total weight', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const columns = {
          x: Float64Array.from(data, (r) => r[0]),
          tx: Float64Array.from(data, (r) => r[1]),
          T: Float64Array.from(data, (r) => r[2]),
          weights: Float64Array.from(data, (r) => r[3]),
        };
        const compressed = compressHistories(columns);
        const expected = reference(data);
        expect(compressed.x.length).toBe(expected.length);
        expected.forEach(({ row, weight }, i) => {
          expect([compressed.x[i], compressed.tx[i], compressed.T[i]]).toEqual(row);
          expect(compressed.weights[i]).toBe(weight);
        });
        const total = (ws: Float64Array) => ws.reduce((s, w) => s + w, 0);
        expect(total(compressed.weights)).toBe(total(columns.weights));
      }),
    );
  });
});
