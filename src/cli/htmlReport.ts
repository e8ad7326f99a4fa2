import { msPerUnit } from '../internal/time.js';
import { renderHtmlReport } from '../report/index.js';
import type { HoldoutValidation } from '../clv/validation/holdoutValidation.js';
import type { RepeatPurchaseTracking } from '../clv/validation/trackRepeatPurchases.js';
import { type ClvAnalysis, modelLabels, type RfmAnalysis } from './analyze.js';
import type { Settings } from './commandLine.js';

/** One output row per customer: RFM and value fields by name. */
export type CustomerRow = Record<string, unknown> & { customerId: string };

/** What a holdout run adds: the split, the holdout check and the tracking periods. */
export interface HoldoutRun {
  readonly holdoutFrom: Date;
  /** The last instant of calibration (inclusive), one millisecond before `holdoutFrom`. */
  readonly calibrationEnd: Date;
  /** The holdout length in the fit's time unit. */
  readonly duration: number;
  /** Customers whose first purchase is in the holdout: not in the cohort that is checked. */
  readonly newInHoldout: number;
  readonly validation: HoldoutValidation;
  readonly tracking: RepeatPurchaseTracking;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The self-contained HTML report of a run. */
export function htmlReport(asOf: Date, source: string, notes: readonly string[], rfm: RfmAnalysis | undefined, clv: ClvAnalysis | undefined, rows: readonly CustomerRow[], settings: Settings, holdout: HoldoutRun | undefined): string {
  const p = clv?.purchases;
  const g = clv?.spend;
  return renderHtmlReport({
    title: `relmark report: ${source}`,
    asOf,
    source,
    notes,
    timeUnit: settings.timeUnit,
    topCustomers: settings.top,
    ...(rfm ? { segments: rfm.segments } : {}),
    customers: rows.map((r) => ({
      customerId: r.customerId,
      ...(typeof r.segment === 'string' ? { segment: r.segment } : {}),
      ...(typeof r.r === 'number' ? { r: r.r } : {}),
      ...(typeof r.f === 'number' ? { f: r.f } : {}),
      ...(typeof r.x === 'number' ? { x: r.x, tx: r.tx as number, T: r.T as number } : {}),
      ...(typeof r.clv === 'number' ? { clv: r.clv, probabilityAlive: r.probabilityAlive as number, expectedPurchases: r.expectedPurchases as number } : {}),
    })),
    ...(p && g && clv
      ? {
          fits: [
            { name: `${modelLabels[p.model]} (purchases)`, params: p.params, standardErrors: p.standardErrors, logLikelihood: p.logLikelihood, customers: p.customers, note: `time unit ${p.timeUnit}; ${holdout ? `fitted on the transactions before ${day(holdout.holdoutFrom)}; ` : ''}${p.diagnostics.method}, ${p.diagnostics.iterations} iterations` },
            { name: 'Gamma-Gamma (spend)', params: g.params, standardErrors: g.standardErrors, logLikelihood: g.logLikelihood, customers: g.customers, note: `${g.excluded.length} customers left out (no repeat purchase or no spend)` },
          ],
          repeatPurchases: clv.repeatPurchases,
        }
      : {}),
    ...(holdout ? trackingSeries(holdout, settings) : {}),
  });
}

/** The tracking periods as the report's series: x is the end of each period in the time unit since the cohort's first purchase. */
function trackingSeries(holdout: HoldoutRun, settings: Settings): { tracking: { period: number; actual: number; expected: number }[]; calibrationEnd: number } {
  const periods = holdout.tracking.periods;
  const start = Date.parse(periods[0]?.start ?? holdout.holdoutFrom.toISOString());
  const unit = msPerUnit[settings.timeUnit];
  return {
    tracking: periods.map((p) => ({ period: (Date.parse(p.end) - start) / unit, actual: p.actual, expected: p.expected })),
    calibrationEnd: (holdout.holdoutFrom.getTime() - start) / unit,
  };
}
