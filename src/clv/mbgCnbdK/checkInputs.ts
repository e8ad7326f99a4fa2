/**
 * Type guards in front of the shared history and horizon checks, whose messages print the received
 * value: an object without a prototype cannot be printed, so a value that is not a number is
 * reported here, by its type, before they run.
 * @internal
 * @module
 */
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';

const typeName = (value: unknown) => (value === null ? 'null' : typeof value);

/** Throws `invalid_input` unless `history` is an object with numeric x, tx, T that pass the shared check. @internal */
export function checkHistory(history: unknown, where: string): asserts history is HistoryPoint {
  if (typeof history !== 'object' || history === null) {
    throw new RelmarkError('invalid_input', `${where}: invalid history`, { issues: [{ code: 'invalid_type', path: ['history'], message: `Expected a history { x, tx, T }, received ${typeName(history)}` }] });
  }
  const issues: RelmarkIssue[] = [];
  for (const field of ['x', 'tx', 'T'] as const) {
    const value = (history as Record<string, unknown>)[field];
    if (typeof value !== 'number') issues.push({ code: 'invalid_type', path: ['history', field], message: `Expected a number, received ${typeName(value)}` });
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid history`, { issues });
  checkHistoryPoint(history as HistoryPoint, where);
}

/** Throws `invalid_input` unless `value` is a finite number ≥ 0 (`name` in the path). @internal */
export function checkTime(value: unknown, where: string, name = 't'): asserts value is number {
  if (typeof value !== 'number') {
    throw new RelmarkError('invalid_input', `${where}: invalid ${name}`, { issues: [{ code: 'invalid_type', path: [name], message: `${name} must be a number, received ${typeName(value)}` }] });
  }
  checkHorizon(value, where, name);
}
