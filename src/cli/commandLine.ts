import { parseArgs } from 'node:util';
import { parseColumnMapping, type DateFormat, type TransactionMapping } from '../io/index.js';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { InstantSchema, type TimeUnit } from '../models/primitives.js';
import { type Delimiter, parseDelimiterOption } from './delimitedText.js';
import { UsageError } from './usageError.js';
import { cohortPeriods, type CohortPeriod } from '../cohorts/cohortPeriod.js';
import { TimeZoneSchema } from '../models/primitives.js';
import { type TransactionModelName, transactionModels } from './analyze.js';

/** The subcommands. */
export const commands = ['report', 'rfm', 'clv', 'contacts', 'cohorts'] as const;
export type Command = (typeof commands)[number];

/** Everything a command needs, read from the command line. */
export interface Settings {
  readonly command: Command;
  readonly file: string;
  readonly asOf: Date | undefined;
  readonly columns: TransactionMapping;
  readonly delimiter: Delimiter | undefined;
  readonly timeUnit: TimeUnit;
  readonly out: string | undefined;
  readonly formats: readonly ('csv' | 'json')[];
  readonly rejectedFile: string | undefined;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly top: number;
  readonly html: string | undefined;
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
  /** The transaction model for P(alive), expected purchases and CLV. */
  readonly model: TransactionModelName;
  /** report only: the first instant of the holdout period; calibration is everything before it. */
  readonly holdoutFrom: Date | undefined;
  /** Write the run's summary to stdout as one JSON document (human text goes to stderr). */
  readonly json: boolean;
  /** The text encoding of the input. */
  readonly encoding: 'utf-8' | 'latin1';
  /** contacts only: an order-lines file whose recommendations become cross-sell offers in the plan. */
  readonly orderLines?: string | undefined;
  /** cohorts only: the calendar period of cohorts, and the time zone of its boundaries. */
  readonly period: CohortPeriod;
  readonly timeZone: string;
}

/** What the command line asks for: a command to run, or a help text to print. */
export type Request =
  | { readonly kind: 'run'; readonly settings: Settings }
  | { readonly kind: 'help'; readonly text: string; /** `relmark` alone is a usage error: help, exit 1. */ readonly usage?: boolean }
  | { readonly kind: 'version' };

const inputHelp = `Input:
  <file>                    CSV, whitespace-separated text (such as CDNOW_master.txt) or JSON lines
                            (.ndjson/.jsonl, or a first character {); gzip is inflated (by its magic
                            bytes); - reads stdin. One pass, whatever the size
  --encoding <enc>          utf-8 (default; invalid bytes stop the run with the line) or latin1
  --as-of <date>            end of observation (YYYY-MM-DD or ISO date-time, UTC). Default: the day
                            after the last transaction (found in the same pass; printed)
  --columns <map>           field=column pairs, e.g. customerId=cust,at=date,amount=value. Fields not
                            named are found by common names (customer_id, date, amount, dollar_value, …)
                            fields: id, customerId, at, amount, currency, kind, refundOf
  --date-format <format>    auto (default), iso, yyyymmdd, epoch_ms, epoch_s
  --delimiter <d>           auto (default), comma, tab, semicolon, pipe, whitespace, or one character
Output:
  --out <dir>               write per-customer results (and fit.json) into this folder
  --format <csv|json|both>  file formats for --out (default both)
  --rejected <file>         where rejected rows go, with their line, reasons and original cells
                            (default <out>/rejected.csv; without --out, only the first are shown)
  --json                    print the run's summary (counts, as-of, segments, fit, top customers) to
                            stdout as one JSON document; the text goes to stderr
  --strict                  exit 2 when any row is rejected (the reasons are still written)
  --top <n>                 customers listed on screen (default 10)
  -q, --quiet               no progress bar and no notes on stderr
  -h, --help                this help`;

const modelHelp = `Model:
  --model <name>            transaction model for P(alive), expected purchases and CLV:
                            bg-nbd (default), pareto-nbd, mbg-nbd, mbg-cnbd-k (regular
                            buyers: k chosen by likelihood)
  --time-unit <unit>        unit of tx and T for BG/NBD: day, week (default), month, year
  --horizon-months <n>      CLV horizon in months (default 12)
  --discount-rate <d>       monthly discount rate (default 0.01)
  --margin <m>              share of spend that is profit (default 1)`;

const exitHelp = `Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 model did not converge (or the data cannot identify it).`;

