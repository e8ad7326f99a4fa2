import { basename, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { isRelmarkError, RelmarkError } from '../errors/RelmarkError.js';
import { formatPath } from '../errors/formatIssues.js';
import { msPerDay, msPerUnit } from '../internal/time.js';
import { splitCalibrationHoldout } from '../clv/splitCalibrationHoldout.js';
import { holdoutValidation } from '../clv/diagnostics/holdoutValidation.js';
import { trackRepeatPurchases } from '../clv/diagnostics/trackRepeatPurchases.js';
import { toHistoryColumns } from '../clv/historyColumns.js';
import type { TransactionColumnBatch } from '../io/index.js';
import type { TransactionInput } from '../models/transaction.js';
import type { ReportChartData } from '../report/index.js';
import { createCustomerTotals } from '../summaries/customerTotals.js';
import { analyzeClv, type ClvAnalysis, modelLabels, valueAtRisk } from './analyze.js';
import type { Settings } from './commandLine.js';
import { analyzeRfmColumns, orderByCustomerId, type CustomerColumns, type RfmColumnsAnalysis } from './customerColumns.js';
import { customerTableColumns, writeColumnTable } from './customerTable.js';
import { formatTable } from './formatTable.js';
import { htmlReport, reportCharts, reportColumns, type HoldoutRun } from './htmlReport.js';
import { planOrderLineOffers } from './orderLineOffers.js';
import { runCohortsCommand } from './cohortsCommand.js';
import { readCommandInput } from './readCommandInput.js';
import type { InputInfo } from './readInput.js';
import { terminalText } from './terminalText.js';
import { UsageError } from './usageError.js';
import { cellOf, type RejectedSink, writeJson, writeText } from './writeOutputs.js';

/** Where a command writes: stdout for results, stderr for progress and notes. */
export interface Streams {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
// Thousands separators without Intl: its first use costs tens of milliseconds of start-up.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The run's summary for programs (`--json`): one JSON document on stdout. */
interface RunSummary {
  command: string;
  source: string;
  asOf: string;
  asOfDefaulted: boolean;
  rows: { read: number; valid: number; rejected: number; afterAsOf: number };
  columns: Record<string, string>;
  customers: number;
  mergedIdSpellings: number;
  segments?: RfmColumnsAnalysis['segments'];
  fit?: unknown;
  fitError?: { code: string; message: string; details?: unknown };
  holdout?: unknown;
  topCustomers?: unknown[];
  contacts?: unknown[];
  offers?: unknown;
  written: string[];
}

/**
 * Runs one command in one streaming pass over the input: rows are validated once into columns,
 * summed per customer, and every result is computed on columns by the library's kernels. What does
 * not depend on a model (counts, rejected rows, RFM segments and their files) is printed and written
 * before the model is fitted, so a fit that fails (exit 3) loses nothing else.
 * Throws RelmarkError for bad data or a model that did not converge.
 */
export async function runCommand(settings: Settings, streams: Streams): Promise<void> {
  if (settings.command === 'cohorts') return runCohortsCommand(settings, streams);
  const human = settings.json ? streams.stderr : streams.stdout;
  // Every line a person reads goes through terminalText: ids and cells cannot inject escape sequences.
  const say = (text = '') => human.write(`${text.split('\n').map(terminalText).join('\n')}\n`);
  const notes: string[] = [];
  const written: string[] = [];
  const holdoutFrom = settings.holdoutFrom;
  const needsHistories = settings.command !== 'rfm';

  // The reader's dictionary, once reading starts: errors of the totals name customers by their id.
  let dictionary: readonly string[] = [];
  const totals = createCustomerTotals({ occasions: needsHistories, ...(settings.asOf ? { asOf: settings.asOf.getTime() } : {}), nameOf: (c) => dictionary[c] ?? `#${c}` });
  // A holdout run tracks purchases week by week, so it keeps each purchase (customer and instant).
  const kept = holdoutFrom === undefined ? undefined : { customer: [] as Int32Array[], at: [] as Float64Array[] };
  const heapLimit = getHeapStatistics().heap_size_limit;
  const onBatch = (batch: TransactionColumnBatch) => {
    totals.add(batch);
    if (kept) keepPurchases(kept, batch);
    guardMemory(heapLimit, totals.byteLength, 0);
  };
  const { info, rejected, rejectedPath } = await readCommandInput(settings, streams, {
    onBatch,
    onDictionary: (ids) => {
      dictionary = ids;
    },
  });
  if (rejectedPath !== undefined && rejected.count > 0) written.push(rejectedPath);

  // The default as-of date comes from the same pass: the start of the UTC day after the last transaction.
  const asOfDefaulted = settings.asOf === undefined;
  const last = info.lastAt;
  if (asOfDefaulted && !Number.isFinite(last)) {
    reportRows(say, info, rejected, rejectedPath);
    throw new RelmarkError('empty_input', 'no valid transaction in the file', { issues: [{ code: 'no_valid_rows', path: [], message: `${sourceName(settings)} has no valid transaction` }] });
  }
  const asOf = settings.asOf ?? new Date((Math.floor(last / msPerDay) + 1) * msPerDay);
  if (holdoutFrom !== undefined && holdoutFrom.getTime() >= asOf.getTime()) {
    throw new UsageError(`--holdout-from (${holdoutFrom.toISOString()}) must be before --as-of (${asOf.toISOString()}, the default: the day after the last transaction)`);
  }
  notes.push(asOfDefaulted ? `as of ${day(asOf)} (default: the day after the last transaction, ${day(new Date(last))}; set it with --as-of)` : `as of ${day(asOf)}`);

  // Ordering and analysing the customers needs about 150 bytes of heap each (the sort, its index and the outputs).
  guardMemory(heapLimit, totals.byteLength, info.customerIds.length * 150);
  // The unordered summaries are dropped as soon as they are ordered (and finish frees the totals' state).
  const customers = orderByCustomerId(totals.finish(asOf.getTime(), settings.timeUnit, { litt: settings.model === 'mbg-cnbd-k' }), info.customerIds);
  const mapping = Object.fromEntries((['id', 'customerId', 'at', 'amount', 'currency', 'kind', 'refundOf'] as const).filter((f) => info.mapping?.[f] !== undefined).map((f) => [f, info.mapping?.[f] as string]));
  notes.push(
    `${count(info.records)} rows read (${info.compressed ? 'gzip, ' : ''}${info.format === 'ndjson' ? 'JSON lines, ' : ''}columns ${Object.entries(mapping).map(([f, c]) => `${f}=${c}`).join(',')}), ${count(info.valid)} valid, ${count(info.rejected)} rejected`,
  );
  if (totals.future > 0) notes.push(`${count(totals.future)} valid transactions after the as-of date were left out`);
  if (info.mergedIdSpellings > 0) {
    const examples = info.mergedIdExamples.map((e) => `"${e.id}" from ${e.spellings.map((s) => JSON.stringify(s)).join(' and ')}`).join('; ');
    notes.push(`${count(info.mergedIdSpellings)} customer ids were written with and without surrounding blanks and merged after trimming (${examples})`);
  }
  const run: RunSummary = {
    command: settings.command,
    source: sourceName(settings),
    asOf: asOf.toISOString(),
    asOfDefaulted,
    rows: { read: info.records, valid: info.valid, rejected: info.rejected, afterAsOf: totals.future },
    columns: mapping,
    customers: customers.customerIds.length,
    mergedIdSpellings: info.mergedIdSpellings,
    written,
  };
  say(`relmark ${settings.command} ${run.source}`);
  for (const note of notes) say(`  ${note}`);
  reportRows(say, info, rejected, rejectedPath);
  const finishJson = () => {
    if (settings.json) streams.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  };

  if (customers.customerIds.length === 0) {
    finishJson();
    throw new RelmarkError('empty_input', 'no valid transaction to analyse', {
      issues: [{ code: 'no_valid_rows', path: [], message: `${run.source} has no valid transaction on or before ${day(asOf)}` }],
    });
  }
  if (settings.strict && rejected.count > 0) {
    finishJson();
    throw new RelmarkError('invalid_input', `${rejected.count} rows rejected (--strict)`, { issues: rejected.samples.flatMap((r) => r.issues).slice(0, 5) });
  }

  // Everything that needs no model first.
  const rfm = settings.command === 'clv' ? undefined : analyzeRfmColumns(customers);
  if (rfm) {
    printSegments(say, rfm);
    run.segments = rfm.segments;
  }
  const tableName = settings.command === 'report' ? 'customers' : settings.command;
  // The RFM table is written now when no model follows, and before the failure when the fit fails;
  // after a successful fit it is written once, with the values.
  const writeRfmTable = () => {
    if (settings.out !== undefined && settings.command !== 'contacts' && rfm) written.push(...writeColumnTable(settings.out, tableName, customerTableColumns(customers, rfm, undefined, false), settings.formats));
  };
  if (settings.command === 'rfm') writeRfmTable();

  let clv: ClvAnalysis | undefined;
  let holdout: HoldoutRun | undefined;
  if (settings.command !== 'rfm') {
    try {
      if (holdoutFrom !== undefined && kept !== undefined) {
        const h = holdoutRun(kept, info.customerIds, customers, settings, holdoutFrom, asOf);
        clv = h.clv;
        holdout = h.holdout;
      } else clv = analyzeClv(customers, clvSettings(settings));
    } catch (error) {
      if (isRelmarkError(error)) {
        run.fitError = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
        writeRfmTable();
        if (written.length > 0) say(`\nWrote ${written.join(', ')}`);
        finishJson();
      }
      throw error;
    }
  }

  if (clv && settings.command !== 'contacts') {
    printFit(say, clv, settings, holdout);
    run.fit = fitSummary(clv);
  }
  if (holdout) {
    printHoldout(say, holdout, asOf, settings);
    run.holdout = { from: holdout.holdoutFrom.toISOString(), totals: holdout.validation.totals, newInHoldout: holdout.newInHoldout };
  }
  if (clv && settings.command !== 'contacts' && settings.top > 0) {
    const best = topBy(clv.values.clv, settings.top, customers.customerIds);
    say();
    say(`Top ${best.length} customers by ${settings.horizonMonths}-month CLV (${100 * settings.monthlyDiscountRate}% monthly discount)`);
    const rows = best.map((j) => ({
      customerId: customers.customerIds[j] as string,
      ...(rfm ? { segment: rfm.segmentNames[rfm.segment[j] as number] as string } : {}),
      probabilityAlive: clv.values.probabilityAlive[j] as number,
      expectedPurchases: clv.values.expectedPurchases[j] as number,
      clv: clv.values.clv[j] as number,
    }));
    say(formatTable(['customer', 'segment', 'P(alive)', 'E[purchases]', 'CLV'], rows.map((r) => [r.customerId, r.segment ?? '', fixed(r.probabilityAlive, 3), fixed(r.expectedPurchases, 2), fixed(r.clv, 2)]), [false, false, true, true, true]));
    run.topCustomers = rows;
  }
  let risk: Float64Array | undefined;
  if (settings.command === 'contacts' && clv) {
    risk = new Float64Array(customers.customerIds.length);
    for (let j = 0; j < risk.length; j++) risk[j] = valueAtRisk({ clv: clv.values.clv[j] as number, probabilityAlive: clv.values.probabilityAlive[j] as number });
    const best = topBy(risk, settings.top, customers.customerIds);
    say();
    say(`Whom to contact next: top ${best.length} by value at risk (CLV if still active × P(already gone))`);
    const rows = best.map((j) => contactRow(j, customers, rfm, clv as ClvAnalysis, risk as Float64Array));
    say(formatTable(['customer', 'segment', 'P(alive)', 'CLV', 'value at risk', 'suggested action'], rows.map((r) => [r.customerId, r.segment, fixed(r.probabilityAlive, 3), fixed(r.clv, 2), fixed(r.valueAtRisk, 2), r.action]), [false, false, true, true, true, false]));
    run.contacts = rows;
  }
  if (settings.command === 'contacts' && settings.orderLines !== undefined) {
    const offers = planOrderLineOffers(settings.orderLines, asOf, { top: settings.top, out: settings.out, formats: settings.formats, say });
    run.offers = offers.summary;
    written.push(...offers.written);
  }

  // The report's per-customer values as columns, shared by charts.json and the HTML page.
  const reportCustomers = reportColumns(customers, rfm, clv);
  let charts: ReportChartData | undefined;
  if (settings.out !== undefined) {
    if (settings.command === 'contacts' && clv && risk) {
      const order = rankBy(risk, customers.customerIds);
      written.push(...writeColumnTable(settings.out, 'contacts', customerTableColumns(customers, rfm, clv, true, risk, order), settings.formats));
    } else if (clv) {
      written.push(...writeColumnTable(settings.out, tableName, customerTableColumns(customers, rfm, clv, false), settings.formats));
    }
    if (settings.command === 'report') {
      // The data behind every chart of the report, for Observable Plot, Vega-Lite or a notebook.
      const chartsPath = join(settings.out, 'charts.json');
      charts = reportCharts(asOf, basename(run.source), notes, rfm, clv, reportCustomers, settings, holdout);
      writeJson(chartsPath, charts);
      written.push(chartsPath);
    }
    if (clv) {
      const fitPath = join(settings.out, 'fit.json');
      writeJson(fitPath, { asOf: asOf.toISOString(), source: basename(run.source), ...fitSummary(clv), ...(holdout ? { holdout: holdoutSummary(holdout, asOf) } : {}) });
      written.push(fitPath);
    }
  }
  if (settings.html !== undefined) {
    writeText(settings.html, htmlReport(asOf, basename(run.source), notes.filter((note) => note !== `as of ${day(asOf)}`), rfm, clv, reportCustomers, settings, holdout, charts));
    written.push(settings.html);
  }
  if (written.length > 0) {
    say();
    say(`Wrote ${written.join(', ')}`);
  }
  finishJson();
}

const sourceName = (settings: Settings) => (settings.file === '-' ? 'stdin' : settings.file);

/**
 * Stops a run that is about to exhaust the JavaScript heap, with a message instead of an abort:
 * checked after every batch of rows, and before the customers are ordered and analysed (`ahead`
 * bytes still to come). Node would otherwise die with "heap out of memory" and lose the run.
 */
function guardMemory(heapLimit: number, stateBytes: number, ahead: number): void {
  const used = getHeapStatistics().used_heap_size;
  if (used + ahead < 0.8 * heapLimit) return;
  const gb = (n: number) => `${(n / 2 ** 30).toFixed(2)} GB`;
  throw new RelmarkError('invalid_input', 'the input has more distinct customers or ids than fit in memory', {
    issues: [
      {
        code: 'too_large',
        path: [],
        message: `The customer and id dictionaries use ${gb(used)} of the ${gb(heapLimit)} JavaScript heap (plus ${gb(stateBytes)} of per-customer totals). Run with more heap (NODE_OPTIONS=--max-old-space-size=<MB>), drop the id column if it has no refunds to link, or split the file by customer.`,
      },
    ],
  });
}

function keepPurchases(kept: { customer: Int32Array[]; at: Float64Array[] }, batch: TransactionColumnBatch): void {
  let purchases = 0;
  for (let i = 0; i < batch.length; i++) if (batch.refund[i] === 0) purchases++;
  const customer = new Int32Array(purchases);
  const at = new Float64Array(purchases);
  let j = 0;
  for (let i = 0; i < batch.length; i++) {
    if (batch.refund[i] !== 0) continue;
    customer[j] = batch.customer[i] as number;
    at[j++] = batch.at[i] as number;
  }
  kept.customer.push(customer);
  kept.at.push(at);
}

function clvSettings(settings: Settings) {
  return { model: settings.model, timeUnit: settings.timeUnit, horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate, margin: settings.margin };
}

/**
 * A holdout run: the model is fitted on the calibration histories and checked on the holdout.
 * Refunds change no purchase count, so the kept purchases alone give exact calibration and holdout counts.
 */
function holdoutRun(
  kept: { customer: Int32Array[]; at: Float64Array[] },
  dictionary: readonly string[],
  customers: CustomerColumns,
  settings: Settings,
  holdoutFrom: Date,
  asOf: Date,
): { clv: ClvAnalysis; holdout: HoldoutRun } {
  const transactions: TransactionInput[] = [];
  const end = asOf.getTime();
  kept.customer.forEach((column, b) => {
    const at = kept.at[b] as Float64Array;
    for (let i = 0; i < column.length; i++) if ((at[i] as number) <= end) transactions.push({ customerId: dictionary[column[i] as number] as string, at: at[i] as number, amount: 0 });
  });
  // The library's calibrationEnd is inclusive: calibration is every transaction before --holdout-from.
  const calibrationEnd = new Date(holdoutFrom.getTime() - 1);
  const split = splitCalibrationHoldout(transactions, { calibrationEnd, holdoutEnd: asOf, timeUnit: settings.timeUnit, litt: settings.model === 'mbg-cnbd-k' });
  if (split.calibration.length === 0) {
    throw new RelmarkError('empty_input', 'no transaction before --holdout-from', { issues: [{ code: 'no_valid_rows', path: [], message: `${sourceName(settings)} has no valid transaction before ${holdoutFrom.toISOString()}` }] });
  }
  const clv = analyzeClv(customers, clvSettings(settings), toHistoryColumns(split.calibration));
  const validation = holdoutValidation(clv.purchases, split);
  // Weekly periods, whatever the time unit of the fit.
  const tracking = trackRepeatPurchases(clv.purchases, transactions, { calibrationEnd, holdoutEnd: asOf, step: msPerUnit.week / msPerUnit[settings.timeUnit] });
  return { clv, holdout: { holdoutFrom, calibrationEnd, duration: split.holdout[0]?.duration ?? 0, newInHoldout: split.newInHoldout.length, validation, tracking } };
}

/** The `k` rows with the largest values, ties by customer id. */
function topBy(values: Float64Array, k: number, ids: readonly string[]): number[] {
  const rows: number[] = [];
  for (let j = 0; j < values.length; j++) rows.push(j);
  const better = (p: number, q: number) => (values[q] as number) - (values[p] as number) || ((ids[p] as string) < (ids[q] as string) ? -1 : 1);
  if (k >= rows.length) return rows.sort(better);
  // A bounded selection: keep the best k seen so far, sorted.
  const best: number[] = [];
  for (const j of rows) {
    if (best.length === k && better(j, best[k - 1] as number) >= 0) continue;
    let at = best.length === k ? k - 1 : best.length;
    if (best.length === k) best.pop();
    while (at > 0 && better(j, best[at - 1] as number) < 0) at--;
    best.splice(at, 0, j);
  }
  return best;
}

/** Every row ordered by value, largest first, ties by customer id. */
function rankBy(values: Float64Array, ids: readonly string[]): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, j) => j);
  return order.sort((p, q) => (values[q] as number) - (values[p] as number) || ((ids[p] as string) < (ids[q] as string) ? -1 : 1));
}

