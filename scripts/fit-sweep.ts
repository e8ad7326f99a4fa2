/**
 * Adversarial sweep of the seven fitters (issue #17): every fitter on every data set of its family in
 * src/clv/adversarialCases.ts (all at most 1,000 customers), each outcome classed as
 * ok (a fit whose numbers are all finite) / RelmarkError / other error / non-finite / over 2 s.
 *
 *   npx tsx scripts/fit-sweep.ts            # the table
 *   npx tsx scripts/fit-sweep.ts --verbose  # plus one line per data set
 *
 * Durations are wall-clock times of single runs on whatever machine runs this: a measurement, never a
 * test. The first call of each fitter also pays for JIT compilation.
 */
import { isRelmarkError } from '../src/errors/RelmarkError.js';
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGammaUnchecked,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
} from '../src/clv/index.js';
import { adversarialBgBbHistories, adversarialHistories, adversarialSpends, adversarialSurvival } from '../src/clv/adversarialCases.js';

const limitMs = 2000;
const verbose = process.argv.includes('--verbose');

interface Row {
  fitter: string;
  tried: number;
  ok: number;
  relmarkError: number;
  otherError: number;
  nonFinite: number;
  overLimit: number;
  longestMs: number;
  longestCase: string;
}

function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersOf);
  return [];
}

function sweep<D>(fitter: string, cases: readonly { name: string; data: D }[], fit: (data: D) => unknown): Row {
  const row: Row = { fitter, tried: 0, ok: 0, relmarkError: 0, otherError: 0, nonFinite: 0, overLimit: 0, longestMs: 0, longestCase: '' };
  for (const { name, data } of cases) {
    row.tried++;
    const started = performance.now();
    let outcome: string;
    try {
      const result = fit(data);
      const bad = numbersOf(result).filter((v) => !Number.isFinite(v));
      if (bad.length > 0) {
        row.nonFinite++;
        outcome = `non-finite (${bad.length} values)`;
      } else {
        row.ok++;
        outcome = 'ok';
      }
    } catch (error) {
      if (isRelmarkError(error)) {
        row.relmarkError++;
        const evaluations = error.details?.evaluations;
        outcome = `RelmarkError ${error.code}${evaluations === undefined ? '' : ` after ${String(evaluations)} evaluations`}`;
      } else {
        row.otherError++;
        outcome = `other error: ${String(error)}`;
      }
    }
    const ms = performance.now() - started;
    if (ms > limitMs) row.overLimit++;
    if (ms > row.longestMs) {
      row.longestMs = ms;
      row.longestCase = name;
    }
    if (verbose) console.log(`${fitter.padEnd(15)} ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  ${outcome}`);
  }
  return row;
}

const histories = adversarialHistories();
const rows = [
  sweep('fitBgNbd', histories, (d) => fitBgNbd(d)),
  sweep('fitMbgNbd', histories, (d) => fitMbgNbd(d)),
  sweep('fitParetoNbd', histories, (d) => fitParetoNbd(d)),
  sweep('fitBgBb', adversarialBgBbHistories(), (d) => fitBgBb(d)),
  sweep('fitGammaGamma', adversarialSpends(), (d) => fitGammaGammaUnchecked(d)),
  sweep('fitSbg', adversarialSurvival(), (d) => fitSbg(d)),
  // The penalised fits take the same data on purpose: they must answer too.
  sweep('fitBgNbd λ=0.01', histories, (d) => fitBgNbd(d, { penalizer: 0.01 })),
  sweep('fitParetoNbd λ=0.01', histories, (d) => fitParetoNbd(d, { penalizer: 0.01 })),
];

const header = ['fitter', 'tried', 'ok', 'RelmarkError', 'other error', 'non-finite', 'over 2 s', 'longest (ms)', 'longest case'];
const table = rows.map((r) => [r.fitter, r.tried, r.ok, r.relmarkError, r.otherError, r.nonFinite, r.overLimit, r.longestMs.toFixed(0), r.longestCase].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(t));
const failures = rows.reduce((sum, r) => sum + r.otherError + r.nonFinite + r.overLimit, 0);
console.log(failures === 0 ? '\nother error / non-finite / over 2 s: all zero' : `\n${failures} outcomes in the last three columns`);
