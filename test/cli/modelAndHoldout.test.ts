import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, fitMbgCnbdK, fitMbgNbd, fitParetoNbd, holdoutValidation, splitCalibrationHoldout, summarizeHistories, type TransactionModelFit } from 'relmark/clv';
import { parseCsv, readTransactions } from 'relmark/io';
import { expectClose } from '../helpers/expectClose.js';
import { buildCli, root, runCli, tempDir } from './runCli.js';

const sample = join(root, 'examples/data/sample-transactions.csv');
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

/** The sample's valid transactions, read with the library (the CLI reads the same 1,750 of 1,753 rows). */
function sampleTransactions() {
  const { records } = parseCsv(readFileSync(sample, 'utf8'));
  const { valid } = readTransactions(records, { id: 'transaction_id', customerId: 'customer_id', at: 'date', amount: 'amount', kind: 'kind', refundOf: 'refund_of' });
  expect(valid).toHaveLength(1750);
  return valid;
}

interface FitJson {
  transactionModel: TransactionModelFit & { params: Record<string, number> };
  holdout?: { from: string; calibrationEnd: string; holdoutEnd: string; duration: number; totals: { customers: number; actual: number; expected: number; mae: number; rmse: number; bias: number }; tracking: unknown[] };
}

describe('relmark --model', { timeout: 60_000 }, () => {
  it.each([
    ['pareto-nbd', 'Pareto/NBD', ['r', 'alpha', 's', 'beta'], fitParetoNbd],
    ['mbg-nbd', 'MBG/NBD', ['r', 'alpha', 'a', 'b'], fitMbgNbd],
    // MBG/CNBD-k needs litt: the library side summarises with it (the CLI computes it from the purchase days).
    ['mbg-cnbd-k', 'MBG/CNBD-k', ['k', 'r', 'alpha', 'a', 'b'], (_: unknown, o: { timeUnit: 'week' }) => fitMbgCnbdK(summarizeHistories(sampleTransactions(), { asOf: '2026-01-01', timeUnit: 'week', litt: true }), o)],
  ] as const)('%s on the sample: fit.json has the model and the parameters of the library fitter on the same histories', (model, label, names, fitter) => {
    const out = tempDir();
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--model', model, '--out', out, '--format', 'json', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${label.replace('/', '\\/')} on 400 customers \\(time unit: week\\), log-likelihood -\\d+\\.\\d{3}`));
    for (const name of names) expect(run.stdout).toMatch(new RegExp(`\\n  ${name} +\\d`));

    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as FitJson;
    expect(fit.transactionModel.model).toBe(model);
    expect(Object.keys(fit.transactionModel.params)).toEqual(names);
    const expected = fitter(summarizeHistories(sampleTransactions(), { asOf: '2026-01-01', timeUnit: 'week' }), { timeUnit: 'week' });
    // Same histories and optimiser; only the order of the histories may differ: rtol 1e-9.
    const params = expected.params as unknown as Record<string, number>;
    expectClose(names.map((n) => fit.transactionModel.params[n] as number), names.map((n) => params[n] as number), { rtol: 1e-9 });
    expectClose(fit.transactionModel.logLikelihood, expected.logLikelihood, { rtol: 1e-12 });

    // contacts and clv use the chosen model too.
    const clv = runCli(cli, ['clv', sample, '--as-of', '2026-01-01', '--model', model, '--out', out, '--format', 'json', '-q', '--top', '0']);
    expect(clv.code, clv.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as FitJson).transactionModel.model).toBe(model);
    expect(runCli(cli, ['contacts', sample, '--as-of', '2026-01-01', '--model', model, '-q', '--top', '1']).code).toBe(0);
  });

  it.each(['pareto-nbd', 'mbg-nbd', 'mbg-cnbd-k'])('--model %s exits 3 when the model cannot be fitted (nobody bought twice)', (model) => {
    const run = runCli(cli, ['clv', join(root, 'test/cli/fixtures/one-purchase-each.csv'), '--as-of', '2026-01-01', '--model', model, '-q']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot be fitted: the data cannot identify it/);
  });

  it('an unknown --model is a usage error (exit 1)', () => {
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--model', 'bg-bb']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--model must be one of bg-nbd, pareto-nbd, mbg-nbd, mbg-cnbd-k, received "bg-bb"/);
    expect(run.stdout).toBe('');
  });
});

