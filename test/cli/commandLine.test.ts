import { describe, expect, it } from 'vitest';
import { commands, helpTexts, parseCommandLine } from '../../src/cli/commandLine.js';
import { UsageError } from '../../src/cli/usageError.js';

describe('parseCommandLine', () => {
  it('gives help for no arguments (as a usage error), --help, and each command’s --help', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help', text: helpTexts.main, usage: true });
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', text: helpTexts.main });
    for (const command of commands) expect(parseCommandLine([command, '--help'])).toEqual({ kind: 'help', text: helpTexts[command] });
  });

  it('documents each command’s own options in its help', () => {
    for (const command of commands) {
      expect(helpTexts[command]).toContain(`Usage: relmark ${command} <file>`);
      expect(helpTexts[command]).toContain('--as-of <date>');
      expect(helpTexts[command]).toContain('Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 model did not converge (or the data cannot identify it)');
      expect(helpTexts[command].includes('--horizon-months')).toBe(command !== 'rfm' && command !== 'cohorts');
      expect(helpTexts[command].includes('--html')).toBe(command === 'report' || command === 'cohorts');
      expect(helpTexts[command].includes('--model <name>')).toBe(command !== 'rfm' && command !== 'cohorts');
      expect(helpTexts[command].includes('--holdout-from')).toBe(command === 'report');
    }
  });

  it('reads the defaults and every option', () => {
    const defaults = parseCommandLine(['report', 'x.csv']);
    expect(defaults).toMatchObject({
      kind: 'run',
      settings: { command: 'report', file: 'x.csv', asOf: undefined, columns: {}, delimiter: undefined, timeUnit: 'week', formats: ['csv', 'json'], top: 10, horizonMonths: 12, monthlyDiscountRate: 0.01, margin: 1, strict: false, quiet: false, json: false, encoding: 'utf-8' },
    });
    const all = parseCommandLine([
      'clv', 'x.txt', '--as-of', '19980701', '--columns', 'customerId=cust,at=date', '--date-format', 'yyyymmdd', '--delimiter', 'whitespace',
      '--time-unit', 'day', '--out', 'o', '--format', 'json', '--rejected', 'r.csv', '--strict', '-q', '--top', '3',
      '--horizon-months', '24', '--discount-rate', '0.02', '--margin', '0.3', '--model', 'pareto-nbd', '--json', '--encoding', 'latin1',
    ]);
    expect(all).toEqual({
      kind: 'run',
      settings: {
        command: 'clv', file: 'x.txt', asOf: new Date('1998-07-01T00:00:00Z'), columns: { customerId: 'cust', at: 'date', dateFormat: 'yyyymmdd' },
        delimiter: { kind: 'whitespace' }, timeUnit: 'day', out: 'o', formats: ['json'], rejectedFile: 'r.csv', strict: true, quiet: true, top: 3,
        html: undefined, horizonMonths: 24, monthlyDiscountRate: 0.02, margin: 0.3, model: 'pareto-nbd', holdoutFrom: undefined,
        json: true, encoding: 'latin1', period: 'month', timeZone: 'UTC',
      },
    });
  });

  it.each([
    [['frobnicate', 'x.csv'], /unknown command "frobnicate"/],
    [['report'], /needs a file/],
    [['report', 'a.csv', 'b.csv'], /takes one file, received 2/],
    [['report', 'x.csv', '--as-of', 'next tuesday'], /--as-of must be a date/],
    [['report', 'x.csv', '--as-of', '2025-02-30'], /--as-of must be a date/],
    [['report', 'x.csv', '--nope'], /Unknown option '--nope'/],
    [['report', 'x.csv', '--columns', 'customer=cust'], /"customer" is not a transaction field/],
    [['report', 'x.csv', '--columns', 'at'], /names no column/],
    [['report', 'x.csv', '--date-format', 'dd/mm'], /--date-format must be one of/],
    [['report', 'x.csv', '--delimiter', 'commas'], /--delimiter must be/],
    [['report', 'x.csv', '--time-unit', 'fortnight'], /--time-unit must be one of/],
    [['report', 'x.csv', '--format', 'xlsx'], /--format must be csv, json or both/],
    [['report', 'x.csv', '--horizon-months', '1.5'], /--horizon-months must be an integer/],
    [['report', 'x.csv', '--discount-rate', 'lots'], /--discount-rate must be a number/],
    [['report', 'x.csv', '--top=-1'], /--top must be an integer/],
    [['rfm', 'x.csv', '--horizon-months', '6'], /rfm does not fit a model/],
    [['clv', 'x.csv', '--html', 'x.html'], /--html is an option of relmark report and relmark cohorts/],
    [['report', 'x.csv', '--encoding', 'ebcdic'], /--encoding must be utf-8 or latin1/],
    [['report', 'x.csv', '--model', 'bg-bb'], /--model must be one of bg-nbd, pareto-nbd, mbg-nbd, mbg-cnbd-k, received "bg-bb"/],
    [['rfm', 'x.csv', '--model', 'pareto-nbd'], /rfm does not fit a model/],
    [['clv', 'x.csv', '--holdout-from', '2025-01-01'], /--holdout-from is an option of relmark report/],
    [['report', 'x.csv', '--holdout-from', 'soon'], /--holdout-from must be a date/],
    [['report', 'x.csv', '--as-of', '2025-01-01', '--holdout-from', '2025-01-01'], /--holdout-from \(2025-01-01\) must be before --as-of/],
    [['report', 'x.csv', '--as-of', '2025-01-01', '--holdout-from', '2025-06-01'], /must be before --as-of/],
  ])('%j is a usage error: %s', (args, reason) => {
    expect(() => parseCommandLine(args)).toThrow(UsageError);
    expect(() => parseCommandLine(args)).toThrow(reason);
  });
});
