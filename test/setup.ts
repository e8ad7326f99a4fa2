import fc from 'fast-check';

// Property tests run a bounded number of cases so that CI stays fast; raise RELMARK_NUM_RUNS locally
// to search harder, and replay a failure with the seed fast-check prints.
const numRuns = Number(process.env.RELMARK_NUM_RUNS ?? 100);
fc.configureGlobal({ numRuns: Number.isFinite(numRuns) && numRuns > 0 ? numRuns : 100 });
