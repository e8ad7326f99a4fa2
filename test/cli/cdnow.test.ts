import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, holdoutValidation, splitCalibrationHoldout, summarizeHistories } from 'relmark/clv';
import { scoreRfm, segmentRfm, summarizeRfm } from 'relmark/rfm';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';
import { buildCli, runCli, tempDir } from './runCli.js';
import { readCdnowMaster } from '../helpers/cdnowMaster.js';

const name = 'CDNOW_master.txt';
const file = sharedDataFile(name);

describe(`relmark report on ${name}`, { timeout: 120_000 }, () => {
  let cli = '';
  beforeAll(async () => {
    if (file) cli = await buildCli();
  }, 60_000);

  it.skipIf(!file)(`reads the whole cohort and fits the same BG/NBD as the library ${file ? '' : missingDataReason(name)}`, () => {
    const out = tempDir();
    const run = runCli(cli, ['report', file as string, '--as-of', '1998-07-01', '--out', out, '--format', 'json', '-q'], { timeout: 110_000 });
    expect(run.code, run.stderr).toBe(0);
    // The README of the shared data: 69,659 rows, all customers of the Q1-1997 cohort (23,570).
    expect(run.stdout).toContain('69,659 rows read (columns customerId=customer_id,at=date,amount=dollar_value), 69,659 valid, 0 rejected');
    expect(run.stdout).toContain('RFM segments of 23,570 customers');

    // The full-data MLE, computed here with the library on the same summaries (x, tx, T in weeks as
    // of 1998-07-01, purchases merged by day as lifetimes does). No published table gives the
    // 78-week full-cohort fit; the 39-week calibration MLE on the 1/10 sample is checked against
    // FHL 2005 in test/reference/clvBgNbd.cdnow.test.ts.
    const histories = summarizeHistories(readCdnowMaster(file as string), { asOf: '1998-07-01', timeUnit: 'week' });
    const expected = fitBgNbd(histories, { timeUnit: 'week' });
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as { transactionModel: typeof expected; repeatPurchases: { label: string; actual: number }[] };
    expect(fit.transactionModel.customers).toBe(23_570);
    // Same summaries and optimiser, so the same numbers up to rounding: rtol 1e-9.
    const p = fit.transactionModel.params;
    expectClose([p.r, p.alpha, p.a, p.b], [expected.params.r, expected.params.alpha, expected.params.a, expected.params.b], { rtol: 1e-9 });
    expectClose(fit.transactionModel.logLikelihood, expected.logLikelihood, { rtol: 1e-12 });
    // Customers without a repeat purchase in the whole period.
    expect(fit.repeatPurchases[0]).toMatchObject({ label: '0', actual: histories.filter((h) => h.x === 0).length });

    // Every customer: the command's one pass gives the library's histories (x, tx, T exactly; mean
    // spend to rounding) and RFM summaries, scores and segments.
    const customers = JSON.parse(readFileSync(join(out, 'customers.json'), 'utf8')) as { customerId: string; x: number; tx: number; T: number; recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number; segment: string }[];
    expect(customers.map((c) => c.customerId)).toEqual(histories.map((h) => h.customerId));
    const { summaries } = summarizeRfm(readCdnowMaster(file as string), { asOf: '1998-07-01' });
    const segments = segmentRfm(scoreRfm(summaries).scores);
    customers.forEach((c, i) => {
      const h = histories[i];
      const s = summaries[i];
      const g = segments[i];
      expect([c.x, c.tx, c.T, c.recencyDays, c.frequency, c.r, c.f, c.m, c.segment]).toEqual([h?.x, h?.tx, h?.T, s?.recency, s?.frequency, g?.r, g?.f, g?.m, g?.segment]);
      expectClose(c.monetary, s?.monetary ?? Number.NaN, { rtol: 1e-12 });
    });
  });

  it.skipIf(!file)(`--holdout-from 1997-10-01 checks the same holdout as the library on the 39/39-week split ${file ? '' : missingDataReason(name)}`, () => {
    const out = tempDir();
    const run = runCli(cli, ['report', file as string, '--as-of', '1998-07-01', '--holdout-from', '1997-10-01', '--out', out, '--format', 'json', '-q', '--top', '0'], { timeout: 110_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Holdout check: repeat purchases from 1997-10-01 to 1998-07-01');
    // --holdout-from is the first day of the holdout. The library's calibrationEnd is inclusive, so the
    // same split is calibrationEnd 1997-09-30 (FHL 2005 and lifetimes' calibration_period_end):
    // a customer who first bought on 1997-01-01 has T = 272 days = 38.86 weeks.
    const split = splitCalibrationHoldout(readCdnowMaster(file as string), { calibrationEnd: '1997-09-30', holdoutEnd: '1998-07-01', timeUnit: 'week' });
    const fitted = fitBgNbd(split.calibration, { timeUnit: 'week' });
    const expected = holdoutValidation(fitted, split).totals;
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as {
      transactionModel: typeof fitted;
      holdout: { calibrationEnd: string; duration: number; totals: typeof expected };
    };
    expect(fit.holdout.calibrationEnd).toBe('1997-09-30T23:59:59.999Z');
    expect(fit.holdout.duration).toBe(split.holdout[0]?.duration);
    expect(fit.transactionModel.customers).toBe(23_570);
    // Same split and optimiser: parameters to rtol 1e-9; the holdout totals are sums over the same customers.
    const p = fit.transactionModel.params;
    expectClose([p.r, p.alpha, p.a, p.b], [fitted.params.r, fitted.params.alpha, fitted.params.a, fitted.params.b], { rtol: 1e-9 });
    expect(fit.holdout.totals.customers).toBe(expected.customers);
    expect(fit.holdout.totals.actual).toBe(expected.actual);
    expectClose([fit.holdout.totals.expected, fit.holdout.totals.mae, fit.holdout.totals.rmse, fit.holdout.totals.bias], [expected.expected, expected.mae, expected.rmse, expected.bias], { rtol: 1e-9 });
  });
});
