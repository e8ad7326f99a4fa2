import { bench, describe } from 'vitest';
import { pointsBalance, pointsBalanceUnchecked } from '../src/rewards/index.js';
import type { PointsEntryInput } from '../src/models/reward.js';
import { benchAsOf, benchPolicy, generateLedgerColumns } from './rewardsMemory.js';

// Target (issue 7): balances of 1,000,000 members from 10,000,000 entries as of one date in < 5 s.
// The ledger is generated once, outside the timing, from a fixed seed.
const big = generateLedgerColumns(10_000_000, 1_000_000, 42);

describe('points balances', () => {
  bench(
    'pointsBalanceUnchecked: 10M entries, 1M members, one asOf',
    () => {
      pointsBalanceUnchecked(big, { asOf: benchAsOf, policy: benchPolicy });
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );

  // The checked path (zod parse of every entry, idempotency, id checks, sort) on 100k entries as objects.
  const small = generateLedgerColumns(100_000, 10_000, 7);
  const entries: PointsEntryInput[] = Array.from(small.type, (code, i) => {
    const common = { id: `e${i}`, customerId: small.customerIds[small.customer[i] as number] as string, at: small.at[i] as number };
    const points = small.points[i] as number;
    const target = small.ref?.[i] ?? -1;
    if (code === 0) return { type: 'earn', ...common, points };
    if (code === 1) return { type: 'redeem', ...common, points };
    if (code === 2) return { type: 'expire', ...common, points };
    if (code === 3) return { type: 'adjust', ...common, points, reason: 'bench' };
    return { type: 'reverse', ...common, reverses: `e${target}` };
  });
  // Redemptions the generator makes larger than the balance would make pointsBalance throw: drop them.
  const rejected = new Set(pointsBalanceUnchecked(small, { asOf: new Date(8.64e15), policy: benchPolicy }).rejected.map((r) => r.entry));
  const valid = entries.filter((_, i) => !rejected.has(i));
  bench(
    'pointsBalance (checked): 100k entries as objects, 10k members',
    () => {
      pointsBalance(valid, { asOf: benchAsOf, policy: { expiry: { kind: 'after', amount: 12, unit: 'month' } } });
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
});