/** The help text of each command, and of `relmark` itself. */
export const helpTexts: Record<Command | 'main', string> = {
  main: `relmark — relationship-marketing analytics for a transaction export

Usage: relmark <command> <file> [options]

Commands:
  report     segments, model fit, top customers; per-customer results; --html report
  rfm        RFM scores and segments with the suggested action per segment
  clv        BG/NBD + Gamma-Gamma fit and each customer's lifetime value and P(alive)
  contacts   whom to contact next: customers ranked by the value at risk of losing them
  cohorts    acquisition cohorts: retention, orders, revenue and value curves per period since acquisition

Run relmark <command> --help for its options. ${exitHelp}
Example: relmark report transactions.csv --as-of 2026-01-01 --out results --html report.html`,
  report: `Usage: relmark report <file> [options]

Reads transactions, segments customers by RFM, fits BG/NBD (or --model) and Gamma-Gamma, and prints the segment
table (customers, revenue share, suggested action), the model fit (parameters, log-likelihood, the
repeat-purchase calibration check) and the top customers by CLV with P(alive). With --out it writes
customers.csv/json (id, segment, scores, x, tx, T, P(alive), expected purchases, CLV) and fit.json.

${inputHelp}
  --html <file>             write a self-contained HTML report with charts (no network needed)
  --holdout-from <date>     holdout run: fit the model on the transactions before this date (the
                            calibration period), then compare its expected repeat purchases with the
                            actual ones from this date to --as-of (totals, MAE, RMSE, bias; the
                            weekly tracking chart with --html). Per-customer results use the
                            calibration parameters with each history at --as-of. A holdout run holds
                            the valid rows in memory; a plain run streams
${modelHelp}

${exitHelp}`,
  rfm: `Usage: relmark rfm <file> [options]

Recency (days since the last purchase), frequency and monetary value per customer, 1–5 scores and a
named segment with its suggested action. With --out it writes rfm.csv/json.

${inputHelp}

${exitHelp}`,
  clv: `Usage: relmark clv <file> [options]

Fits BG/NBD (or --model; purchases) and Gamma-Gamma (spend) and values each customer over the horizon, with the
probability of still being active. With --out it writes clv.csv/json and fit.json.

${inputHelp}
${modelHelp}

${exitHelp}`,
  contacts: `Usage: relmark contacts <file> [options]

Whom to contact next: customers ranked by the value at risk of losing them, CLV / P(alive) × (1 −
P(alive)) — the value they would bring if still active, times the chance they have already gone —
with their segment's suggested action. With --out it writes contacts.csv/json.

${inputHelp}
  --order-lines <file>      order lines (CSV: transaction_id, customer_id, date, sku; optional
                            quantity, price, category, line_id): recommends products from the rules
                            they support and plans cross-sell offers for the next 7 days (one per
                            customer); with --out it writes offers.csv/json
${modelHelp}

${exitHelp}`,
  cohorts: `Usage: relmark cohorts <file> [options]

Acquisition cohorts: customers grouped by the period of their first purchase, and for each period since
acquisition the active customers (retention), orders, revenue, cumulative revenue per acquired customer and
repeat-purchase rate. Refunds lower revenue in the period of the refund and never make a customer active;
the period the as-of date cuts is marked incomplete (*). Prints the retention triangle; with --out it
writes cohorts.csv (one row per cohort and period) and cohorts.json.

${inputHelp}
  --period <p>              week (Monday to Sunday), month (default) or quarter
  --time-zone <zone>        IANA time zone of the period boundaries (default UTC)
  --html <file>             write a self-contained HTML page: the retention heat map and the value curves

${exitHelp}`,
};

const options = {
  'as-of': { type: 'string' },
  columns: { type: 'string' },
  'date-format': { type: 'string' },
  delimiter: { type: 'string' },
  'time-unit': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  rejected: { type: 'string' },
  strict: { type: 'boolean' },
  top: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  html: { type: 'string' },
  'horizon-months': { type: 'string' },
  'discount-rate': { type: 'string' },
  margin: { type: 'string' },
  model: { type: 'string' },
  'holdout-from': { type: 'string' },
  period: { type: 'string' },
  'time-zone': { type: 'string' },
  json: { type: 'boolean' },
  encoding: { type: 'string' },
  'order-lines': { type: 'string' },
} as const;

const modelOptions = ['time-unit', 'horizon-months', 'discount-rate', 'margin', 'model'];

/** A date option: YYYY-MM-DD, YYYYMMDD or an ISO date-time (UTC). */
function dateOption(text: string | undefined, name: string): Date | undefined {
  if (text === undefined) return undefined;
  const result = InstantSchema.safeParse(/^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text);
  if (!result.success) throw new UsageError(`--${name} must be a date such as 2026-01-01, received "${text}"`);
  return result.data;
}

