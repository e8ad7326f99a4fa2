import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fitBgNbd,
  fitMbgCnbdK,
  fitMbgNbd,
  fitParetoNbd,
  mbgCnbdKExpectedPurchases,
  mbgCnbdKLogLikelihood,
  mbgCnbdKProbabilityAlive,
  paretoNbdExpectedPurchases,
  splitCalibrationHoldout,
  summarizeHistories,
} from 'relmark/clv';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';

// ref: BTYDplus 1.2.0 (mplatzer/BTYDplus), vignettes/BTYDplus-HowTo.Rmd, section "BG/CNBD-k and
// MBG/CNBD-k", on its groceryElog data (Platzer & Reutterer 2016) with T.cal = "2006-12-31" and a
// 52-week holdout; same-day events merge into one (elog2cbs). The vignette's source states in words
// what its printed tables show: k = 2 is chosen; MBG/CNBD-k fits better (higher log-likelihood)
// than NBD, Pareto/NBD, BG/NBD, MBG/NBD and BG/CNBD-k; for 1 … 5 purchases in the first 12 weeks
// and then 40 silent weeks, the forecasts fall with x and lie below Pareto/NBD's; the cohort total
// stays above the actual holdout count; the customer-level MAE improves on Pareto/NBD's. The printed
// numbers of that table are not in the vignette source (it is knitted at build time), so they are
// not asserted here; the relmark values below the claims are this implementation's, pinned as
// regression values (stated as such).
const name = 'grocery_transactions.csv';
const file = sharedDataFile(name);
const reason = file ? '' : missingDataReason(name);
const transactions = file
  ? readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => {
      const [cust, date] = line.split(',');
      return { customerId: cust as string, at: date as string, amount: 0 };
    })
  : [];

describe(`MBG/CNBD-k on BTYDplus' grocery panel (${name})`, () => {
  const split = () => splitCalibrationHoldout(transactions, { calibrationEnd: '2006-12-31', holdoutEnd: '2007-12-30', litt: true });

  it.skipIf(!file)(`summarises 1,525 customers with litt, as elog2cbs does ${reason}`, () => {
    const histories = summarizeHistories(transactions.filter((t) => t.at <= '2006-12-31'), { asOf: '2006-12-31', litt: true });
    expect(histories.length).toBe(1525);
    expect(split().calibration).toEqual(histories);
    // Customer 10: purchases on 2006-01-03, 2006-01-12 and 2006-04-10 → gaps of 9 and 88 days.
    const ten = histories.find((h) => h.customerId === '10');
    expect(ten?.x).toBe(2);
    expectClose(ten?.litt as number, Math.log(9 / 7) + Math.log(88 / 7), { rtol: 1e-12 });
  });

  it.skipIf(!file)(`chooses k = 2 and fits better than MBG/NBD, BG/NBD and Pareto/NBD ${reason}`, () => {
    const { calibration } = split();
    const fit = fitMbgCnbdK(calibration);
    expect(fit.params.k).toBe(2);
    expect(fit.kProfile.map((p) => p.k)).toEqual([1, 2, 3, 4]);
    const plain = calibration.map(({ x, tx, T }) => ({ x, tx, T }));
    for (const other of [fitMbgNbd(plain), fitBgNbd(plain), fitParetoNbd(plain)]) expect(fit.logLikelihood).toBeGreaterThan(other.logLikelihood);
    // k = 1 of the profile is the MBG/NBD fit (the litt term vanishes at k = 1).
    expectClose(fit.kProfile[0]?.logLikelihood as number, fitMbgNbd(plain).logLikelihood, { rtol: 1e-9 });
    // relmark's own values (regression pins, not published figures): rtol 1e-6.
    expectClose([fit.params.r, fit.params.alpha, fit.params.a, fit.params.b], [1.32917535, 2.81255121, 0.42470899, 0.79002874], { rtol: 1e-6 });
    expectClose(fit.logLikelihood, -14978.2107316, { rtol: 1e-9 });
    expectClose(mbgCnbdKLogLikelihood(fit.params, calibration), fit.logLikelihood, { rtol: 1e-12 });
  });

  it.skipIf(!file)(`forecasts as the vignette describes: lower than Pareto/NBD after a long silence, optimistic in total, better MAE ${reason}`, () => {
    const { calibration, holdout } = split();
    const fit = fitMbgCnbdK(calibration);
    const pnbd = fitParetoNbd(calibration.map(({ x, tx, T }) => ({ x, tx, T })));
    const silent = [1, 2, 3, 4, 5].map((x) => ({ x, tx: 12, T: 52 }));
    const est = silent.map((h) => mbgCnbdKExpectedPurchases(fit.params, h, 52));
    for (let i = 1; i < est.length; i++) expect(est[i] as number).toBeLessThan(est[i - 1] as number);
    silent.forEach((h, i) => expect(est[i] as number).toBeLessThan(paretoNbdExpectedPurchases(pnbd.params, h, 52)));
    const palive = silent.map((h) => mbgCnbdKProbabilityAlive(fit.params, h));
    for (let i = 1; i < palive.length; i++) expect(palive[i] as number).toBeLessThan(palive[i - 1] as number);
    const actual = holdout.map((h) => h.purchases);
    const mbgcnbd = calibration.map((h) => mbgCnbdKExpectedPurchases(fit.params, h, 52));
    const pareto = calibration.map((h) => paretoNbdExpectedPurchases(pnbd.params, h, 52));
    const sum = (v: readonly number[]) => v.reduce((s, a) => s + a, 0);
    expect(sum(mbgcnbd)).toBeGreaterThan(sum(actual));
    const mae = (est: readonly number[]) => sum(est.map((e, i) => Math.abs((actual[i] as number) - e))) / sum(actual);
    expect(mae(mbgcnbd)).toBeLessThan(mae(pareto));
  });
});
