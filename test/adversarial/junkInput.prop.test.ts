// For every public function that takes data (the case tables in test/adversarial/cases, one per
// area's index.ts), hostile input — anything at all, extreme numbers, sparse arrays, prototype-key
// ids, mutations of a valid call — gives a result or a RelmarkError: never another error, and never a
// result holding NaN or ±Infinity. scripts/adversarial-sweep.ts runs the same cases at scale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCases } from './cases/index.js';
import { hostileArguments } from './hostile.js';
import { runCase } from './run.js';

// Cases that this law skips, with the reason (none: every area is hardened).
const pending = new Map<string, string>();

describe('junk input gives a result or a RelmarkError, never another error or a non-finite number', () => {
  it('covers every area', () => {
    expect(new Set(allCases.map((c) => c.area))).toEqual(new Set(['errors', 'models', 'io', 'rfm', 'channels', 'contact', 'rewards', 'summaries', 'report', 'sql', 'clv', 'recommend', 'cohorts']));
  });

  for (const sweepCase of allCases) {
    const id = `${sweepCase.area}/${sweepCase.name}`;
    it.skipIf(pending.has(id))(`${id}${pending.has(id) ? ` (skipped: ${pending.get(id)})` : ''}`, async () => {
      expect((await runCase(sweepCase, sweepCase.args())).kind, 'the valid call itself').toBe('ok');
      await fc.assert(
        fc.asyncProperty(hostileArguments(sweepCase.args), async (args) => {
          const outcome = await runCase(sweepCase, args);
          expect(['ok', 'relmark_error'], `${outcome.kind}: ${outcome.detail ?? ''}`).toContain(outcome.kind);
        }),
        { numRuns: 40 },
      );
    });
  }
});
