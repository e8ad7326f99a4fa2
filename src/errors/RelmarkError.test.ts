import { describe, expect, it } from 'vitest';
import { isRelmarkError, RelmarkError } from './RelmarkError.js';

describe('RelmarkError', () => {
  it('keeps code, issues, details and cause', () => {
    const cause = new Error('inner');
    const error = new RelmarkError('not_converged', 'fitBgNbd: did not converge', {
      details: { iterations: 200 },
      cause,
    });
    expect(error.code).toBe('not_converged');
    expect(error.issues).toEqual([]);
    expect(error.details).toEqual({ iterations: 200 });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('RelmarkError');
    expect(error).toBeInstanceOf(Error);
  });

  it('lists every issue with its path in the message', () => {
    const error = new RelmarkError('invalid_input', 'scoreRfm: invalid input', {
      issues: [
        { code: 'invalid_type', path: ['summaries', 3, 'monetary'], message: 'Expected number, received string' },
        { code: 'duplicate_id', path: ['summaries', 19, 'customerId'], message: 'customer id "c-19" appears more than once' },
      ],
    });
    expect(error.message).toMatchInlineSnapshot(`
      "scoreRfm: invalid input (2 issues)
      ✖ Expected number, received string
        → at summaries[3].monetary
      ✖ customer id "c-19" appears more than once
        → at summaries[19].customerId"
    `);
  });

  it('is recognised across copies of the class through its registered brand', () => {
    const foreign = Object.defineProperty(new Error('from another copy'), Symbol.for('relmark.error'), { value: true });
    expect(foreign instanceof RelmarkError).toBe(true);
    expect(isRelmarkError(foreign)).toBe(true);
    expect(isRelmarkError(new Error('plain'))).toBe(false);
    expect(isRelmarkError(null)).toBe(false);
    expect(isRelmarkError('RelmarkError')).toBe(false);
  });

  it('serialises to plain JSON', () => {
    const error = new RelmarkError('future_date', 'summarizeRfm: event after asOf', {
      issues: [{ code: 'future_date', path: ['transactions', 0, 'at'], message: 'after asOf' }],
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RelmarkError',
      code: 'future_date',
      message: error.message,
      issues: [{ code: 'future_date', path: ['transactions', 0, 'at'], message: 'after asOf' }],
    });
  });
});
