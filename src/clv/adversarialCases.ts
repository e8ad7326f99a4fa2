/**
 * Adversarial data sets for the seven fitters (issue #17, "fits that never end"): shapes that cannot
 * identify a model, sit on a boundary of the parameter space, or stretch the numbers (tiny and huge
 * T, huge x, huge and tiny spends), plus one well-posed control per family. Shared by
 * `adversarialFits.test.ts` and `scripts/fit-sweep.ts`; not part of the package (no entry point
 * re-exports it). Every set is valid input of its fitter and has at most 1,000 rows.
 * @internal
 * @module
 */
import type { BgBbColumns } from './bgBb/bgBbHistory.js';
import { simulateBgBb } from './bgBb/simulateBgBb.js';
import { simulateBgNbd } from './bgNbd/simulateBgNbd.js';
import type { SpendColumns } from './gammaGamma/gammaGammaLogLikelihood.js';
import type { HistoryColumns } from './historyColumns.js';
import { simulateParetoNbd } from './paretoNbd/simulateParetoNbd.js';

/** A named data set. @internal */
export interface AdversarialCase<D> {
  readonly name: string;
  readonly data: D;
}

const column = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));

/** Transaction histories (x, tx, T) for BG/NBD, MBG/NBD and Pareto/NBD: 20 sets. @internal */
export function adversarialHistories(): AdversarialCase<HistoryColumns>[] {
  const sim = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 1000, T: 39, seed: 17 });
  return [
    { name: 'all x = 0 (500 customers)', data: { x: new Float64Array(500), tx: new Float64Array(500), T: column(500, (i) => 10 + (i % 30)) } },
    { name: '500 identical customers', data: { x: new Float64Array(500).fill(3), tx: new Float64Array(500).fill(20), T: new Float64Array(500).fill(30) } },
    { name: 'T = 1e-9', data: { x: column(500, (i) => i % 4), tx: column(500, (i) => (i % 4 === 0 ? 0 : 0.5e-9)), T: new Float64Array(500).fill(1e-9) } },
    { name: '200 equal purchase patterns', data: { x: new Float64Array(200).fill(2), tx: column(200, (i) => 5 + (i % 10)), T: column(200, (i) => 10 + (i % 10) * 2) } },
    { name: 'one customer', data: { x: Float64Array.of(3), tx: Float64Array.of(5), T: Float64Array.of(10) } },
    { name: 'two customers', data: { x: Float64Array.of(3, 0), tx: Float64Array.of(5, 0), T: Float64Array.of(10, 10) } },
    { name: 'no dropout: last purchase at T', data: { x: column(1000, (i) => 1 + (i % 7)), tx: new Float64Array(1000).fill(39), T: new Float64Array(1000).fill(39) } },
    { name: 'T = 1e9', data: { x: column(500, (i) => i % 5), tx: column(500, (i) => (i % 5 === 0 ? 0 : 1e9 * ((i % 13) + 1) / 14)), T: new Float64Array(500).fill(1e9) } },
    { name: 'huge x (1e6) beside x = 0', data: { x: column(400, (i) => (i % 2 === 0 ? 1e6 : 0)), tx: column(400, (i) => (i % 2 === 0 ? 38 : 0)), T: new Float64Array(400).fill(39) } },
    { name: 'x > 0 with tx = 0 everywhere', data: { x: column(300, (i) => 1 + (i % 3)), tx: new Float64Array(300), T: column(300, (i) => 5 + (i % 20)) } },
    { name: 'one buyer among 999 zeros', data: { x: column(1000, (i) => (i === 0 ? 5 : 0)), tx: column(1000, (i) => (i === 0 ? 30 : 0)), T: new Float64Array(1000).fill(39) } },
    { name: 'T from 1e-6 to 1e6', data: { x: column(600, (i) => i % 3), tx: column(600, (i) => (i % 3 === 0 ? 0 : 10 ** ((i % 13) - 6) / 2)), T: column(600, (i) => 10 ** ((i % 13) - 6)) } },
    { name: 'one row of weight 1e6 beside light rows', data: { x: Float64Array.of(2, 0, 1, 4), tx: Float64Array.of(20, 0, 5, 35), T: Float64Array.of(39, 39, 30, 39), weights: Float64Array.of(1e6, 1, 1, 1) } },
    { name: 'two distinct histories, 500 each', data: { x: column(1000, (i) => (i % 2 === 0 ? 4 : 0)), tx: column(1000, (i) => (i % 2 === 0 ? 30 : 0)), T: new Float64Array(1000).fill(39) } },
    { name: 'x = 1 for all, tx spread, one T', data: { x: new Float64Array(500).fill(1), tx: column(500, (i) => 1 + (i % 38)), T: new Float64Array(500).fill(39) } },
    { name: 'x = 200 for all (stable-logp stress)', data: { x: new Float64Array(300).fill(200), tx: column(300, (i) => 30 + (i % 9)), T: new Float64Array(300).fill(39) } },
    { name: 'zero weights except one row', data: { x: Float64Array.of(2, 3, 0), tx: Float64Array.of(10, 20, 0), T: Float64Array.of(30, 30, 30), weights: Float64Array.of(0, 5, 0) } },
    { name: 'T equal 1e-300 for all', data: { x: column(200, (i) => i % 3), tx: column(200, (i) => (i % 3 === 0 ? 0 : 5e-301)), T: new Float64Array(200).fill(1e-300) } },
    { name: 'control: BG/NBD simulation (1,000)', data: sim },
    { name: 'control: Pareto/NBD simulation (1,000)', data: simulateParetoNbd({ params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, customers: 1000, T: 39, seed: 17 }) },
  ];
}