function contactRow(j: number, customers: CustomerColumns, rfm: RfmColumnsAnalysis | undefined, clv: ClvAnalysis, risk: Float64Array) {
  const segment = rfm ? (rfm.segmentNames[rfm.segment[j] as number] as string) : '';
  return {
    customerId: customers.customerIds[j] as string,
    segment,
    action: rfm?.segments.find((s) => s.segment === segment)?.action ?? '',
    probabilityAlive: clv.values.probabilityAlive[j] as number,
    clv: clv.values.clv[j] as number,
    valueAtRisk: risk[j] as number,
  };
}

function fitSummary(clv: ClvAnalysis) {
  return { transactionModel: clv.purchases, spendModel: clv.spend, repeatPurchases: clv.repeatPurchases, chiSquare: clv.chiSquare };
}

function holdoutSummary(holdout: HoldoutRun, asOf: Date) {
  return {
    from: holdout.holdoutFrom.toISOString(),
    calibrationEnd: holdout.calibrationEnd.toISOString(),
    holdoutEnd: asOf.toISOString(),
    duration: holdout.duration,
    newInHoldout: holdout.newInHoldout,
    totals: holdout.validation.totals,
    byFrequency: holdout.validation.byFrequency,
    tracking: holdout.tracking.periods,
  };
}

