import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { transactionArbitrary, transactionBatchArbitrary } from '../testing/arbitraries.js';
import { CustomerSchema } from './customer.js';
import { InteractionSchema } from './interaction.js';
import { parseBatch, parseWith, safeParseWith } from './parse.js';
import { parseTransactions } from './parseTransactions.js';
import { PointsEntrySchema, TierProgramSchema } from './reward.js';
import { StakeholderSchema } from './stakeholder.js';
import { TransactionSchema } from './transaction.js';

const schemas = { CustomerSchema, StakeholderSchema, TransactionSchema, InteractionSchema, PointsEntrySchema, TierProgramSchema };

describe('parse laws', () => {
  it('parseBatch partitions its rows (sparse arrays included): valid + rejected = rows, indices disjoint and ordered', () => {
    const row = fc.oneof(transactionArbitrary(), fc.anything());
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 30 }), fc.sparseArray(row, { maxLength: 30 })), (rows) => {
        const { valid, validIndices, rejected } = parseTransactions(rows);
        expect(valid.length + rejected.length).toBe(rows.length);
        expect(validIndices.length).toBe(valid.length);
        const all = [...validIndices, ...rejected.map((r) => r.index)].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: rows.length }, (_, i) => i));
        expect(validIndices).toEqual([...validIndices].sort((a, b) => a - b));
        for (const r of rejected) {
          expect(r.issues.length).toBeGreaterThan(0);
          expect(r.input).toBe(rows[r.index]);
        }
      }),
    );
  });

  // The same law for every public data-taking function (not only the parsers) is in
  // test/adversarial/junkInput.prop.test.ts, on the case tables of scripts/adversarial-sweep.ts.
  it.each(Object.entries(schemas))('junk never makes %s parsing throw anything but RelmarkError', (_name, schema) => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true }), (junk) => {
        const result = safeParseWith(schema, junk);
        if (!result.success) expect(isRelmarkError(result.error)).toBe(true);
        try {
          parseWith(schema, junk);
        } catch (error) {
          expect(isRelmarkError(error)).toBe(true);
        }
        const batch = parseBatch(schema, [junk, junk]);
        expect(batch.valid.length + batch.rejected.length).toBe(2);
        if (Array.isArray(junk)) {
          const all = parseBatch(schema, junk);
          expect(all.valid.length + all.rejected.length).toBe(junk.length);
        }
      }),
    );
  });

  it('a valid transaction batch survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(transactionBatchArbitrary(), (rows) => {
        const first = parseTransactions(rows);
        expect(first.rejected).toEqual([]);
        const again = parseTransactions(JSON.parse(JSON.stringify(first.valid)) as unknown[]);
        expect(again.rejected).toEqual([]);
        expect(again.valid).toEqual(first.valid);
      }),
    );
  });

  it('parsing is invariant under the order of the rows (as a set of valid rows)', () => {
    fc.assert(
      fc.property(transactionBatchArbitrary({ maxLength: 8 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        const key = (t: { id?: string | undefined }) => t.id ?? '';
        const a = parseTransactions(rows).valid.map(key).sort();
        const b = parseTransactions(shuffled).valid.map(key).sort();
        expect(b).toEqual(a);
      }),
    );
  });
});
