// The CLV area: summaries, the calibration split and the fitters on hostile input.
import {
  fitBgNbd,
  fitGammaGamma,
  fitMbgCnbdK,
  mbgCnbdKExpectedPurchases,
  mbgCnbdKExpectedPurchasesNewCustomer,
  mbgCnbdKLogLikelihood,
  mbgCnbdKProbabilityAlive,
  mbgCnbdKProbabilityOfPurchases,
  simulateBgNbd,
  simulateMbgCnbdK,
  splitCalibrationHoldout,
  summarizeHistories,
} from '../../../src/clv/index.js';
import type { SweepCase } from '../run.js';

const transactions = () => [
  { customerId: 'a', at: '1997-01-01', amount: 10 },
  { customerId: 'a', at: '1997-01-15', amount: 20 },
  { customerId: 'b', at: '1997-01-08', amount: 7 },
  { customerId: 'c', at: '1997-01-09', amount: 7 },
  { customerId: 'c', at: '1997-01-19', amount: 9 },
];
// Histories the models can identify (simulated from BG/NBD, so customers drop out), with spends.
const simulated = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 60, T: 39, seed: 3 });
const histories = () =>
  Array.from(simulated.x, (x, i) => ({ customerId: `c${i}`, x, tx: simulated.tx[i] as number, T: simulated.T[i] as number, monetaryMean: x === 0 ? 0 : 10 + ((i * 37) % 23) * 1.7 }));

// MBG/CNBD-k histories carry litt (the sum of the log inter-purchase times).
const regular = simulateMbgCnbdK({ params: { k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, customers: 60, T: 52, seed: 3 });
const regularHistories = () => Array.from(regular.x, (x, i) => ({ customerId: `r${i}`, x, tx: regular.tx[i] as number, T: regular.T[i] as number, litt: regular.litt[i] as number }));
const cnbdParams = () => ({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 });

export const clvCases: readonly SweepCase[] = [
  { area: 'clv', name: 'summarizeHistories', args: () => [transactions(), { asOf: '1997-01-29', timeUnit: 'day' }], call: (t, o) => summarizeHistories(t as never, o as never) },
  {
    area: 'clv',
    name: 'splitCalibrationHoldout',
    args: () => [transactions(), { calibrationEnd: '1997-01-12', holdoutEnd: '1997-01-29' }],
    call: (t, o) => splitCalibrationHoldout(t as never, o as never),
  },
  { area: 'clv', name: 'fitBgNbd', args: () => [histories(), { timeUnit: 'week' }], call: (h, o) => fitBgNbd(h as never, o as never) },
  { area: 'clv', name: 'fitGammaGamma', args: () => [histories()], call: (h) => fitGammaGamma(h as never) },
  { area: 'clv', name: 'fitMbgCnbdK', args: () => [regularHistories(), { timeUnit: 'week', kMax: 3 }], call: (h, o) => fitMbgCnbdK(h as never, o as never) },
  { area: 'clv', name: 'mbgCnbdKLogLikelihood', args: () => [cnbdParams(), regularHistories()], call: (p, h) => mbgCnbdKLogLikelihood(p as never, h as never) },
  { area: 'clv', name: 'mbgCnbdKProbabilityAlive', args: () => [cnbdParams(), { x: 3, tx: 20, T: 30 }], call: (p, h) => mbgCnbdKProbabilityAlive(p as never, h as never) },
  { area: 'clv', name: 'mbgCnbdKExpectedPurchases', args: () => [cnbdParams(), { x: 3, tx: 20, T: 30 }, 52], call: (p, h, t) => mbgCnbdKExpectedPurchases(p as never, h as never, t as never) },
  { area: 'clv', name: 'mbgCnbdKExpectedPurchasesNewCustomer', args: () => [cnbdParams(), 52], call: (p, t) => mbgCnbdKExpectedPurchasesNewCustomer(p as never, t as never) },
  { area: 'clv', name: 'mbgCnbdKProbabilityOfPurchases', args: () => [cnbdParams(), 2, 52], call: (p, n, t) => mbgCnbdKProbabilityOfPurchases(p as never, n as never, t as never) },
];
