import { describe, expect, it } from 'vitest';
import { splitCalibrationHoldout, summarizeHistories } from 'relmark/clv';

describe('summarizeHistories', () => {
  it('merges purchases of one UTC day, counts repeat occasions and measures weeks', () => {
    const histories = summarizeHistories(
      [
        { customerId: 'c', at: '2024-03-04T23:30:00Z', amount: 8 },
        { customerId: 'c', at: '2024-03-04T01:00:00Z', amount: 2 },
        { customerId: 'c', at: '2024-03-18', amount: 14 },
        { customerId: 'c', at: '2024-03-25', amount: 16 },
      ],
      { asOf: '2024-04-01' },
    );
    expect(histories).toEqual([{ customerId: 'c', x: 2, tx: 3, T: 4, monetaryMean: 15 }]);
  });

  it("with period 'instant' merges only identical instants and measures exact times", () => {
    const [h] = summarizeHistories(
      [
        { customerId: 1, at: '2024-03-04T00:00:00Z', amount: 1 },
        { customerId: 1, at: '2024-03-04T12:00:00Z', amount: 3 },
      ],
      { asOf: '2024-03-05T00:00:00Z', timeUnit: 'day', period: 'instant' },
    );
    expect(h).toEqual({ customerId: '1', x: 1, tx: 0.5, T: 1, monetaryMean: 3 });
  });

  it('nets refunds against the purchase they return, without changing the count', () => {
    const [h] = summarizeHistories(
      [
        { id: 'p1', customerId: 'a', at: '2024-01-01', amount: 10 },
        { id: 'p2', customerId: 'a', at: '2024-01-08', amount: 30 },
        { id: 'r1', customerId: 'a', at: '2024-01-10', amount: 12, kind: 'refund', refundOf: 'p2' },
        { id: 'p3', customerId: 'a', at: '2024-01-15', amount: 6 },
        { id: 'r2', customerId: 'a', at: '2024-01-16', amount: 6, kind: 'refund', refundOf: 'p3' },
      ],
      { asOf: '2024-01-22' },
    );
    expect(h).toEqual({ customerId: 'a', x: 2, tx: 2, T: 3, monetaryMean: 9 });
  });

  it.each([
    ['no transactions', [], []],
    ['one purchase at asOf', [{ customerId: 'z', at: '2024-01-01', amount: 0 }], [{ customerId: 'z', x: 0, tx: 0, T: 0, monetaryMean: 0 }]],
  ])('handles %s', (_, input, expected) => {
    expect(summarizeHistories(input, { asOf: '2024-01-01' })).toEqual(expected);
  });

  it('orders customers by id in code-unit order and is invariant to input order', () => {
    const rows = [
      { customerId: 'b', at: '2024-01-01', amount: 1 },
      { customerId: 'B', at: '2024-01-02', amount: 1 },
      { customerId: 'a', at: '2024-01-03', amount: 1 },
    ];
    const ids = summarizeHistories(rows, { asOf: '2024-02-01' }).map((h) => h.customerId);
    expect(ids).toEqual(['B', 'a', 'b']);
    expect(summarizeHistories([...rows].reverse(), { asOf: '2024-02-01' })).toEqual(summarizeHistories(rows, { asOf: '2024-02-01' }));
  });

  it('lists every transaction after asOf as future_date', () => {
    expect(() =>
      summarizeHistories(
        [
          { customerId: 'a', at: '2024-01-01', amount: 1 },
          { customerId: 'a', at: '2024-03-01', amount: 1 },
          { customerId: 'b', at: '2024-02-02', amount: 1 },
        ],
        { asOf: '2024-02-01' },
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [RelmarkError: summarizeHistories: invalid transactions (2 issues)
      ✖ Transaction at 2024-03-01T00:00:00.000Z is after asOf 2024-02-01T00:00:00.000Z
        → at transactions[1].at
      ✖ Transaction at 2024-02-02T00:00:00.000Z is after asOf 2024-02-01T00:00:00.000Z
        → at transactions[2].at]
    `);
  });

  it('lists every invalid transaction with its path, and duplicates with duplicate_id', () => {
    expect(() =>
      summarizeHistories(
        [
          { customerId: 'a', at: '2024-01-01', amount: Number.NaN },
          { customerId: '', at: 'yesterday', amount: 1 },
        ] as never,
        { asOf: '2024-02-01' },
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path: ['transactions', 0, 'amount'] })]) }));
    expect(() =>
      summarizeHistories(
        [
          { id: 't', customerId: 'a', at: '2024-01-01', amount: 1 },
          { id: 't', customerId: 'a', at: '2024-01-02', amount: 1 },
        ],
        { asOf: '2024-02-01' },
      ),
    ).toThrow(expect.objectContaining({ code: 'duplicate_id', issues: [expect.objectContaining({ path: ['transactions', 1] })] }));
  });

  it('requires asOf', () => {
    expect(() => summarizeHistories([], {} as never)).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['asOf'] })] }));
  });

  it('does not mutate its input', () => {
    const rows = Object.freeze([Object.freeze({ customerId: 'a', at: '2024-01-01', amount: 1 })]);
    summarizeHistories(rows, { asOf: '2024-02-01' });
    expect(rows).toEqual([{ customerId: 'a', at: '2024-01-01', amount: 1 }]);
  });
});

describe('splitCalibrationHoldout', () => {
  it('lists customers first seen in the holdout instead of dropping them silently', () => {
    const split = splitCalibrationHoldout(
      [
        { customerId: 'old', at: '2024-01-01', amount: 5 },
        { customerId: 'new', at: '2024-02-05', amount: 5 },
      ],
      { calibrationEnd: '2024-01-29', holdoutEnd: '2024-02-26' },
    );
    expect(split).toEqual({
      calibration: [{ customerId: 'old', x: 0, tx: 0, T: 4, monetaryMean: 0 }],
      holdout: [{ customerId: 'old', purchases: 0, monetaryMean: 0, duration: 4 }],
      newInHoldout: ['new'],
    });
  });

  it('rejects a holdout end that is not after the calibration end', () => {
    expect(() => splitCalibrationHoldout([], { calibrationEnd: '2024-02-01', holdoutEnd: '2024-01-01' })).toThrow(
      expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['holdoutEnd'] })] }),
    );
  });
});
