import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cohortTable, type CohortPeriod } from 'relmark/cohorts';
import { createCohortAccumulator } from 'relmark/summaries';
import { cohortLogArbitrary } from '../../test/helpers/cohortLog.js';

describe('createCohortAccumulator laws', () => {
  test.prop([cohortLogArbitrary(), fc.constantFrom<CohortPeriod>('week', 'month', 'quarter'), fc.constantFrom('UTC', 'Europe/Paris'), fc.infiniteStream(fc.integer({ min: 0, max: 3 }))])(
    'merging the partitions of a log, in any split, gives the table of their union',
    ({ transactions, asOf }, period, timeZone, parts) => {
      const options = { asOf, period, timeZone };
      const partitions: (typeof transactions)[] = [[], [], [], []];
      for (const t of transactions) partitions[parts.next().value as number]!.push(t);
      const frozen = structuredClone(partitions);
      const accumulators = partitions.map((rows) => {
        const acc = createCohortAccumulator(options);
        // Chunks of two rows: adding in chunks changes nothing either.
        for (let i = 0; i < rows.length; i += 2) acc.add(rows.slice(i, i + 2));
        return acc;
      });
      // ((p0 + p1) + (p2 + p3)): merging is associative in any grouping.
      accumulators[0]!.merge(accumulators[1]!);
      accumulators[2]!.merge(accumulators[3]!);
      accumulators[0]!.merge(accumulators[2]!);
      expect(accumulators[0]!.table()).toEqual(cohortTable(transactions, options));
      expect(accumulators[0]!.rows).toBe(transactions.length);
      expect(partitions).toEqual(frozen);
    },
  );
});
