import { describe, expect, it } from 'vitest';
import { createCohortAccumulator } from 'relmark/summaries';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('createCohortAccumulator', () => {
  it('keeps a refund apart from its purchase as unattributed until the partitions merge', () => {
    const a = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
    const b = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
    a.add([{ id: 'p', customerId: 'ann', at: '2024-01-05', amount: 40 }]);
    b.add([{ id: 'r', customerId: 'ann', at: '2024-02-05', amount: 15, kind: 'refund', refundOf: 'p' }]);
    expect(b.table().unattributedRevenue).toBe(-15);
    expect(b.table().cohorts).toEqual([]);
    a.merge(b);
    const table = a.table({ groupBy: { ann: 'web' } });
    expect(table.unattributedRevenue).toBe(0);
    expect(table.cohorts[0]!.group).toBe('web');
    expect(table.cohorts[0]!.cells.map((c) => c.revenue)).toEqual([40, -15, 0]);
    expect([a.customers, a.rows, b.rows]).toEqual([1, 2, 1]);
  });

  it('rejects merging accumulators with other options, itself, or a foreign object', () => {
    const a = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
    const error = thrownRelmarkError(() => a.merge(createCohortAccumulator({ asOf: '2024-03-31', period: 'week', timeZone: 'Europe/Paris' })));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toEqual([
      ['other', 'period'],
      ['other', 'timeZone'],
    ]);
    expect(thrownRelmarkError(() => a.merge(a)).issues[0]!.code).toBe('same_accumulator');
    expect(thrownRelmarkError(() => a.merge({} as never)).issues[0]!.path).toEqual(['other']);
  });

  it('rejects invalid rows with their paths and options with theirs', () => {
    const a = createCohortAccumulator({ asOf: '2024-03-31', period: 'month' });
    expect(thrownRelmarkError(() => a.add([{ customerId: 'x', at: 'soon', amount: 1 }])).issues[0]!.path).toEqual(['transactions', 0, 'at']);
    expect(a.rows).toBe(0);
    expect(thrownRelmarkError(() => createCohortAccumulator({ asOf: '2024-03-31', period: 'year' as never })).issues[0]!.path).toEqual(['period']);
  });
});