describe('relmark report --holdout-from', { timeout: 60_000 }, () => {
  it('fits on the calibration period, prints the holdout check and draws the tracking chart', () => {
    const out = tempDir();
    const html = join(out, 'report.html');
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--holdout-from', '2025-07-01', '--out', out, '--format', 'json', '--html', html, '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/BG\/NBD on \d+ customers \(time unit: week; fitted on the transactions before 2025-07-01\)/);
    expect(run.stdout).toMatch(/Holdout check: repeat purchases from 2025-07-01 to 2026-01-01/);
    expect(run.stdout).toMatch(/actual +expected +MAE +RMSE +bias\n +\d+ +\d+\.\d +\d\.\d{4} +\d\.\d{4} +-?\d\.\d{4}/);

    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as FitJson;
    // --holdout-from is the first day of the holdout; the library's calibrationEnd is inclusive, so
    // the same split is calibrationEnd = the day before (transactions are dated by day).
    const split = splitCalibrationHoldout(sampleTransactions(), { calibrationEnd: '2025-06-30', holdoutEnd: '2026-01-01', timeUnit: 'week' });
    expect(fit.holdout?.duration).toBe(split.holdout[0]?.duration);
    expect(fit.transactionModel.customers).toBe(split.calibration.length);
    const calibrationFit = fitBgNbd(split.calibration, { timeUnit: 'week' });
    expectClose(fit.transactionModel.logLikelihood, calibrationFit.logLikelihood, { rtol: 1e-12 });
    const check = holdoutValidation(fit.transactionModel, split);
    expect(fit.holdout?.totals.actual).toBe(check.totals.actual);
    expect(fit.holdout?.totals.customers).toBe(check.totals.customers);
    expectClose([fit.holdout?.totals.expected ?? NaN, fit.holdout?.totals.mae ?? NaN, fit.holdout?.totals.rmse ?? NaN], [check.totals.expected, check.totals.mae, check.totals.rmse], { rtol: 1e-12 });

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Holdout check</h2>');
    // The holdout figures of the library's check, on the page, and which period each section is from.
    expect(page).toContain(`<tr data-figure="mae"><td>MAE</td><td class="num">${check.totals.mae.toFixed(3)}</td>`);
    expect(page).toContain(`<tr data-figure="bias"><td>bias</td><td class="num">${check.totals.bias.toFixed(3)}</td>`);
    expect(page).toContain('<p class="period" data-period="calibration">Calibration period: fitted from the transactions before 2025-07-01.</p>');
    expect(page).toMatch(/data-chart="holdout-by-frequency"[\s\S]*data-chart="tracking-cumulative"/);
    expect(page).toContain('end of calibration');
    expect(page).toMatch(/<svg[^>]*>[\s\S]*Repeat purchases per period: actual vs model/);
  });

  it('--model mbg-cnbd-k fits on calibration histories with litt, as splitCalibrationHoldout(…, { litt: true }) gives them', () => {
    const out = tempDir();
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--holdout-from', '2025-07-01', '--model', 'mbg-cnbd-k', '--out', out, '--format', 'json', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/MBG\/CNBD-k on \d+ customers \(time unit: week; fitted on the transactions before 2025-07-01\)/);
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as FitJson;
    const split = splitCalibrationHoldout(sampleTransactions(), { calibrationEnd: '2025-06-30', holdoutEnd: '2026-01-01', timeUnit: 'week', litt: true });
    const calibrationFit = fitMbgCnbdK(split.calibration, { timeUnit: 'week' });
    expect(fit.transactionModel.params.k).toBe(calibrationFit.params.k);
    expectClose(fit.transactionModel.logLikelihood, calibrationFit.logLikelihood, { rtol: 1e-12 });
  });

  it('--holdout-from on or after --as-of is a usage error (exit 1)', () => {
    const run = runCli(cli, ['report', sample, '--as-of', '2025-01-01', '--holdout-from', '2025-01-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--holdout-from \(2025-01-01\) must be before --as-of/);
    // With the default --as-of (the day after the last transaction, found in the file) the check runs on the data.
    const late = runCli(cli, ['report', sample, '--holdout-from', '2030-01-01', '-q']);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/--holdout-from \(2030-01-01T00:00:00.000Z\) must be before --as-of/);
  });
});