/** The count of rejected rows and the first of them, each with its line, reason and original cell. */
function reportRows(say: (line?: string) => void, info: InputInfo, rejected: RejectedSink, rejectedPath: string | undefined): void {
  if (rejected.count === 0) return;
  say(`  ${count(rejected.count)} rejected rows${rejectedPath === undefined ? ' (write every reason with --rejected <file> or --out <dir>)' : `, every reason written to ${rejectedPath}`}`);
  for (const row of rejected.samples) {
    const issue = row.issues[0];
    if (!issue) continue;
    const field = issue.path.length > 2 ? formatPath(issue.path.slice(2)) : '';
    const cell = field === '' ? '' : cellOf(row.input, info.mapping?.[field as keyof typeof info.mapping] ?? field);
    say(`    line ${row.line ?? '?'}: ${issue.message}${field === '' ? '' : ` (${field}${cell === '' ? '' : ` ${JSON.stringify(cell)}`})`}`);
  }
  if (rejected.count > rejected.samples.length) say(`    … and ${count(rejected.count - rejected.samples.length)} more`);
}

function printSegments(say: (line?: string) => void, rfm: RfmColumnsAnalysis): void {
  const customers = rfm.segments.reduce((n, s) => n + s.customers, 0);
  say();
  say(`RFM segments of ${count(customers)} customers`);
  const share = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
  say(formatTable(['segment', 'customers', 'revenue share', 'suggested action'], rfm.segments.map((s) => [s.segment, count(s.customers), share(s.revenueShare), s.action]), [false, true, true, false]));
}

