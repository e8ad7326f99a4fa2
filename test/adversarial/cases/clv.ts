// The CLV area (src/clv) belongs to the fitter work of issue #17; its cases are listed here so that
// the sweep reports them, and the fitters' owner adds one entry per fitter and prediction.
import { fitBgNbd, fitGammaGamma, splitCalibrationHoldout, summarizeHistories } from '../../../src/clv/index.js';
import type { SweepCase } from '../run.js';

const transactions = () => [
  { customerId: 'a', at: '1997-01-01', amount: 10 },
  { customerId: 'a', at: '1997-01-15', amount: 20 },
  { customerId: 'b', at: '1997-01-08', amount: 7 },
  { customerId: 'c', at: '1997-01-09', amount: 7 },
  { customerId: 'c', at: '1997-01-19', amount: 9 },
];
const histories = () =>
  Array.from({ length: 24 }, (_, i) => ({ customerId: `c${i}`, x: i % 5, tx: i % 5 === 0 ? 0 : 10 + (i % 7), T: 30, monetaryMean: i % 5 === 0 ? 0 : 10 + i }));

export const clvCases: readonly SweepCase[] = [
  { area: 'clv', name: 'summarizeHistories', args: () => [transactions(), { asOf: '1997-01-29', timeUnit: 'day' }], call: (t, o) => summarizeHistories(t as never, o as never) },
  {
    area: 'clv',
    name: 'splitCalibrationHoldout',
    args: () => [transactions(), { calibrationEnd: '1997-01-12', holdoutEnd: '1997-01-29' }],
    call: (t, o) => splitCalibrationHoldout(t as never, o as never),
  },
  { area: 'clv', name: 'fitBgNbd', args: () => [histories(), { timeUnit: 'day' }], call: (h, o) => fitBgNbd(h as never, o as never) },
  { area: 'clv', name: 'fitGammaGamma', args: () => [histories()], call: (h) => fitGammaGamma(h as never) },
];
