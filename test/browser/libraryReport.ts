import { readFileSync } from 'node:fs';
import {
  calibrationFrequencyCheck,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  holdoutValidation,
  splitCalibrationHoldout,
  summarizeHistories,
  trackRepeatPurchases,
} from 'relmark/clv';
import { safeParseWith, TransactionSchema, type TransactionInput } from 'relmark/models';
import type { HtmlReportInput } from 'relmark/report';
import { scoreRfm, segmentRfm, summarizeRfm, summarizeSegments } from 'relmark/rfm';
import { readCdnowMaster } from '../helpers/cdnowMaster.js';

/** Re-exported for the browser test, which reads CDNOW through this module. */
export { readCdnowMaster };

/** Test-only reader of examples/data/sample-transactions.csv (no quoted fields); its rows with an invalid field are left out, as the CLI rejects them. */
export function readSampleCsv(path: string): TransactionInput[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id, customerId, at, amount, kind, refundOf] = line.split(',') as [string, string, string, string, string, string | undefined];
      return { id, customerId, at, amount: Number(amount), kind: kind as 'purchase' | 'refund', ...(refundOf ? { refundOf } : {}) };
    })
    .filter((row) => safeParseWith(TransactionSchema, row).success);
}

const week = 7 * 86_400_000;

/**
 * A holdout run made with the library alone, as a user would in a script or notebook: RFM segments
 * on the whole period, BG/NBD fitted on the calibration period and checked on the holdout, CLV of
 * every customer with Gamma-Gamma, weekly tracking. Returns the input of renderHtmlReport.
 */
export function libraryHoldoutInput(transactions: readonly TransactionInput[], options: { asOf: string; holdoutFrom: string; source: string }): HtmlReportInput {
  const asOf = new Date(options.asOf);
  const holdoutFrom = new Date(options.holdoutFrom);
  const calibrationEnd = new Date(holdoutFrom.getTime() - 1);
  const { summaries } = summarizeRfm(transactions, { asOf });
  const assignments = segmentRfm(scoreRfm(summaries).scores);
  const segments = summarizeSegments(assignments, summaries).filter((s) => s.customers > 0);
  const histories = summarizeHistories(transactions, { asOf, timeUnit: 'week' });
  const split = splitCalibrationHoldout(transactions, { calibrationEnd, holdoutEnd: asOf, timeUnit: 'week' });
  const fit = fitBgNbd(split.calibration, { timeUnit: 'week' });
  const spend = fitGammaGamma(histories);
  const values = customerLifetimeValue(fit, spend, histories, { horizonMonths: 12, monthlyDiscountRate: 0.01 });
  const check = calibrationFrequencyCheck(fit, split.calibration, { maxFrequency: 6 });
  const validation = holdoutValidation(fit, split);
  const tracking = trackRepeatPurchases(fit, transactions, { calibrationEnd, holdoutEnd: asOf, step: 1 });
  const start = Date.parse(tracking.periods[0]?.start ?? options.holdoutFrom);

  const rfmOf = new Map(summaries.map((s) => [s.customerId, s]));
  const scoreOf = new Map(assignments.map((a) => [a.customerId, a]));
  const valueOf = new Map(values.map((v) => [v.customerId, v]));
  const t = validation.totals;
  return {
    title: `relmark report (library, holdout): ${options.source}`,
    asOf,
    source: options.source,
    timeUnit: 'week',
    horizon: '12 months',
    segments,
    customers: histories.map((h) => {
      const a = scoreOf.get(h.customerId);
      const v = valueOf.get(h.customerId);
      const s = rfmOf.get(h.customerId);
      return {
        customerId: h.customerId,
        ...(a ? { segment: a.segment, r: a.r, f: a.f } : {}),
        ...(s ? { monetary: s.monetary } : {}),
        x: h.x,
        tx: h.tx,
        T: h.T,
        ...(v ? { clv: v.clv, probabilityAlive: v.probabilityAlive, expectedPurchases: v.expectedPurchases } : {}),
      };
    }),
    fits: [
      { name: 'BG/NBD (purchases)', params: fit.params, standardErrors: fit.standardErrors, logLikelihood: fit.logLikelihood, customers: fit.customers, period: 'calibration' },
      { name: 'Gamma-Gamma (spend)', params: spend.params, standardErrors: spend.standardErrors, logLikelihood: spend.logLikelihood, customers: spend.customers, period: 'whole' },
    ],
    repeatPurchases: check.rows.map((row) => ({ label: `${row.frequency}${row.atLeast ? '+' : ''}`, actual: row.actual, expected: row.expected })),
    chiSquare: check.chiSquare,
    holdout: {
      from: holdoutFrom,
      to: asOf,
      duration: split.holdout[0]?.duration ?? 0,
      customers: t.customers,
      newInHoldout: split.newInHoldout.length,
      actual: t.actual,
      expected: t.expected,
      mae: t.mae,
      rmse: t.rmse,
      bias: t.bias,
      byFrequency: validation.byFrequency.map((row) => ({
        label: `${row.frequency}${row.atLeast ? '+' : ''}`,
        customers: row.customers,
        actual: Number.isFinite(row.actualMean) ? row.actualMean : null,
        expected: Number.isFinite(row.expectedMean) ? row.expectedMean : null,
      })),
    },
    tracking: tracking.periods.map((p) => ({ start: (Date.parse(p.start) - start) / week, period: (Date.parse(p.end) - start) / week, actual: p.actual, expected: p.expected })),
    calibrationEnd: (holdoutFrom.getTime() - start) / week,
  };
}
