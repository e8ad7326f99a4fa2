import { basename, join } from 'node:path';
import { RelmarkError } from '../errors/RelmarkError.js';
import { formatPath } from '../errors/formatIssues.js';
import { msPerDay, msPerUnit } from '../internal/time.js';
import { htmlReport, type CustomerRow, type HoldoutRun } from './htmlReport.js';
import { splitCalibrationHoldout } from '../clv/splitCalibrationHoldout.js';
import { holdoutValidation } from '../clv/validation/holdoutValidation.js';
import { trackRepeatPurchases } from '../clv/validation/trackRepeatPurchases.js';
import type { Transaction } from '../models/transaction.js';
import { analyzeClv, analyzeRfm, type ClvAnalysis, modelLabels, type RfmAnalysis, valueAtRisk } from './analyze.js';
import type { Settings } from './commandLine.js';
import { readInput, type InputInfo } from './readInput.js';
import { createProgress } from './progress.js';
import { createInputSummarizer, type InputSummarizer, type InputSummary } from './summarizeInput.js';
import type { TransactionMapping } from '../io/index.js';
import { formatTable } from './formatTable.js';
import { UsageError } from './usageError.js';
import { createRejectedSink, writeJson, writeTable, writeText } from './writeOutputs.js';

/** Where a command writes: stdout for results, stderr for progress and notes. */
export interface Streams {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Finds the date of the last valid transaction with a first pass over the file. */
async function lastTransactionDate(settings: Settings, streams: Streams): Promise<Date | undefined> {
  let last = Number.NEGATIVE_INFINITY;
  const progress = createProgress(streams.stderr, 'finding the last date', !settings.quiet);
  await readInput({
    file: settings.file,
    columns: settings.columns,
    delimiter: settings.delimiter,
    onProgress: (done, total) => progress.update(done, total),
    onValid: (valid) => {
      for (const t of valid) last = Math.max(last, t.at.getTime());
    },
    onRejected: () => {},
  });
  progress.done();
  return Number.isFinite(last) ? new Date(last) : undefined;
}

/** Runs one command; throws RelmarkError for bad data or a model that did not converge. */
export async function runCommand(settings: Settings, streams: Streams): Promise<void> {
  const say = (line = '') => streams.stdout.write(`${line}\n`);
  const notes: string[] = [];

  let asOf = settings.asOf;
  if (asOf === undefined) {
    const last = await lastTransactionDate(settings, streams);
    if (last === undefined) throw new RelmarkError('empty_input', 'no valid transaction in the file', { issues: [{ code: 'no_valid_rows', path: [], message: `${settings.file} has no valid transaction` }] });
    // The start of the UTC day after the last transaction: every transaction is observed.
    asOf = new Date((Math.floor(last.getTime() / msPerDay) + 1) * msPerDay);
    notes.push(`as of ${day(asOf)} (default: the day after the last transaction, ${day(last)}; set it with --as-of)`);
  } else {
    notes.push(`as of ${day(asOf)}`);
  }

  const holdoutFrom = settings.holdoutFrom;
  if (holdoutFrom !== undefined && holdoutFrom.getTime() >= asOf.getTime()) {
    throw new UsageError(`--holdout-from (${holdoutFrom.toISOString()}) must be before --as-of (${asOf.toISOString()}, the default: the day after the last transaction)`);
  }

  const rejectedPath = settings.rejectedFile ?? (settings.out !== undefined ? join(settings.out, 'rejected.csv') : 'relmark-rejected.csv');
  const rejected = createRejectedSink(rejectedPath);
  let summarizer: InputSummarizer | undefined;
  const summarizerFor = (mapping: TransactionMapping) =>
    (summarizer ??= createInputSummarizer({ asOf, timeUnit: settings.timeUnit, keepIds: mapping.refundOf !== undefined }));
  // trackRepeatPurchases needs the transactions themselves: a holdout run holds them in memory.
  const kept: Transaction[] | undefined = holdoutFrom === undefined ? undefined : [];
  const progress = createProgress(streams.stderr, 'reading', !settings.quiet);
  let info: InputInfo;
  try {
    info = await readInput({
      file: settings.file,
      columns: settings.columns,
      delimiter: settings.delimiter,
      onProgress: (done, total) => progress.update(done, total),
      onValid: (valid, mapping) => {
        summarizerFor(mapping).add(valid);
        if (kept) keep(kept, valid, asOf.getTime(), mapping.refundOf !== undefined);
      },
      onRejected: (row) => rejected.add(row),
    });
  } finally {
    progress.done();
    rejected.close();
  }
  const summary = summarizerFor(info.mapping).finish();

  const source = settings.file === '-' ? 'stdin' : settings.file;
  const mapping = (['id', 'customerId', 'at', 'amount', 'currency', 'kind', 'refundOf'] as const)
    .filter((f) => info.mapping[f] !== undefined)
    .map((f) => `${f}=${info.mapping[f]}`)
    .join(',');
  notes.push(`${info.records.toLocaleString('en-US')} rows read (columns ${mapping}), ${info.valid.toLocaleString('en-US')} valid, ${info.rejected.toLocaleString('en-US')} rejected`);
  if (summary.afterAsOf > 0) notes.push(`${summary.afterAsOf.toLocaleString('en-US')} valid transactions after the as-of date were left out`);
  say(`relmark ${settings.command} ${source}`);
  for (const note of notes) say(`  ${note}`);
  if (rejected.count > 0) {
    say(`  ${rejected.count.toLocaleString('en-US')} rejected rows, every reason written to ${rejectedPath}`);
    for (const row of rejected.samples) {
      const issue = row.issues[0];
      if (issue) say(`    line ${row.line ?? '?'}: ${issue.message}${issue.path.length > 2 ? ` (${formatPath(issue.path.slice(2))})` : ''}`);
    }
    if (rejected.count > rejected.samples.length) say(`    … and ${(rejected.count - rejected.samples.length).toLocaleString('en-US')} more`);
  }
  if (summary.histories.length === 0) {
    throw new RelmarkError('empty_input', 'no valid transaction to analyse', {
      issues: [{ code: 'no_valid_rows', path: [], message: `${source} has no valid transaction on or before ${day(asOf)}` }],
    });
  }
  if (settings.strict && rejected.count > 0) {
    throw new RelmarkError('invalid_input', `${rejected.count} rows rejected (--strict)`, { issues: rejected.samples.flatMap((r) => r.issues).slice(0, 5) });
  }

  const rfm = settings.command === 'clv' ? undefined : analyzeRfm(summary.rfm);
  const clvSettings = { model: settings.model, timeUnit: settings.timeUnit, horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate, margin: settings.margin };
  let clv: ClvAnalysis | undefined;
  let holdout: HoldoutRun | undefined;
  if (holdoutFrom !== undefined && kept !== undefined) {
    // The library's calibrationEnd is inclusive: calibration is every transaction before --holdout-from.
    const calibrationEnd = new Date(holdoutFrom.getTime() - 1);
    const split = splitCalibrationHoldout(kept, { calibrationEnd, holdoutEnd: asOf, timeUnit: settings.timeUnit });
    if (split.calibration.length === 0) {
      throw new RelmarkError('empty_input', 'no transaction before --holdout-from', { issues: [{ code: 'no_valid_rows', path: [], message: `${source} has no valid transaction before ${holdoutFrom.toISOString()}` }] });
    }
    clv = analyzeClv(summary.histories, clvSettings, split.calibration);
    const validation = holdoutValidation(clv.purchases, split);
    // Weekly periods, whatever the time unit of the fit.
    const tracking = trackRepeatPurchases(clv.purchases, kept, { calibrationEnd, holdoutEnd: asOf, step: msPerUnit.week / msPerUnit[settings.timeUnit] });
    holdout = { holdoutFrom, calibrationEnd, duration: split.holdout[0]?.duration ?? 0, newInHoldout: split.newInHoldout.length, validation, tracking };
  } else if (settings.command !== 'rfm') {
    clv = analyzeClv(summary.histories, clvSettings);
  }

  const rows = customerRows(summary, rfm, clv);
  if (rfm) printSegments(say, rfm);
  if (clv && settings.command !== 'contacts') printFit(say, clv, settings, holdout);
  if (holdout) printHoldout(say, holdout, asOf, settings);
  if (clv && settings.command !== 'contacts' && settings.top > 0) {
    say();
    say(`Top ${Math.min(settings.top, rows.length)} customers by ${settings.horizonMonths}-month CLV (${100 * settings.monthlyDiscountRate}% monthly discount)`);
    const best = rows.toSorted((p, q) => (q.clv as number) - (p.clv as number) || (p.customerId < q.customerId ? -1 : 1)).slice(0, settings.top);
    say(formatTable(['customer', 'segment', 'P(alive)', 'E[purchases]', 'CLV'], best.map((r) => [r.customerId, String(r.segment ?? ''), fixed(r.probabilityAlive as number, 3), fixed(r.expectedPurchases as number, 2), fixed(r.clv as number, 2)]), [false, false, true, true, true]));
  }
  let contactRows: Record<string, unknown>[] = [];
  if (settings.command === 'contacts' && clv) {
    contactRows = rows
      .map((r) => ({ customerId: r.customerId, segment: r.segment, action: r.action, probabilityAlive: r.probabilityAlive, clv: r.clv, valueAtRisk: valueAtRisk({ clv: r.clv as number, probabilityAlive: r.probabilityAlive as number }) }))
      .sort((p, q) => q.valueAtRisk - p.valueAtRisk || (p.customerId < q.customerId ? -1 : 1));
    say();
    say(`Whom to contact next: top ${Math.min(settings.top, contactRows.length)} by value at risk (CLV if still active × P(already gone))`);
    say(formatTable(['customer', 'segment', 'P(alive)', 'CLV', 'value at risk', 'suggested action'], contactRows.slice(0, settings.top).map((r) => [String(r.customerId), String(r.segment ?? ''), fixed(r.probabilityAlive as number, 3), fixed(r.clv as number, 2), fixed(r.valueAtRisk as number, 2), String(r.action ?? '')]), [false, false, true, true, true, false]));
  }

  if (settings.out !== undefined) {
    const written: string[] = [];
    const name = settings.command === 'report' ? 'customers' : settings.command;
    const table = settings.command === 'contacts' ? contactRows : rows.map(({ action: _action, ...rest }) => rest);
    const columns = settings.command === 'contacts' ? ['customerId', 'segment', 'action', 'probabilityAlive', 'clv', 'valueAtRisk'] : Object.keys(table[0] ?? {});
    written.push(...writeTable(settings.out, name, table, settings.formats, columns));
    if (clv) {
      const fitPath = join(settings.out, 'fit.json');
      writeJson(fitPath, {
        asOf: asOf.toISOString(),
        source: basename(source),
        transactionModel: clv.purchases,
        spendModel: clv.spend,
        repeatPurchases: clv.repeatPurchases,
        chiSquare: clv.chiSquare,
        ...(holdout
          ? {
              holdout: {
                from: holdout.holdoutFrom.toISOString(),
                calibrationEnd: holdout.calibrationEnd.toISOString(),
                holdoutEnd: asOf.toISOString(),
                duration: holdout.duration,
                newInHoldout: holdout.newInHoldout,
                totals: holdout.validation.totals,
                byFrequency: holdout.validation.byFrequency,
                tracking: holdout.tracking.periods,
              },
            }
          : {}),
      });
      written.push(fitPath);
    }
    say();
    say(`Wrote ${written.join(', ')}`);
  }
  if (settings.html !== undefined) {
    writeText(settings.html, htmlReport(asOf, basename(source), notes.filter((note) => note !== `as of ${day(asOf)}`), rfm, clv, rows, settings, holdout));
    if (settings.out === undefined) say();
    say(`Wrote ${settings.html}`);
  }
}

/** Keeps the valid transactions up to `asOf` (ids only when refunds need them, as the summarizer does). */
function keep(kept: Transaction[], valid: readonly Transaction[], asOf: number, keepIds: boolean): void {
  for (const t of valid) {
    if (t.at.getTime() > asOf) continue;
    if (keepIds) kept.push(t);
    else {
      const { id: _id, ...rest } = t;
      kept.push(rest as Transaction);
    }
  }
}

/** One row per customer: RFM (when computed) and value (when computed), ordered by customer id. */
function customerRows(summary: InputSummary, rfm: RfmAnalysis | undefined, clv: ClvAnalysis | undefined): CustomerRow[] {
  const rfmOf = new Map(summary.rfm.map((s) => [s.customerId, s]));
  const segmentOf = new Map(rfm?.assignments.map((a) => [a.customerId, a]));
  const actionOf = new Map(rfm?.segments.map((s) => [s.segment, s.action]));
  const valueOf = new Map(clv?.values.map((v) => [v.customerId, v]));
  return summary.histories.map((h) => {
    const s = rfmOf.get(h.customerId);
    const a = segmentOf.get(h.customerId);
    const v = valueOf.get(h.customerId);
    return {
      customerId: h.customerId,
      ...(a ? { segment: a.segment, action: actionOf.get(a.segment) ?? '', r: a.r, f: a.f, m: a.m, rfmCode: a.code } : {}),
      ...(rfm && s ? { recencyDays: s.recency, frequency: s.frequency, monetary: s.monetary } : {}),
      ...(clv ? { x: h.x, tx: h.tx, T: h.T } : {}),
      ...(v ? { probabilityAlive: v.probabilityAlive, expectedPurchases: v.expectedPurchases, expectedSpend: v.expectedSpend, clv: v.clv } : {}),
    };
  });
}

function printSegments(say: (line?: string) => void, rfm: RfmAnalysis): void {
  const customers = rfm.segments.reduce((n, s) => n + s.customers, 0);
  say();
  say(`RFM segments of ${customers.toLocaleString('en-US')} customers`);
  const share = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
  say(formatTable(['segment', 'customers', 'revenue share', 'suggested action'], rfm.segments.map((s) => [s.segment, s.customers.toLocaleString('en-US'), share(s.revenueShare), s.action]), [false, true, true, false]));
}

function printFit(say: (line?: string) => void, clv: ClvAnalysis, settings: Settings, holdout: HoldoutRun | undefined): void {
  const p: Readonly<Record<string, number>> = clv.purchases.params;
  const se: Readonly<Record<string, number>> = clv.purchases.standardErrors;
  const on = holdout ? `; fitted on the transactions before ${day(holdout.holdoutFrom)}` : '';
  say();
  say(`${modelLabels[clv.purchases.model]} on ${clv.purchases.customers.toLocaleString('en-US')} customers (time unit: ${settings.timeUnit}${on}), log-likelihood ${clv.purchases.logLikelihood.toFixed(3)}, ${clv.purchases.diagnostics.method} in ${clv.purchases.diagnostics.iterations} iterations`);
  say(formatTable(['parameter', 'estimate', 'std. error'], Object.keys(p).map((k) => [k, (p[k] as number).toPrecision(6), (se[k] as number).toPrecision(3)]), [false, true, true]));
  const g = clv.spend.params;
  say(`Gamma-Gamma on ${clv.spend.customers.toLocaleString('en-US')} repeat buyers (${clv.spend.excluded.length.toLocaleString('en-US')} customers left out: no repeat purchase or no spend; listed in fit.json with --out): p ${g.p.toPrecision(4)}, q ${g.q.toPrecision(4)}, v ${g.v.toPrecision(4)}`);
  say();
  say(`Calibration check${holdout ? ' (calibration period)' : ''}: customers by number of repeat purchases, actual vs model (chi-square ${clv.chiSquare.toFixed(1)})`);
  say(formatTable(['repeat purchases', 'actual', 'model'], clv.repeatPurchases.map((r) => [r.label, r.actual.toLocaleString('en-US'), r.expected.toFixed(1)]), [false, true, true]));
}

function printHoldout(say: (line?: string) => void, holdout: HoldoutRun, asOf: Date, settings: Settings): void {
  const t = holdout.validation.totals;
  say();
  say(
    `Holdout check: repeat purchases from ${day(holdout.holdoutFrom)} to ${day(asOf)} (${holdout.duration.toFixed(2)} ${settings.timeUnit}s) of the ${t.customers.toLocaleString('en-US')} customers who bought before ${day(holdout.holdoutFrom)}` +
      `${holdout.newInHoldout > 0 ? ` (${holdout.newInHoldout.toLocaleString('en-US')} customers first seen in the holdout are not counted)` : ''}`,
  );
  say(
    formatTable(
      ['actual', 'expected', 'MAE', 'RMSE', 'bias'],
      [[t.actual.toLocaleString('en-US'), t.expected.toFixed(1), t.mae.toFixed(4), t.rmse.toFixed(4), t.bias.toFixed(4)]],
      [true, true, true, true, true],
    ),
  );
  say('  MAE, RMSE and bias are per customer (bias = mean of expected − actual; negative: the model under-predicts)');
}