/** BG/BB histories (x, tx, n): 18 sets. @internal */
export function adversarialBgBbHistories(): AdversarialCase<BgBbColumns>[] {
  return [
    { name: 'all x = 0 (500 customers)', data: { x: new Float64Array(500), tx: new Float64Array(500), n: new Float64Array(500).fill(6) } },
    { name: '500 identical customers', data: { x: new Float64Array(500).fill(3), tx: new Float64Array(500).fill(5), n: new Float64Array(500).fill(6) } },
    { name: 'one customer', data: { x: Float64Array.of(2), tx: Float64Array.of(4), n: Float64Array.of(6) } },
    { name: 'everybody transacts every time', data: { x: column(300, (i) => 1 + (i % 6)), tx: column(300, (i) => 1 + (i % 6)), n: column(300, (i) => 1 + (i % 6)) } },
    { name: 'n = 1 for all', data: { x: column(400, (i) => i % 2), tx: column(400, (i) => i % 2), n: new Float64Array(400).fill(1) } },
    { name: 'n = 1000, x = 1000 for half', data: { x: column(400, (i) => (i % 2 === 0 ? 1000 : 0)), tx: column(400, (i) => (i % 2 === 0 ? 1000 : 0)), n: new Float64Array(400).fill(1000) } },
    { name: 'n = 1000, few transactions', data: { x: column(500, (i) => i % 3), tx: column(500, (i) => (i % 3 === 0 ? 0 : 1 + ((i * 37) % 999))), n: new Float64Array(500).fill(1000) } },
    { name: 'two distinct patterns', data: { x: column(1000, (i) => (i % 2 === 0 ? 2 : 0)), tx: column(1000, (i) => (i % 2 === 0 ? 5 : 0)), n: new Float64Array(1000).fill(6) } },
    { name: 'tx = n for everyone, x varies', data: { x: column(600, (i) => 1 + (i % 6)), tx: new Float64Array(600).fill(6), n: new Float64Array(600).fill(6) } },
    { name: 'x = 1 for all, tx spread', data: { x: new Float64Array(600).fill(1), tx: column(600, (i) => 1 + (i % 6)), n: new Float64Array(600).fill(6) } },
    { name: 'one buyer among 999 zeros', data: { x: column(1000, (i) => (i === 0 ? 3 : 0)), tx: column(1000, (i) => (i === 0 ? 5 : 0)), n: new Float64Array(1000).fill(6) } },
    { name: 'weights 1e9 on one pattern', data: { x: Float64Array.of(0, 2, 6), tx: Float64Array.of(0, 4, 6), n: Float64Array.of(6, 6, 6), weights: Float64Array.of(1e9, 1, 1) } },
    { name: 'n = 0 beside n = 6', data: { x: column(300, (i) => (i % 3 === 0 ? 0 : i % 3)), tx: column(300, (i) => (i % 3 === 0 ? 0 : 3)), n: column(300, (i) => (i % 3 === 0 ? 0 : 6)) } },
    { name: 'mixed n from 1 to 50', data: { x: column(500, (i) => (i * 7) % (1 + (i % 50))), tx: column(500, (i) => ((i * 7) % (1 + (i % 50)) === 0 ? 0 : 1 + (i % 50))), n: column(500, (i) => 1 + (i % 50)) } },
    { name: 'zero weights except one row', data: { x: Float64Array.of(2, 3), tx: Float64Array.of(4, 5), n: Float64Array.of(6, 6), weights: Float64Array.of(0, 7) } },
    { name: 'donations (Fader, Hardie & Shang 2010)', data: { x: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 1, 2, 3), tx: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 6, 6, 6), n: new Float64Array(10).fill(6), weights: Float64Array.of(3464, 1091, 613, 322, 240, 335, 1203, 129, 234, 357) } },
    { name: 'control: BG/BB simulation (1,000)', data: simulateBgBb({ params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, customers: 1000, n: 6, seed: 17 }) },
    { name: 'control: BG/BB simulation, n = 30', data: simulateBgBb({ params: { alpha: 0.5, beta: 2, gamma: 1, delta: 5 }, customers: 1000, n: 30, seed: 18 }) },
  ];
}

