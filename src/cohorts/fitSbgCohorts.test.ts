import { describe, expect, it } from 'vitest';
import { fitSbg, sbgDerl, sbgSurvival } from 'relmark/clv';
import { cohortTable, fitSbgCohorts, projectSbgCohorts } from 'relmark/cohorts';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

// Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1).
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitSbgCohorts', () => {
  // ref: Fader & Hardie 2007, printed to 3 decimals: regular α 0.704, β 1.182; high end α 0.668, β 3.806 (atol 5e-4).
  it('reproduces the published estimates for the regular and high-end cohorts, per cohort (atol 5e-4)', () => {
    const fit = fitSbgCohorts([{ cohort: 'regular', alive: regular }, { cohort: 'high end', alive: highEnd }], { parameters: 'per-cohort' });
    expectClose([fit.cohorts[0]!.params.alpha, fit.cohorts[0]!.params.beta], [0.704, 1.182], { atol: 5e-4, rtol: 0 });
    expectClose([fit.cohorts[1]!.params.alpha, fit.cohorts[1]!.params.beta], [0.668, 3.806], { atol: 5e-4, rtol: 0 });
    expectClose(fit.logLikelihood, fitSbg(regular).logLikelihood + fitSbg(highEnd).logLikelihood, { rtol: 1e-9 });
    expect([fit.model, fit.parameters, fit.parameterCount, fit.skipped]).toEqual(['sbg-cohorts', 'per-cohort', 4, []]);
    expect(fit.aic).toBeCloseTo(8 - 2 * fit.logLikelihood, 9);
  });

  it('fits one pair to both cohorts whose likelihood is below the per-cohort one, and equal to fitSbg for one cohort', () => {
    const shared = fitSbgCohorts([{ cohort: 'regular', alive: regular }, { cohort: 'high end', alive: highEnd }]);
    const perCohort = fitSbgCohorts([{ cohort: 'regular', alive: regular }, { cohort: 'high end', alive: highEnd }], { parameters: 'per-cohort' });
    expect(shared.parameterCount).toBe(2);
    expect(shared.cohorts[0]!.params).toEqual(shared.cohorts[1]!.params);
    expect(shared.logLikelihood).toBeLessThan(perCohort.logLikelihood);
    expectClose(shared.logLikelihood, shared.cohorts[0]!.logLikelihood + shared.cohorts[1]!.logLikelihood, { rtol: 1e-9 });
    // Here the data prefer two pairs by far (ΔAIC ≈ 200): the cohorts differ.
    expect(perCohort.aic).toBeLessThan(shared.aic);
    const alone = fitSbgCohorts([{ cohort: 'high end', alive: highEnd }]);
    expectClose([alone.cohorts[0]!.params.alpha, alone.cohorts[0]!.params.beta], [fitSbg(highEnd).params.alpha, fitSbg(highEnd).params.beta], { rtol: 1e-5 });
  });

  it('fits cohorts of different ages together (a triangle), skipping cohorts with one count', () => {
    const triangle = [regular, regular.slice(0, 6), regular.slice(0, 4), regular.slice(0, 1)].map((alive, i) => ({ cohort: `c${i}`, alive }));
    const fit = fitSbgCohorts(triangle);
    expectClose([fit.cohorts[0]!.params.alpha, fit.cohorts[0]!.params.beta], [0.704, 1.182], { rtol: 0.15 });
    expect(fit.skipped.map((s) => s.cohort)).toEqual(['c3']);
    expect(fit.cohorts.map((c) => c.periods)).toEqual([7, 5, 3]);
  });

  it('fits the survivors of a cohort table', () => {
    // Subscribers paying each month until they leave: 10 join in January, 2 leave after each month.
    const rows = [];
    for (let i = 0; i < 10; i++) {
      const months = Math.min(6, 1 + Math.floor(i / 2) + (i % 2));
      for (let m = 0; m < months; m++) rows.push({ customerId: `s${i}`, at: new Date(Date.UTC(2024, m, 3)).toISOString(), amount: 9 });
    }
    const table = cohortTable(rows, { asOf: '2024-07-15', period: 'month' });
    const alive = table.cohorts[0]!.cells.filter((c) => c.complete).map((c) => c.survivors);
    const fit = fitSbgCohorts(table);
    expect(fit.cohorts[0]!.periods).toBe(alive.length - 1);
    expect(fit.cohorts[0]!.params).toEqual(fitSbgCohorts([{ cohort: '2024-01', alive }]).cohorts[0]!.params);
  });

  it.each([
    ['a count that increases', [{ cohort: 'a', alive: [10, 11] }], 'invalid_input', ['cohorts', 0, 'alive', 1]],
    ['a negative count', [{ cohort: 'a', alive: [10, -1] }], 'invalid_input', ['cohorts', 0, 'alive', 1]],
    ['no cohort with two counts', [{ cohort: 'a', alive: [10] }], 'invalid_input', ['cohorts']],
    ['nobody churning anywhere', [{ cohort: 'a', alive: [10, 10, 10] }], 'degenerate_data', ['cohorts']],
  ])('rejects %s with its path', (_, cohorts, code, path) => {
    const error = thrownRelmarkError(() => fitSbgCohorts(cohorts));
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('rejects an unknown parameters option', () => {
    expect(thrownRelmarkError(() => fitSbgCohorts([{ cohort: 'a', alive: regular }], { parameters: 'pooled' as never })).code).toBe('invalid_options');
  });
});

describe('projectSbgCohorts', () => {
  const fit = fitSbgCohorts([{ cohort: 'regular', alive: regular }, { cohort: 'high end', alive: highEnd }], { parameters: 'per-cohort' });
  const projections = projectSbgCohorts(fit, { horizon: 5, discountRate: 0.1 });

  it('projects survival, retention and DERL with the sBG formulas', () => {
    const [p] = projections;
    const params = fit.cohorts[0]!.params;
    expect(p!.survival).toHaveLength(13);
    expectClose(p!.survival[10]!, sbgSurvival(params, 10), { rtol: 1e-12 });
    expectClose(p!.retentionRate[0]!, params.beta / (params.alpha + params.beta), { rtol: 1e-12 });
    expectClose(p!.expectedSurvivors[0]!, (241 * sbgSurvival(params, 8)) / sbgSurvival(params, 7), { rtol: 1e-12 });
    expect(p!.derl).toBe(sbgDerl(params, { discountRate: 0.1, renewals: 7 }));
    expect(p!.residualValue).toBe(241 * p!.derl);
  });

  it('projects survivors that keep falling, and retention rates that rise (heterogeneity)', () => {
    for (const p of projections) {
      for (let i = 1; i < p.expectedSurvivors.length; i++) expect(p.expectedSurvivors[i]!).toBeLessThan(p.expectedSurvivors[i - 1]!);
      for (let i = 1; i < p.retentionRate.length; i++) expect(p.retentionRate[i]!).toBeGreaterThan(p.retentionRate[i - 1]!);
    }
  });

  it.each([
    [{ horizon: 0, discountRate: 0.1 }, ['horizon']],
    [{ horizon: 3, discountRate: 0 }, ['discountRate']],
  ])('rejects %o with its path', (options, path) => {
    const error = thrownRelmarkError(() => projectSbgCohorts(fit, options));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });
});
