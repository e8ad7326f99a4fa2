/**
 * Adversarial sweep (issue #17): throws seeded hostile inputs at every public data-taking function
 * and prints, per function, how many inputs were tried and how each call ended:
 *
 *   ok · RelmarkError · other error · non-finite result · over 2 s
 *
 * The last three columns must read zero. Hostile inputs are fast-check draws: anything at all, extreme
 * numbers (±1e308, NaN, ±Infinity, 5e-324, dates beyond ±8.64e15 ms), sparse arrays, prototype-key
 * ids (`__proto__`, `constructor`, …) and one to three mutations of a valid call. Cases live in
 * test/adversarial/cases/<area>.ts (one entry per function; add yours there).
 *
 *   npx tsx scripts/adversarial-sweep.ts [--runs 200] [--seed 17] [--area rfm,io] [--details]
 *
 * Exit status 1 when any call of the selected areas ended in the last three columns.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { casesByArea } from '../test/adversarial/cases/index.js';
import { hostileArguments } from '../test/adversarial/hostile.js';
import { runCase, type OutcomeKind } from '../test/adversarial/run.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '17' },
    area: { type: 'string' },
    details: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const areas = values.area === undefined ? Object.keys(casesByArea) : values.area.split(',').map((a) => a.trim());
const slowMs = 2000;

interface Row {
  area: string;
  name: string;
  tried: number;
  counts: Record<OutcomeKind, number>;
  slow: number;
  slowestMs: number;
  examples: string[];
}

const rows: Row[] = [];
for (const area of areas) {
  const cases = casesByArea[area];
  if (cases === undefined) throw new Error(`unknown area "${area}" (known: ${Object.keys(casesByArea).join(', ')})`);
  for (const sweepCase of cases) {
    const inputs = [[...sweepCase.args()], ...fc.sample(hostileArguments(sweepCase.args), { numRuns: runs, seed })];
    const row: Row = { area, name: sweepCase.name, tried: 0, counts: { ok: 0, relmark_error: 0, other_error: 0, non_finite: 0 }, slow: 0, slowestMs: 0, examples: [] };
    for (const args of inputs) {
      const outcome = await runCase(sweepCase, args);
      row.tried++;
      row.counts[outcome.kind]++;
      row.slowestMs = Math.max(row.slowestMs, outcome.ms);
      if (outcome.ms > slowMs) row.slow++;
      if ((outcome.kind === 'other_error' || outcome.kind === 'non_finite' || outcome.ms > slowMs) && row.examples.length < 3) {
        row.examples.push(`${outcome.kind}${outcome.ms > slowMs ? ` (${Math.round(outcome.ms)} ms)` : ''}: ${outcome.detail ?? ''}`);
      }
    }
    rows.push(row);
    process.stderr.write(`.`);
  }
}
process.stderr.write('\n');

const header = ['area', 'function', 'inputs', 'ok', 'RelmarkError', 'other error', 'non-finite', 'over 2 s', 'slowest ms'];
const table = rows.map((r) => [r.area, r.name, r.tried, r.counts.ok, r.counts.relmark_error, r.counts.other_error, r.counts.non_finite, r.slow, Math.round(r.slowestMs)].map(String));
const totals = [0, 0, 0, 0, 0, 0];
for (const r of rows) {
  [r.tried, r.counts.ok, r.counts.relmark_error, r.counts.other_error, r.counts.non_finite, r.slow].forEach((v, i) => (totals[i] = (totals[i] ?? 0) + v));
}
table.push(['total', `${rows.length} functions`, ...totals.map(String), '']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(`adversarial sweep: seed ${seed}, ${runs} hostile inputs per function (+1 valid call)\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

const findings = rows.filter((r) => r.counts.other_error + r.counts.non_finite + r.slow > 0);
if (findings.length > 0) {
  console.log(`\n${findings.length} function(s) with findings${values.details ? '' : ' (first examples; --details for up to 3 each)'}:`);
  for (const r of findings) for (const example of r.examples.slice(0, values.details ? 3 : 1)) console.log(`  ${r.area}/${r.name}: ${example}`);
  process.exitCode = 1;
}
