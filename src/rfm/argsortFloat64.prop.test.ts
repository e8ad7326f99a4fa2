import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { argsortFloat64 } from './argsortFloat64.js';

test.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0), { maxLength: 300 })])(
  'orders like a stable comparator sort',
  (values) => {
    const expected = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    expect(Array.from(argsortFloat64(Float64Array.from(values)))).toEqual(expected);
  },
);

test.prop([fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 100 })])('keeps ties in index order', (values) => {
  const order = Array.from(argsortFloat64(Float64Array.from(values)));
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] as number;
    const b = order[i] as number;
    expect(values[a]! < values[b]! || (values[a] === values[b] && a < b)).toBe(true);
  }
});
