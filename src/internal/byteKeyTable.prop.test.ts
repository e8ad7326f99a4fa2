import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteKeyTable } from './byteKeyTable.js';

/** A Map key for bytes: one UTF-16 code unit per byte. */
const keyOf = (bytes: Uint8Array) => String.fromCharCode(...bytes);

// Keys drawn from a pool, so that repeats are common; the pool holds the empty key, near-equal keys and long ones.
const pool = fc.uniqueArray(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 60, selector: keyOf });
const plan = pool.chain((keys) =>
  fc.record({
    keys: fc.constant(keys),
    order: fc.array(fc.nat({ max: keys.length - 1 }), { maxLength: 400 }),
    // Where each key sits inside a larger buffer, so that start/end offsets are exercised.
    pad: fc.nat({ max: 7 }),
    expected: fc.constantFrom(1, 4, 16, 1024),
  }),
);

describe('createByteKeyTable laws', () => {
  it('intern gives the indices a Map keyed by the string gives, find agrees, keyBytes round-trips, across growth', () => {
    fc.assert(
      fc.property(plan, fc.uint8Array({ maxLength: 40 }), ({ keys, order, pad, expected }, probe) => {
        const table = createByteKeyTable(expected);
        const model = new Map<string, number>();
        for (const k of order) {
          const key = keys[k] as Uint8Array;
          const framed = new Uint8Array(pad + key.length + pad).fill(0xa5);
          framed.set(key, pad);
          const before = table.find(framed, pad, pad + key.length);
          expect(before).toBe(model.get(keyOf(key)) ?? -1);
          const index = table.intern(framed, pad, pad + key.length);
          if (!model.has(keyOf(key))) model.set(keyOf(key), model.size);
          expect(index).toBe(model.get(keyOf(key)));
          expect(table.size).toBe(model.size);
        }
        // After all growth: every key is found at its index, and its bytes are the key's.
        for (const [text, index] of model) {
          const key = Uint8Array.from(text, (c) => c.charCodeAt(0));
          expect(table.find(key, 0, key.length)).toBe(index);
          expect(keyOf(table.keyBytes(index))).toBe(text);
        }
        // An arbitrary probe is found exactly when the model holds it.
        expect(table.find(probe, 0, probe.length)).toBe(model.get(keyOf(probe)) ?? -1);
      }),
    );
  });
});
