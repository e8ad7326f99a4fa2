import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { shardBounds, strideRowsOf } from './likelihoodPool.js';

describe('shardBounds', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 8 })])(
    'cuts the rows into `parts` contiguous shards covering every row, balanced in rows with x > 0 to within one',
    (xs, parts) => {
      const x = Float64Array.from(xs);
      const bounds = shardBounds(x, parts);
      expect(bounds.length).toBe(parts + 1);
      expect(bounds[0]).toBe(0);
      expect(bounds[parts]).toBe(x.length);
      for (let s = 0; s < parts; s++) expect(bounds[s]!).toBeLessThanOrEqual(bounds[s + 1]!);
      const positives = (from: number, to: number) => xs.slice(from, to).filter((v) => v > 0).length;
      const total = positives(0, x.length);
      for (let s = 0; s < parts; s++) {
        expect(Math.abs(positives(bounds[s]!, bounds[s + 1]!) - total / parts)).toBeLessThanOrEqual(1);
      }
    },
  );
});

describe('strideRowsOf', () => {
  test.prop([fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 17 })])(
    'the shards’ rows of the stride sample, joined in shard order, are exactly every stride-th row of the whole',
    (n, parts, stride) => {
      const x = Float64Array.from({ length: n }, (_, i) => i % 3);
      const columns = { x, tx: Float64Array.from(x, (_, i) => i), T: Float64Array.from(x, (_, i) => i + 0.5), weights: Float64Array.from(x, (_, i) => i + 1) };
      const bounds = shardBounds(x, parts);
      const joined: number[] = [];
      for (let s = 0; s < parts; s++) {
        const from = bounds[s]!;
        const to = bounds[s + 1]!;
        const shard = { x: x.slice(from, to), tx: columns.tx.slice(from, to), T: columns.T.slice(from, to), weights: columns.weights.slice(from, to) };
        const sample = strideRowsOf(shard, from, stride);
        expect(Array.from(sample.tx)).toEqual(Array.from(sample.weights, (w) => w - 1));
        joined.push(...sample.tx);
      }
      expect(joined).toEqual(Array.from({ length: Math.ceil(n / stride) }, (_, j) => j * stride));
    },
  );
});