/** Repeat buyers' spends (x ≥ 1, z̄ > 0) for Gamma-Gamma: 18 sets. @internal */
export function adversarialSpends(): AdversarialCase<SpendColumns>[] {
  const spread = (n: number, f: (i: number) => number) => ({ x: column(n, (i) => 1 + (i % 5)), monetaryMean: column(n, f) });
  return [
    { name: 'equal spends (500)', data: { x: column(500, (i) => 1 + (i % 5)), monetaryMean: new Float64Array(500).fill(10) } },
    { name: 'spends of 1e300', data: spread(500, (i) => 1e300 * (1 + (i % 7) / 3)) },
    { name: 'spends of 1e-300', data: spread(500, (i) => 1e-300 * (1 + (i % 7) / 3)) },
    { name: 'spends from 1e-100 to 1e100', data: spread(400, (i) => 10 ** ((i % 201) - 100)) },
    { name: 'one customer', data: { x: Float64Array.of(2), monetaryMean: Float64Array.of(25) } },
    { name: 'two customers', data: { x: Float64Array.of(2, 3), monetaryMean: Float64Array.of(25, 40) } },
    { name: 'x = 1e6 for all', data: { x: new Float64Array(300).fill(1e6), monetaryMean: column(300, (i) => 10 + (i % 17)) } },
    { name: 'x = 1 for all', data: { x: new Float64Array(500).fill(1), monetaryMean: column(500, (i) => 5 + ((i * 13) % 50)) } },
    { name: 'two distinct spends', data: spread(1000, (i) => (i % 2 === 0 ? 10 : 20)) },
    { name: 'one outlier of 1e12 among tens', data: spread(500, (i) => (i === 0 ? 1e12 : 10 + (i % 9))) },
    { name: 'spends 1e300 and 1e-300', data: spread(300, (i) => (i % 2 === 0 ? 1e300 : 1e-300)) },
    { name: 'huge weights', data: { x: Float64Array.of(1, 2, 3), monetaryMean: Float64Array.of(10, 20, 30), weights: Float64Array.of(1e12, 1e12, 1) } },
    { name: 'spends identical per x', data: { x: column(600, (i) => 1 + (i % 3)), monetaryMean: column(600, (i) => 10 * (1 + (i % 3))) } },
    { name: 'spends near 1 (1 ± 1e-12)', data: spread(400, (i) => 1 + ((i % 3) - 1) * 1e-12) },
    { name: 'x = 1e6 with spends of 1e300', data: { x: column(300, (i) => (i % 2 === 0 ? 1e6 : 1)), monetaryMean: column(300, (i) => 1e300 * (1 + (i % 5))) } },
    { name: 'CDNOW-like spends', data: spread(1000, (i) => 5 + ((i * 7919) % 200) * ((i % 11) + 1) / 3) },
    { name: 'gamma-distributed spends (control)', data: spread(1000, (i) => 20 * (0.2 + ((i * 2654435761) % 1000) / 400)) },
    { name: 'zero weights except two rows', data: { x: Float64Array.of(1, 2, 3), monetaryMean: Float64Array.of(10, 20, 30), weights: Float64Array.of(0, 3, 4) } },
  ];
}

/** Survival counts for sBG: 18 sets. @internal */
export function adversarialSurvival(): AdversarialCase<number[]>[] {
  const geometric = (k: number, start: number, keep: number) => Array.from({ length: k + 1 }, (_, t) => start * keep ** t);
  return [
    { name: 'nobody churns', data: [100, 100, 100] },
    { name: 'everybody churns in the first period', data: [100, 0, 0] },
    { name: 'counts near 1e-300', data: [1e-300, 8.69e-301, 7.43e-301, 6.53e-301, 5.93e-301] },
    { name: 'counts near 1e300', data: [1e300, 8.69e299, 7.43e299, 6.53e299, 5.93e299] },
    { name: 'denormal counts', data: [1e-310, 8e-311, 6e-311, 5e-311] },
    { name: 'two counts', data: [100, 60] },
    { name: 'constant retention (geometric)', data: geometric(12, 1000, 0.8) },
    { name: 'one churner in a billion', data: [1e9, 1e9 - 1, 1e9 - 1, 1e9 - 1] },
    { name: '1,000 periods', data: Array.from({ length: 1001 }, (_, t) => 1e6 / (1 + t) ** 0.5) },
    { name: 'everybody gone by the end', data: [100, 50, 20, 5, 0] },
    { name: 'churn only at the end', data: [100, 100, 100, 100, 40] },
    { name: 'percentages', data: [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1] },
    { name: 'cohort of one', data: [1, 1, 0] },
    { name: 'fast then no churn', data: [1000, 100, 100, 100, 100] },
    { name: 'tiny churn every period', data: Array.from({ length: 50 }, (_, t) => 1000 - t * 1e-6) },
    { name: 'counts 1e300 down to 1', data: [1e300, 1e200, 1e100, 1] },
    { name: 'regular (Fader & Hardie 2007)', data: [1000, 869, 743, 653, 593, 551, 517, 491] },
    { name: 'high end (Fader & Hardie 2007)', data: [1000, 631, 468, 382, 326, 289, 262, 241] },
  ];
}
