import { join } from 'node:path';
import { RelmarkError } from '../errors/RelmarkError.js';
import { formatPath } from '../errors/formatIssues.js';
import { msPerDay } from '../internal/time.js';
import { toCsv } from '../io/index.js';
import { createCohortTableCollector } from '../cohorts/cohortTableCollector.js';
import type { CohortTable } from '../cohorts/cohortTableTypes.js';
import type { Settings } from './commandLine.js';
import { renderHtmlReport } from '../report/renderHtmlReport.js';
import { readCommandInput } from './readCommandInput.js';
import type { Streams } from './runCommand.js';
import { terminalText } from './terminalText.js';
import { cellOf, writeJson, writeText } from './writeOutputs.js';

/**
 * `relmark cohorts <file>`: the acquisition-cohort table in one streaming pass over the input, with
 * the same reader (and so the same validation, rejected rows and default as-of date) as `rfm`.
 * Prints the retention triangle; with --out writes cohorts.csv (one row per cohort and period) and
 * cohorts.json (the table); with --json prints the run's summary and the table on stdout.
 */

const day = (date: Date) => date.toISOString().slice(0, 10);
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The columns of cohorts.csv, in order. */
export const cohortCsvColumns = [
  'group',
  'cohort',
  'start',
  'customers',
  'period',
  'complete',
  'activeCustomers',
  'retentionRate',
  'orders',
  'revenue',
  'cumulativeRevenuePerCustomer',
  'repeatPurchaseRate',
  'survivors',
] as const;

/** One CSV record per cohort and period. */
export function cohortCsvRecords(table: CohortTable): Record<string, unknown>[] {
  return table.cohorts.flatMap((row) =>
    row.cells.map((cell) => ({ group: row.group ?? '', cohort: row.cohort, start: row.start, customers: row.customers, ...cell })),
  );
}

/** The retention triangle as text: one line per cohort (the latest `maxCohorts`), one column per period (at most 13). */
export function retentionTriangle(table: CohortTable, maxCohorts = 24, maxPeriods = 13): string[] {
  const rows = table.cohorts.slice(-maxCohorts);
  const periods = Math.min(maxPeriods, Math.max(0, ...rows.map((r) => r.cells.length)));
  const grouped = rows.some((r) => r.group !== null);
  const label = (r: (typeof rows)[number]) => (grouped ? `${r.group ?? '–'} ${r.cohort}` : r.cohort);
  const width = Math.max(6, ...rows.map((r) => label(r).length));
  const header = `${'cohort'.padEnd(width)} ${'size'.padStart(9)} ${Array.from({ length: periods }, (_, k) => `+${k}`.padStart(5)).join(' ')}`;
  const lines = rows.map((r) => {
    const cells = r.cells.slice(0, periods).map((c) => `${Math.round(c.retentionRate * 100)}%${c.complete ? '' : '*'}`.padStart(5));
    return `${label(r).padEnd(width)} ${count(r.customers).padStart(9)} ${cells.join(' ')}`;
  });
  return [header, ...lines];
}

/** Runs `relmark cohorts`. Throws RelmarkError for bad data (exit 2). */
export async function runCohortsCommand(settings: Settings, streams: Streams): Promise<void> {
  const human = settings.json ? streams.stderr : streams.stdout;
  const say = (text = '') => human.write(`${text.split('\n').map(terminalText).join('\n')}\n`);
  const collector = createCohortTableCollector({ period: settings.period, timeZone: settings.timeZone, ...(settings.asOf ? { asOf: settings.asOf.getTime() } : {}) });
  const { info, rejected, rejectedPath } = await readCommandInput(settings, streams, { onBatch: (batch) => collector.add(batch) });
  const source = settings.file === '-' ? 'stdin' : settings.file;
  const written: string[] = [];
  if (rejectedPath !== undefined && rejected.count > 0) written.push(rejectedPath);
  const asOfDefaulted = settings.asOf === undefined;
  if (asOfDefaulted && !Number.isFinite(info.lastAt)) {
    throw new RelmarkError('empty_input', 'no valid transaction in the file', { issues: [{ code: 'no_valid_rows', path: [], message: `${source} has no valid transaction` }] });
  }
  const asOf = settings.asOf ?? new Date((Math.floor(info.lastAt / msPerDay) + 1) * msPerDay);
  const table = collector.finish(asOf.getTime(), info.customerIds);

  say(`relmark cohorts ${source}`);
  say(`  as of ${day(asOf)}${asOfDefaulted ? ' (default: the day after the last transaction; set it with --as-of)' : ''}, ${settings.period}ly cohorts in ${settings.timeZone}`);
  say(`  ${count(info.records)} rows read, ${count(info.valid)} valid, ${count(info.rejected)} rejected`);
  if (table.excluded.future > 0) say(`  ${count(table.excluded.future)} valid transactions after the as-of date were left out`);
  if (rejected.count > 0) {
    say(`  ${count(rejected.count)} rejected rows${rejectedPath === undefined ? ' (write every reason with --rejected <file> or --out <dir>)' : `, every reason written to ${rejectedPath}`}`);
    for (const row of rejected.samples) {
      const issue = row.issues[0];
      if (!issue) continue;
      const field = issue.path.length > 2 ? formatPath(issue.path.slice(2)) : '';
      const cell = field === '' ? '' : cellOf(row.input, info.mapping?.[field as keyof typeof info.mapping] ?? field);
      say(`    line ${row.line ?? '?'}: ${issue.message}${field === '' ? '' : ` (${field}${cell === '' ? '' : ` ${JSON.stringify(cell)}`})`}`);
    }
  }
  if (settings.strict && rejected.count > 0) {
    throw new RelmarkError('invalid_input', `${rejected.count} rows rejected (--strict)`, { issues: rejected.samples.flatMap((r) => r.issues).slice(0, 5) });
  }
  if (table.customers === 0) {
    throw new RelmarkError('empty_input', 'no valid purchase to analyse', { issues: [{ code: 'no_valid_rows', path: [], message: `${source} has no valid purchase on or before ${day(asOf)}` }] });
  }
  say(`  ${count(table.customers)} customers in ${table.cohorts.length} cohorts`);
  say('');
  say(`Retention: share of each cohort active in the ${settings.period}s since acquisition (* = the ${settings.period} as-of cuts, so far)`);
  for (const line of retentionTriangle(table)) say(line);
  if (settings.out !== undefined) {
    if (settings.formats.includes('csv')) {
      const path = join(settings.out, 'cohorts.csv');
      writeText(path, toCsv(cohortCsvRecords(table), { columns: [...cohortCsvColumns] }));
      written.push(path);
    }
    if (settings.formats.includes('json')) {
      const path = join(settings.out, 'cohorts.json');
      writeJson(path, table);
      written.push(path);
    }
  }
  if (settings.html !== undefined) {
    writeText(settings.html, renderHtmlReport({ title: 'relmark cohorts', asOf, source, notes: [`${settings.period}ly cohorts in ${settings.timeZone}; ${count(table.customers)} customers`], cohorts: table }));
    written.push(settings.html);
  }
  if (written.length > 0) say(`\nWrote ${written.join(', ')}`);
  if (settings.json) {
    const summary = {
      command: 'cohorts',
      source,
      asOf: asOf.toISOString(),
      asOfDefaulted,
      rows: { read: info.records, valid: info.valid, rejected: info.rejected, afterAsOf: table.excluded.future },
      customers: table.customers,
      table,
      written,
    };
    streams.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
}
