import fc from 'fast-check';

// Property tests run a bounded number of cases so that CI stays fast; raise RELMARK_NUM_RUNS locally
// to search harder, and replay a failure with the seed fast-check prints.
const numRuns = Number(process.env.RELMARK_NUM_RUNS ?? 100);

// `npm test` runs every property with one fixed seed, so that a run is a function of the commit: a
// red CI is a real failure, never a draw. `npm run test:random` (RELMARK_FC_SEED=random) draws fresh
// seeds for exploration; RELMARK_FC_SEED=<integer> replays one. Either way a failure prints its seed
// and path (fast-check's report; @fast-check/vitest also names the seed in each test's title).
const fixedSeed = 20261207;
const seedSetting = process.env.RELMARK_FC_SEED ?? String(fixedSeed);
const seed = seedSetting === 'random' ? undefined : Number.parseInt(seedSetting, 10);
if (seed !== undefined && !Number.isSafeInteger(seed)) {
  throw new Error(`RELMARK_FC_SEED must be an integer or "random", received "${seedSetting}"`);
}

fc.configureGlobal({
  numRuns: Number.isFinite(numRuns) && numRuns > 0 ? numRuns : 100,
  ...(seed === undefined ? {} : { seed }),
});
