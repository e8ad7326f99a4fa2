/**
 * The large version of the interval coverage law (issue 19, part 3): on BG/NBD data simulated from
 * the CDNOW estimates (Fader, Hardie & Lee 2005), the 90% interval of the aggregate 39-week forecast
 * should hold the forecast at the true parameters in 85–95% of seeded replicates. The test suite runs
 * a smaller seeded version (src/clv/intervals/intervals.test.ts).
 * Run: npx tsx bench/clvIntervalCoverage.ts [replicates=400] [customers=2000] [draws=400]
 */
import { intervalCoverage } from '../src/clv/intervals/coverage.js';

const replicates = Number(process.argv[2] ?? 400);
const customers = Number(process.argv[3] ?? 2000);
const draws = Number(process.argv[4] ?? 400);
const cpu = process.cpuUsage();
const result = intervalCoverage({ truth: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers, replicates, t: 39, level: 0.9, draws, seed: 20_000 });
const counted = result.replicates - result.failed;
console.log(
  `${result.covered} of ${counted} replicates covered (${((100 * result.covered) / counted).toFixed(1)}%; ${result.failed} failed fits); ` +
    `${customers} customers, ${draws} draws; ${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s CPU`,
);
