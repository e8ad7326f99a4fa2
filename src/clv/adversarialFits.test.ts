import { describe, expect, it } from 'vitest';
import {
  fitBgBbUnchecked,
  fitBgNbdUnchecked,
  fitGammaGammaUnchecked,
  fitMbgCnbdKUnchecked,
  fitMbgNbdUnchecked,
  fitParetoNbdUnchecked,
  fitSbg,
  type HistoryColumns,
  type HistoryColumnsWithLitt,
} from 'relmark/clv';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { adversarialBgBbHistories, adversarialHistories, adversarialSpends, adversarialSurvival } from './adversarialCases.js';
import { defaultMaxEvaluations } from '../numeric/maximizeLikelihood.js';

// Issue #17: every fitter answers every adversarial data set with a fit whose numbers are all finite
// or with a typed error; a search that cannot succeed stops within its evaluation budget. Durations are
// measured by scripts/fit-sweep.ts, never asserted here: the budget is asserted as evaluation counts.

/** Every number in a (nested) plain value. */
function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersOf);
  return [];
}

type Outcome = { kind: 'fit'; numbers: number[] } | { kind: 'error'; code: string; evaluations: number; maxEvaluations: number };

function outcomeOf(fit: () => unknown): Outcome {
  try {
    return { kind: 'fit', numbers: numbersOf(fit()) };
  } catch (error) {
    if (!isRelmarkError(error)) throw error;
    const details = error.details ?? {};
    return {
      kind: 'error',
      code: error.code,
      evaluations: typeof details.evaluations === 'number' ? details.evaluations : 0,
      maxEvaluations: typeof details.maxEvaluations === 'number' ? details.maxEvaluations : defaultMaxEvaluations,
    };
  }
}

function expectAnswered(outcome: Outcome): void {
  if (outcome.kind === 'fit') {
    expect(outcome.numbers.filter((v) => !Number.isFinite(v))).toEqual([]);
    return;
  }
  expect(['degenerate_data', 'not_converged']).toContain(outcome.code);
  // The warm start (not used below 20,000 rows) is the only search outside this budget.
  expect(outcome.evaluations).toBeLessThanOrEqual(outcome.maxEvaluations);
}

const histories = adversarialHistories();
const transactionFitters = [
  ['fitBgNbd', fitBgNbdUnchecked],
  ['fitMbgNbd', fitMbgNbdUnchecked],
  ['fitParetoNbd', fitParetoNbdUnchecked],
  // k chosen by likelihood (1 … 4 to bound the time), on litt = x·ln(tx/x): the largest value the gaps allow.
  ['fitMbgCnbdK', (data: HistoryColumns) => fitMbgCnbdKUnchecked(withLitt(data), { kMax: 4 })],
] as const;

function withLitt(data: HistoryColumns): HistoryColumnsWithLitt {
  return { ...data, litt: data.x.map((x, i) => (x > 0 && (data.tx[i] as number) > 0 ? x * Math.log((data.tx[i] as number) / x) : 0)) };
}

describe.each(transactionFitters)('%s on adversarial histories', (_, fit) => {
  it.each(histories.map((c) => [c.name, c.data] as const))('answers %s with a finite fit or a typed error', (_name, data) => {
    expectAnswered(outcomeOf(() => fit(data)));
  });

  it.each(['all x = 0 (500 customers)', '500 identical customers', 'one customer', 'zero weights except one row'])(
    'throws degenerate_data at once for %s',
    (name) => {
      const data = histories.find((c) => c.name === name)?.data;
      expect(outcomeOf(() => fit(data as never))).toMatchObject({ kind: 'error', code: 'degenerate_data', evaluations: 0 });
    },
  );
});

describe('fitBgBb on adversarial histories', () => {
  const cases = adversarialBgBbHistories();
  it.each(cases.map((c) => [c.name, c.data] as const))('answers %s with a finite fit or a typed error', (_name, data) => {
    expectAnswered(outcomeOf(() => fitBgBbUnchecked(data)));
  });

  it.each(['all x = 0 (500 customers)', '500 identical customers', 'one customer', 'everybody transacts every time', 'zero weights except one row'])(
    'throws degenerate_data at once for %s',
    (name) => {
      const data = cases.find((c) => c.name === name)?.data;
      expect(outcomeOf(() => fitBgBbUnchecked(data as never))).toMatchObject({ kind: 'error', code: 'degenerate_data', evaluations: 0 });
    },
  );
});

describe('fitGammaGamma on adversarial spends', () => {
  const cases = adversarialSpends();
  it.each(cases.map((c) => [c.name, c.data] as const))('answers %s with a finite fit or a typed error', (_name, data) => {
    expectAnswered(outcomeOf(() => fitGammaGammaUnchecked(data)));
  });

  it.each(['equal spends (500)', 'one customer'])('throws degenerate_data at once for %s', (name) => {
    const data = cases.find((c) => c.name === name)?.data;
    expect(outcomeOf(() => fitGammaGammaUnchecked(data as never))).toMatchObject({ kind: 'error', code: 'degenerate_data', evaluations: 0 });
  });

  it('fits spends of 1e300 with finite parameters that scale with the money unit', () => {
    const small = cases.find((c) => c.name === 'spends of 1e300')?.data as (typeof cases)[number]['data'];
    const fit = fitGammaGammaUnchecked(small);
    const unit = fitGammaGammaUnchecked({ x: small.x, monetaryMean: small.monetaryMean.map((z) => z / 1e300) });
    expect(numbersOf(fit).every(Number.isFinite)).toBe(true);
    expect(Math.abs(fit.params.v / 1e300 / unit.params.v - 1)).toBeLessThan(1e-6);
    expect(Math.abs(fit.params.p / unit.params.p - 1)).toBeLessThan(1e-6);
  });
});

describe('fitSbg on adversarial survival counts', () => {
  const cases = adversarialSurvival();
  it.each(cases.map((c) => [c.name, c.data] as const))('answers %s with a finite fit or a typed error', (_name, data) => {
    expectAnswered(outcomeOf(() => fitSbg(data)));
  });

  it.each(['nobody churns', 'everybody churns in the first period'])('throws degenerate_data at once when %s', (name) => {
    const data = cases.find((c) => c.name === name)?.data;
    expect(outcomeOf(() => fitSbg(data as never))).toMatchObject({ kind: 'error', code: 'degenerate_data', evaluations: 0 });
  });

  it('fits counts near 1e-300 as it fits the same proportions at 1,000', () => {
    const tiny = cases.find((c) => c.name === 'counts near 1e-300')?.data as number[];
    const fit = fitSbg(tiny);
    const plain = fitSbg(tiny.map((a) => a * 1e303));
    expect(numbersOf(fit).every(Number.isFinite)).toBe(true);
    expect(Math.abs(fit.params.alpha / plain.params.alpha - 1)).toBeLessThan(1e-9);
    expect(Math.abs(fit.params.beta / plain.params.beta - 1)).toBeLessThan(1e-9);
  });
});
