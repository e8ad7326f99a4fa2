/**
 * Up-front checks for data that cannot identify a model (issue #17): the fitters throw
 * `degenerate_data` with a hint before any search instead of chasing a maximum that does not exist.
 * @internal
 * @module
 */
import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import type { HistoryColumns } from './historyColumns.js';

/** What every degenerate-data error suggests besides better data. @internal */
export const penalizerHint =
  'pass { penalizer: 0.01 } (an L2 penalty on the log-parameters) to fit these data on purpose, shrinking the parameters towards 1 on the rescaled axis';

/**
 * The `degenerate_data` error: one issue with its path, `details` { hint, evaluations: 0 }.
 * @internal
 */
export function degenerateDataError(where: string, issue: RelmarkIssue, hint: string): RelmarkError {
  return new RelmarkError('degenerate_data', `${where}: the data cannot identify the model (${issue.message}); ${hint}`, {
    issues: [issue],
    details: { hint, evaluations: 0 },
  });
}

/** The `penalizer` option shared by every fitter: finite, ≥ 0, default 0. @internal */
export const PenalizerSchema = z.number().nonnegative().optional();

/**
 * BG/NBD, MBG/NBD and Pareto/NBD: nobody made a repeat purchase (all x = 0: the purchase rate's
 * maximum lies at r/α → 0), or every customer has one and the same (x, tx, T) (one observation
 * cannot identify four parameters). Rows of weight 0 are ignored. O(n). Throws `degenerate_data`.
 * @internal
 */
export function checkTransactionHistoriesIdentify(columns: HistoryColumns, where: string): void {
  const n = columns.x.length;
  let first = -1;
  let anyRepeat = false;
  let distinct = false;
  for (let i = 0; i < n; i++) {
    if (columns.weights !== undefined && !((columns.weights[i] as number) > 0)) continue;
    if ((columns.x[i] as number) > 0) anyRepeat = true;
    if (first < 0) first = i;
    else if (!distinct && (columns.x[i] !== columns.x[first] || columns.tx[i] !== columns.tx[first] || columns.T[i] !== columns.T[first])) distinct = true;
    if (anyRepeat && distinct) return;
  }
  if (first < 0) return; // no customers: the caller throws empty_input
  if (!anyRepeat) {
    throw degenerateDataError(
      where,
      { code: 'no_repeat_purchases', path: ['x'], message: 'nobody made a repeat purchase (every x = 0), so the purchase rate has no maximum' },
      `collect customers with repeat purchases, or ${penalizerHint}`,
    );
  }
  throw degenerateDataError(
    where,
    { code: 'single_history', path: [], message: 'every customer has the same history (x, tx, T), and one history cannot identify four parameters' },
    `collect customers with different histories, or ${penalizerHint}`,
  );
}
