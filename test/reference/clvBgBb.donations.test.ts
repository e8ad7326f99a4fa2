import { describe, expect, it } from 'vitest';
import { bgBbLogLikelihood, bgBbProbabilityAlive, fitBgBb, fitBgBbUnchecked } from 'relmark/clv';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';
import { readNumericCsv } from './clvSharedData.js';

const name = 'donations.csv';
const file = sharedDataFile(name);
const reason = file ? '' : missingDataReason(name);
const rows = file ? readNumericCsv(file) : [];
const columns = {
  x: Float64Array.from(rows, (row) => row.frequency as number),
  tx: Float64Array.from(rows, (row) => row.recency as number),
  n: Float64Array.from(rows, (row) => row.periods as number),
  weights: Float64Array.from(rows, (row) => row.weights as number),
};
// Fader, Hardie & Shang (2010), Marketing Science 29(6), Table 2: 1.204, 0.750, 0.657, 2.783.
const published = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe(`BG/BB on the donation data (${name})`, () => {
  it.skipIf(!file)(`fits the reference MLE and log-likelihood ${reason}`, () => {
    expect([rows.length, columns.weights.reduce((s, w) => s + w, 0)]).toEqual([22, 11104]);
    const fit = fitBgBb(columns);
    // ref: issue 4 (lifetimes BetaGeoBetaBinomFitter): α 1.203522, β 0.7497164, γ 0.6567182, δ 2.783442,
    // given to 7 significant digits: rtol 1e-6. FHS 2010 report 1.204, 0.750, 0.657, 2.783.
    expectClose(Object.values(fit.params), [1.203522, 0.7497164, 0.6567182, 2.783442], { rtol: 1e-6 });
    // ref: issue 4, total LL −33225.581274 (FHS 2010: −33,225.6); rtol 1e-10.
    expectClose(fit.logLikelihood, -33225.581274, { rtol: 1e-10 });
    expect(fit.customers).toBe(11104);
    // The published estimates lie within two standard errors of ours.
    for (const key of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(Math.abs(fit.params[key] - published[key]), key).toBeLessThanOrEqual(2 * fit.standardErrors[key]);
    }
  });

  it.skipIf(!file)(`gives the same fit on the 11,104 expanded donors as on the 22 weighted patterns ${reason}`, () => {
    const expanded = rows.flatMap((row) => Array.from({ length: row.weights as number }, () => ({ x: row.frequency as number, tx: row.recency as number, n: row.periods as number })));
    const fit = fitBgBb(expanded);
    expectClose(fit.logLikelihood, fitBgBbUnchecked(columns).logLikelihood, { rtol: 1e-12 });
    expect(fit).toEqual(fitBgBbUnchecked(columns));
  });

  it.skipIf(!file)(`has a higher log-likelihood at the MLE than at the rounded published parameters ${reason}`, () => {
    expect(bgBbLogLikelihood(published, columns)).toBeLessThan(fitBgBbUnchecked(columns).logLikelihood);
  });
});

describe('BG/BB P(alive) at the published parameters (no data file needed)', () => {
  // ref: issue 4 (FHS 2010 eq. 11 at 1.204, 0.750, 0.657, 2.783; n = 6), given to 5 digits: atol 5e-6.
  it.each([
    [0, 0, 0.10802],
    [2, 4, 0.58951],
    [6, 6, 0.9304],
  ])('P(alive | x = %i, tx = %i, n = 6) = %s', (x, tx, expected) => {
    expectClose(bgBbProbabilityAlive(published, { x, tx, n: 6 }), expected, { atol: 5e-6, rtol: 0 });
  });
});
