import { bench, describe } from 'vitest';
import { ContactCandidateSchema, ContactHistoryEntrySchema, planContacts, planContactsUnchecked } from 'relmark/contact';
import { contactWorkload } from './contactMemory.js';

// Issue 5 target: 100,000 customers, ~1,000,000 past contacts over 30 days, 10 candidates each,
// 3 channels: a plan in under 3 s and under 1 GB (memory: `npx tsx --expose-gc bench/contactMemory.ts`).
// Data comes from a seeded generator, so every run plans the same workload.
const big = { iterations: 3, warmupIterations: 1, time: 0 } as const;

describe('planContactsUnchecked (validated input, the hot path)', () => {
  const small = contactWorkload(10_000);
  bench('10,000 customers, ~100,000 past contacts, 100,000 candidates', () => {
    planContactsUnchecked(small);
  }, big);

  const full = contactWorkload(100_000);
  bench('100,000 customers, ~1,000,000 past contacts, 1,000,000 candidates (target < 3 s)', () => {
    planContactsUnchecked(full);
  }, { iterations: 2, warmupIterations: 0, time: 0 });
});

// The checked path is bounded to 2,000 customers: parsing dominates it (InstantSchema and
// TimeZoneSchema cost tens to hundreds of µs per value on this machine), see the closing note.
describe('planContacts (validates every row first)', () => {
  const checked = { iterations: 2, warmupIterations: 0, time: 0 } as const;
  const workload = contactWorkload(2_000);
  // The checked function takes input types: ISO strings, as a service would receive them.
  const raw = {
    customers: workload.customers.map((c) => ({ ...c, consents: (c.consents ?? []).map((e) => ({ ...e, at: e.at.toISOString() })) })),
    history: workload.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    candidates: workload.candidates.map((c) => ({ ...c, earliest: c.earliest?.toISOString(), latest: c.latest?.toISOString() })),
    policy: { fallbackTimeZone: 'Europe/London', caps: [{ scope: { kind: 'all' as const }, max: 3, window: { kind: 'rolling' as const, length: '7d' } }] },
    asOf: workload.asOf.toISOString(),
    horizon: '7d',
  };
  bench('2,000 customers, ~20,000 past contacts, 20,000 candidates', () => {
    planContacts(raw);
  }, checked);
  bench('parsing only: 20,000 candidates + ~20,000 history rows', () => {
    for (const c of raw.candidates) ContactCandidateSchema.parse(c);
    for (const h of raw.history) ContactHistoryEntrySchema.parse(h);
  }, checked);
});
