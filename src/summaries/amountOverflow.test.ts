import { describe, expect, it } from 'vitest';
import { createSummaryAccumulator } from 'relmark/summaries';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const asOf = '2024-02-01';

describe('the summary accumulator never gives a non-finite total', () => {
  it('add throws amount_overflow naming the customer and the row (counted across chunks)', () => {
    const accumulator = createSummaryAccumulator({ asOf });
    accumulator.add([
      { customerId: 'ok', at: '2024-01-01', amount: 1 },
      { customerId: 'big', at: '2024-01-01', amount: 1e308 },
    ]);
    const error = thrownRelmarkError(() => accumulator.add([{ customerId: 'big', at: '2024-01-02', amount: 1e308 }]));
    expect([error.code, error.issues.map((i) => [i.code, i.path]), error.details]).toEqual([
      'invalid_input',
      [['amount_overflow', ['transactions', 2, 'amount']]],
      { customerIds: ['big'] },
    ]);
    expect(error.issues[0]?.message).toContain('"big"');
  });

  it('leaves the accumulator as it was when add throws, so the rest still summarises', () => {
    const accumulator = createSummaryAccumulator({ asOf });
    accumulator.add([{ customerId: 'big', at: '2024-01-01', amount: 1e308 }]);
    thrownRelmarkError(() =>
      accumulator.add([
        { customerId: 'ok', at: '2024-01-01', amount: 3 },
        { customerId: 'big', at: '2024-01-02', amount: 1e308 },
      ]),
    );
    expect(accumulator.rows).toBe(1);
    expect(accumulator.rfmSummaries().map((s) => [s.customerId, s.revenue])).toEqual([['big', 1e308]]);
  });

  it('merge throws amount_overflow when the merged total would overflow, and changes nothing', () => {
    const a = createSummaryAccumulator({ asOf });
    a.add([{ customerId: 'big', at: '2024-01-01', amount: 1e308 }]);
    const b = createSummaryAccumulator({ asOf });
    b.add([{ customerId: 'big', at: '2024-01-03', amount: 1e308 }]);
    const error = thrownRelmarkError(() => a.merge(b));
    expect([error.code, error.issues.map((i) => i.code), error.details]).toEqual(['invalid_input', ['amount_overflow'], { customerIds: ['big'] }]);
    expect(a.histories().map((h) => h.customerId)).toEqual(['big']);
    expect(a.rows).toBe(1);
  });

  it('addUnchecked throws it too', () => {
    const accumulator = createSummaryAccumulator({ asOf });
    const rows = [1, 2].map((d) => ({ customerId: 'big', at: new Date(Date.UTC(2024, 0, d)), amount: 1e308, kind: 'purchase' as const }));
    expect(thrownRelmarkError(() => accumulator.addUnchecked(rows)).issues.map((i) => i.path)).toEqual([['transactions', 1, 'amount']]);
  });

  it('totals up to Number.MAX_VALUE stay finite in histories and RFM summaries', () => {
    const accumulator = createSummaryAccumulator({ asOf });
    const half = Number.MAX_VALUE / 2;
    accumulator.add([
      { customerId: 'c', at: '2024-01-01', amount: half },
      { customerId: 'c', at: '2024-01-02', amount: half },
    ]);
    expect(accumulator.rfmSummaries({ monetary: 'mean' }).map((s) => [s.revenue, s.monetary])).toEqual([[Number.MAX_VALUE, half]]);
    expect(accumulator.histories().map((h) => h.monetaryMean)).toEqual([half]);
  });
});
