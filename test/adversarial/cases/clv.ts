// The CLV area: summaries, the calibration split and the fitters on hostile input.
import { fitBgNbd, fitGammaGamma, simulateBgNbd, splitCalibrationHoldout, summarizeHistories } from '../../../src/clv/index.js';
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
];
