import { describe, expect, it } from 'vitest';
import { summarizeHistories } from 'relmark/clv';
import { accumulateCsvStream } from 'relmark/summaries';

const asOf = '2024-02-01';

describe('accumulateCsvStream', () => {
  it('links a refund to a purchase in a later batch and rejects a repeated id across batches, with global paths', async () => {
    const csv = [
      'id,customerId,at,amount,kind,refundOf',
      'r1,a,2024-01-10,4,refund,p1',
      'p0,a,2024-01-01,1,,',
      'p1,a,2024-01-05,10,,',
      'p0,b,2024-01-06,3,,',
      'x,b,2024-01-07',
      'p2,b,2024-03-01,3,,',
    ].join('\n');
    const { accumulator, rejected, records } = await accumulateCsvStream([csv.slice(0, 50), csv.slice(50)], { asOf, timeUnit: 'day', batchSize: 1 });
    expect(records).toBe(6);
    expect(rejected.map((r) => [r.line, r.issues.map((i) => [i.code, i.path])])).toEqual([
      [5, [['duplicate_id', ['rows', 3, 'id']]]],
      [6, [['column_count', ['rows', 4]]]],
      [7, [['future_date', ['rows', 5, 'at']]]],
    ]);
    expect(accumulator.histories()).toEqual(
      summarizeHistories(
        [
          { id: 'r1', customerId: 'a', at: '2024-01-10', amount: 4, kind: 'refund', refundOf: 'p1' },
          { id: 'p0', customerId: 'a', at: '2024-01-01', amount: 1 },
          { id: 'p1', customerId: 'a', at: '2024-01-05', amount: 10 },
        ],
        { asOf, timeUnit: 'day' },
      ),
    );
  });

  it('gives an empty accumulator for a header-only file', async () => {
    const { accumulator, rejected, records } = await accumulateCsvStream(['customerId,at,amount\n'], { asOf });
    expect([accumulator.histories(), rejected, records]).toEqual([[], [], 0]);
  });

  it.each([[0], [1.5]])('rejects batchSize %s with invalid_options', async (batchSize) => {
    await expect(accumulateCsvStream([''], { asOf, batchSize })).rejects.toMatchObject({ code: 'invalid_options', issues: [{ path: ['batchSize'] }] });
  });

  it('rejects a file without a header', async () => {
    await expect(accumulateCsvStream([''], { asOf })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