function printFit(say: (line?: string) => void, clv: ClvAnalysis, settings: Settings, holdout: HoldoutRun | undefined): void {
  const p: Readonly<Record<string, number>> = clv.purchases.params;
  // MBG/CNBD-k's k is chosen on a grid, not estimated with an error: its row shows '–'.
  const se: Readonly<Record<string, number | undefined>> = clv.purchases.standardErrors;
  const on = holdout ? `; fitted on the transactions before ${day(holdout.holdoutFrom)}` : '';
  say();
  say(`${modelLabels[clv.purchases.model]} on ${count(clv.purchases.customers)} customers (time unit: ${settings.timeUnit}${on}), log-likelihood ${clv.purchases.logLikelihood.toFixed(3)}, ${clv.purchases.diagnostics.method} in ${clv.purchases.diagnostics.iterations} iterations`);
  say(formatTable(['parameter', 'estimate', 'std. error'], Object.keys(p).map((k) => [k, (p[k] as number).toPrecision(6), se[k] === undefined ? '–' : se[k].toPrecision(3)]), [false, true, true]));
  const g = clv.spend.params;
  say(`Gamma-Gamma on ${count(clv.spend.customers)} repeat buyers (${count(clv.spend.excluded.length)} customers left out: no repeat purchase or no spend; listed in fit.json with --out): p ${g.p.toPrecision(4)}, q ${g.q.toPrecision(4)}, v ${g.v.toPrecision(4)}`);
  say();
  say(`Calibration check${holdout ? ' (calibration period)' : ''}: customers by number of repeat purchases, actual vs model (chi-square ${clv.chiSquare.toFixed(1)})`);
  say(formatTable(['repeat purchases', 'actual', 'model'], clv.repeatPurchases.map((r) => [r.label, count(r.actual), r.expected.toFixed(1)]), [false, true, true]));
}

function printHoldout(say: (line?: string) => void, holdout: HoldoutRun, asOf: Date, settings: Settings): void {
  const t = holdout.validation.totals;
  say();
  say(
    `Holdout check: repeat purchases from ${day(holdout.holdoutFrom)} to ${day(asOf)} (${holdout.duration.toFixed(2)} ${settings.timeUnit}s) of the ${count(t.customers)} customers who bought before ${day(holdout.holdoutFrom)}` +
      `${holdout.newInHoldout > 0 ? ` (${count(holdout.newInHoldout)} customers first seen in the holdout are not counted)` : ''}`,
  );
  say(formatTable(['actual', 'expected', 'MAE', 'RMSE', 'bias'], [[count(t.actual), t.expected.toFixed(1), t.mae.toFixed(4), t.rmse.toFixed(4), t.bias.toFixed(4)]], [true, true, true, true, true]));
  say('  MAE, RMSE and bias are per customer (bias = mean of expected − actual; negative: the model under-predicts)');
}
