import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, fitParetoNbd, paretoNbdExpectedPurchases } from 'relmark/clv';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';

// CLVTools' apparel data (the 2020 version, CLVTools 0.7.0; see ../shared/data/README.md) with its
// static covariates Gender and Channel. Calibration as in CLVTools' walkthrough: weekly time unit,
// estimation split 40 weeks after the cohort's first purchase (2005-01-03), purchases on one day merged.
const transactionsName = 'apparel_transactions.csv';
const covariatesName = 'apparel_static_covariates.csv';
const transactionsFile = sharedDataFile(transactionsName);
const covariatesFile = sharedDataFile(covariatesName);
const present = transactionsFile !== undefined && covariatesFile !== undefined;
const reason = present ? '' : missingDataReason(transactionsFile === undefined ? transactionsName : covariatesName);

function readRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

function apparelHistories() {
  const transactions = readRows(transactionsFile as string);
  const covariates = new Map(readRows(covariatesFile as string).map(([id, gender, channel]) => [id as string, { Gender: Number(gender), Channel: Number(channel) }]));
  const days = new Map<string, Set<number>>();
  for (const [id, date] of transactions) {
    const set = days.get(id as string) ?? new Set<number>();
    set.add(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    days.set(id as string, set);
  }
  const split = 40;
  return {
    rows: transactions.length,
    histories: [...days].map(([id, set]) => {
      const sorted = [...set].sort((a, b) => a - b);
      const first = sorted[0] as number;
      const calibration = sorted.filter((d) => (d - first) / 7 <= split);
      return { customerId: id, x: calibration.length - 1, tx: ((calibration.at(-1) as number) - first) / 7, T: split, covariates: covariates.get(id) as { Gender: number; Channel: number } };
    }),
  };
}

describe(`Pareto/NBD and BG/NBD with static covariates on CLVTools' apparel data (${transactionsName}, ${covariatesName})`, () => {
  const data = present ? apparelHistories() : { rows: 0, histories: [] };
  const both = { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };

  it.skipIf(!present)(`reads the data as the README describes it ${reason}`, () => {
    expect([data.rows, data.histories.length]).toEqual([2353, 250]);
    expect(data.histories.filter((h) => h.covariates.Gender === 1).length).toBe(178);
    expect(data.histories.filter((h) => h.covariates.Channel === 1).length).toBe(105);
    expect(data.histories.every((h) => h.T === 40 && h.tx <= 40)).toBe(true);
  });

  it.skipIf(!present)(`fits Pareto/NBD with both covariates on both processes: an interior maximum above the plain fit ${reason}`, () => {
    const plain = fitParetoNbd(data.histories);
    const fit = fitParetoNbd(data.histories, { covariates: both });
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-4);
    // Nested models: 4 more parameters can only raise the maximum.
    expect(fit.logLikelihood).toBeGreaterThan(plain.logLikelihood);
    for (const process of ['purchase', 'dropout'] as const) {
      for (const name of both[process]) expect(fit.covariates?.[process].standardErrors[name]).toBeGreaterThan(0);
    }
    // Predictions use the customer's covariates.
    const h = data.histories.find((c) => c.covariates.Gender === 1 && c.covariates.Channel === 1) as (typeof data.histories)[number];
    const g = fit.covariates as NonNullable<typeof fit.covariates>;
    const alpha = fit.params.alpha * Math.exp(-((g.purchase.coefficients.Gender as number) + (g.purchase.coefficients.Channel as number)));
    const beta = fit.params.beta * Math.exp(-((g.dropout.coefficients.Gender as number) + (g.dropout.coefficients.Channel as number)));
    expect(expectedPurchases(fit, h, 52)).toBe(paretoNbdExpectedPurchases({ ...fit.params, alpha, beta }, h, 52));
  });

  it.skipIf(!present)(`is invariant to recoding a covariate: Gender → 1 − Gender flips its coefficient and moves only α₀, β₀ ${reason}`, () => {
    const fit = fitParetoNbd(data.histories, { covariates: both });
    const recoded = data.histories.map((h) => ({ ...h, covariates: { ...h.covariates, Gender: 1 - h.covariates.Gender } }));
    const other = fitParetoNbd(recoded, { covariates: both });
    expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(other.covariates?.purchase.coefficients.Gender).toBeCloseTo(-(fit.covariates?.purchase.coefficients.Gender as number), 4);
    expect(other.covariates?.dropout.coefficients.Gender).toBeCloseTo(-(fit.covariates?.dropout.coefficients.Gender as number), 3);
    expect(other.covariates?.purchase.standardErrors.Gender).toBeCloseTo(fit.covariates?.purchase.standardErrors.Gender as number, 3);
    expect(other.params.r).toBeCloseTo(fit.params.r, 4);
    expect(other.params.s).toBeCloseTo(fit.params.s, 4);
  });

  it.skipIf(!present)(`fits BG/NBD with the covariates (CLVTools' aᵢ, bᵢ = a₀, b₀·e^(γᵀz)) above its plain fit ${reason}`, () => {
    const fit = fitBgNbd(data.histories, { covariates: { purchase: ['Gender', 'Channel'], dropout: ['Channel'] } });
    expect(fit.logLikelihood).toBeGreaterThan(fitBgNbd(data.histories).logLikelihood);
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-4);
  });

  // Not here yet: the issue asks for CLVTools' published static-covariate estimates on this data, and
  // their printed figures (the 0.7.0–0.10.x vignettes; the current online vignette uses the 2024 data
  // set) were not found. They are not invented; issue #19 stays open for them.
});