function number(text: string | undefined, name: string, fallback: number, check: (n: number) => boolean, expected: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${expected}, received "${text}"`);
  return n;
}

/** Reads the command line (without the node and script paths). Throws {@link UsageError} for a mistake. */
export function parseCommandLine(argv: readonly string[]): Request {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'help', text: helpTexts.main, usage: true };
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help', text: helpTexts.main };
  if (first === '--version') return { kind: 'version' };
  if (!(commands as readonly string[]).includes(first)) throw new UsageError(`unknown command "${first}" (expected one of ${commands.join(', ')})`);
  const command = first as Command;
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError((cause as Error).message);
  }
  const v = parsed.values;
  if (v.help === true) return { kind: 'help', text: helpTexts[command] };
  if (command === 'rfm' || command === 'cohorts') {
    const given = modelOptions.filter((name) => v[name as keyof typeof v] !== undefined);
    if (given.length > 0) throw new UsageError(`${command} does not fit a model: --${given.join(', --')} does not apply`);
  }
  if (v['order-lines'] !== undefined && command !== 'contacts') throw new UsageError('--order-lines is an option of relmark contacts');
  if (v.html !== undefined && command !== 'report' && command !== 'cohorts') throw new UsageError('--html is an option of relmark report and relmark cohorts');
  if (v['holdout-from'] !== undefined && command !== 'report') throw new UsageError('--holdout-from is an option of relmark report');
  const model = v.model ?? 'bg-nbd';
  if (!(transactionModels as readonly string[]).includes(model)) throw new UsageError(`--model must be one of ${transactionModels.join(', ')}, received "${model}"`);
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? `relmark ${command} needs a file (or - for stdin)` : `relmark ${command} takes one file, received ${parsed.positionals.length}`);
  }
  const file = parsed.positionals[0] as string;

  const asOf = dateOption(v['as-of'], 'as-of');
  const holdoutFrom = dateOption(v['holdout-from'], 'holdout-from');
  // The holdout needs an end: with the default --as-of it would be the day after the last transaction.
  if (holdoutFrom !== undefined && asOf !== undefined && holdoutFrom.getTime() >= asOf.getTime()) {
    throw new UsageError(`--holdout-from (${v['holdout-from']}) must be before --as-of (${v['as-of']})`);
  }

  let columns: TransactionMapping = {};
  if (v.columns !== undefined) {
    try {
      columns = parseColumnMapping(v.columns);
    } catch (cause) {
      if (isRelmarkError(cause)) throw new UsageError(`--columns: ${cause.issues.map((i) => i.message).join('; ')}`);
      throw cause;
    }
  }
  const dateFormats = ['auto', 'iso', 'yyyymmdd', 'epoch_ms', 'epoch_s'];
  if (v['date-format'] !== undefined) {
    if (!dateFormats.includes(v['date-format'])) throw new UsageError(`--date-format must be one of ${dateFormats.join(', ')}, received "${v['date-format']}"`);
    columns = { ...columns, dateFormat: v['date-format'] as DateFormat };
  }
  const delimiter = parseDelimiterOption(v.delimiter);
  if (v.delimiter !== undefined && v.delimiter !== 'auto' && delimiter === undefined) throw new UsageError(`--delimiter must be auto, comma, tab, semicolon, pipe, whitespace or one character, received "${v.delimiter}"`);
  const units = ['day', 'week', 'month', 'year'];
  const timeUnit = v['time-unit'] ?? 'week';
  if (!units.includes(timeUnit)) throw new UsageError(`--time-unit must be one of ${units.join(', ')}, received "${timeUnit}"`);
  const encoding = (v.encoding ?? 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(iso-8859-1|latin-1)$/, 'latin1');
  if (encoding !== 'utf-8' && encoding !== 'latin1') throw new UsageError(`--encoding must be utf-8 or latin1, received "${v.encoding}"`);
  if ((v.period !== undefined || v['time-zone'] !== undefined) && command !== 'cohorts') throw new UsageError('--period and --time-zone are options of relmark cohorts');
  const period = v.period ?? 'month';
  if (!(cohortPeriods as readonly string[]).includes(period)) throw new UsageError(`--period must be one of ${cohortPeriods.join(', ')}, received "${period}"`);
  const timeZone = v['time-zone'] ?? 'UTC';
  if (!TimeZoneSchema.safeParse(timeZone).success) throw new UsageError(`--time-zone must be an IANA time zone such as Europe/Paris, received "${timeZone}"`);
  const format = v.format ?? 'both';
  if (!['csv', 'json', 'both'].includes(format)) throw new UsageError(`--format must be csv, json or both, received "${format}"`);

  return {
    kind: 'run',
    settings: {
      command,
      file,
      asOf,
      columns,
      delimiter,
      timeUnit: timeUnit as TimeUnit,
      out: v.out,
      formats: format === 'both' ? ['csv', 'json'] : [format as 'csv' | 'json'],
      rejectedFile: v.rejected,
      strict: v.strict === true,
      quiet: v.quiet === true,
      top: number(v.top, 'top', 10, (n) => Number.isInteger(n) && n >= 0, 'an integer ≥ 0'),
      html: v.html,
      horizonMonths: number(v['horizon-months'], 'horizon-months', 12, (n) => Number.isInteger(n) && n >= 0 && n <= 1200, 'an integer from 0 to 1200'),
      monthlyDiscountRate: number(v['discount-rate'], 'discount-rate', 0.01, (n) => n >= 0, 'a number ≥ 0'),
      margin: number(v.margin, 'margin', 1, (n) => n >= 0, 'a number ≥ 0'),
      model: model as TransactionModelName,
      holdoutFrom,
      json: v.json === true,
      encoding,
      orderLines: v['order-lines'],
      period: period as CohortPeriod,
      timeZone,
    },
  };
}
