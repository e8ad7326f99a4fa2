/**
 * Issue 21: a week's plan built from personal reasons to write — who is due to buy again
 * (nextPurchaseDue → dueCandidates), whose birthday or anniversary comes up
 * (upcomingOccasions → occasionCandidates) and what else each customer may need
 * (recommendProducts → recommendationCandidates) — arbitrated by planContacts under one policy.
 * Data: examples/data/sample-transactions.csv (its deliberately bad rows are rejected with reasons).
 * Run with `npx tsx examples/week-plan.ts`.
 */
import { readFileSync } from 'node:fs';
import { dueCandidates, nextPurchaseDue, occasionCandidates, planContacts, upcomingOccasions, type ContactCandidateInput } from 'relmark/contact';
import { parseCsv, readTransactions } from 'relmark/io';
import { productAffinities, recommendationCandidates, recommendProducts } from 'relmark/recommend';
import type { CustomerInput } from 'relmark/models';

const asOf = '2025-06-02T08:00:00Z'; // a Monday
const text = readFileSync(new URL('./data/sample-transactions.csv', import.meta.url), 'utf8');
const batch = readTransactions(parseCsv(text).records, { id: 'transaction_id', customerId: 'customer_id', at: 'date', refundOf: 'refund_of' });
console.log(`${batch.valid.length} transactions read, ${batch.rejected.length} rejected (e.g. ${batch.rejected[0]?.issues[0]?.message ?? '—'})`);
const purchases = batch.valid.filter((t) => t.at.getTime() <= Date.parse(asOf));

// 1. Who is due to buy again: their own rhythm, shrunk toward everyone's.
const dues = nextPurchaseDue(purchases, { asOf });
const soon = dues.filter((d) => d.dueFrom.getTime() <= Date.parse(asOf) + 7 * 86_400_000 && (d.overdue === false || d.daysSinceLast < 2 * d.expectedGapDays));
console.log(`\n${dues.length} customers with a rhythm; ${soon.length} due this week or recently overdue. First five:`);
for (const d of soon.slice(0, 5)) console.log(`  ${d.customerId}: every ~${d.expectedGapDays.toFixed(0)} d (own ${d.ownGapDays?.toFixed(0) ?? '—'}, shrinkage ${d.shrinkage.toFixed(2)}), due ${d.dueFrom.toISOString().slice(0, 10)} … ${d.dueUntil.toISOString().slice(0, 10)}${d.overdue ? ', overdue' : ''}`);

// 2. Occasions in the next 7 days, in each customer's zone. Birthdays are sample values here.
const ids = [...new Set(purchases.map((t) => t.customerId))].sort();
const zones = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', undefined];
const customers: CustomerInput[] = ids.map((id, i) => ({
  id,
  ...(zones[i % 4] === undefined ? {} : { timeZone: zones[i % 4] }),
  ...(i % 3 === 0 ? {} : { birthday: `19${60 + (i % 40)}-06-0${1 + (i % 9)}` }),
  consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' }],
}));
const occasions = upcomingOccasions(customers, { asOf, horizon: '7d', occasions: ['birthday', 'first_purchase'], purchases });
console.log(`\n${occasions.upcoming.length} occasions this week; ${occasions.missing.length} customer/occasion pairs without a date (listed, not dropped)`);

// 3. What else each customer may need. The sample has no order lines, so each purchase gets a basket
//    from a small catalogue, picked by its id (deterministic; coffee buyers often take filters too).
const catalogue = [['coffee', 'filters'], ['coffee'], ['tea', 'mug'], ['tea'], ['coffee', 'filters', 'mug'], ['filters']];
const lines = purchases
  .filter((t) => t.kind !== 'refund')
  .flatMap((t) => {
    const pick = [...String(t.id)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % catalogue.length;
    return (catalogue[pick] ?? []).map((sku) => ({ transactionId: String(t.id), customerId: t.customerId, at: t.at, sku }));
  });
const affinities = productAffinities(lines, { minSupport: 0.01, minConfidence: 0.2, maxItems: 2 });
const recommendations = recommendProducts(lines, { asOf, k: 1, affinities });
console.log(`
${recommendations.filter((r) => r.recommendations.length > 0).length} customers have a product backed by a rule, e.g. ${recommendations.find((r) => r.recommendations.length > 0)?.recommendations[0]?.evidence ?? '—'}`);

// 4. Candidates, then one plan under the policy: cross-sells need (marketing) consent like the others.
const candidates: ContactCandidateInput[] = [
  ...dueCandidates(soon, { channel: 'email', leadDays: 2 }),
  ...occasionCandidates(occasions, { channel: 'email', priorities: { birthday: 3, first_purchase: 2 }, leadDays: 1 }),
  ...recommendationCandidates(recommendations, { channel: 'email', priority: 1, earliest: asOf }),
];
const plan = planContacts({
  customers,
  history: [],
  candidates,
  policy: {
    fallbackTimeZone: 'Europe/London',
    caps: [{ id: 'two-a-week', scope: { kind: 'all' }, max: 2, window: { kind: 'rolling', length: '7d' } }],
    minGaps: [{ channel: 'email', gap: '48h' }],
    quietHours: [{ start: '20:00', end: '09:00' }],
  },
  asOf,
  horizon: '7d',
});
const why = new Map(candidates.map((c) => [String(c.id), c.explanation ?? '']));
console.log(`\nPlan for the week: ${plan.scheduled.length} scheduled, ${plan.deferred.length} deferred, ${plan.suppressed.length} suppressed`);
const byPurpose = new Map<string, number>();
for (const s of plan.scheduled) byPurpose.set(s.purpose, (byPurpose.get(s.purpose) ?? 0) + 1);
console.log(`  scheduled by purpose: ${[...byPurpose].map(([p, n]) => `${p} ${n}`).join(', ')}`);
for (const s of plan.scheduled.slice(0, 10)) console.log(`  ${s.at.toISOString().slice(0, 16)}  ${s.customerId.padEnd(6)} ${s.purpose.padEnd(13)} ${why.get(s.candidateId)}`);
for (const s of [...plan.deferred, ...plan.suppressed].slice(0, 4)) console.log(`  not now: ${s.candidateId} (${s.reason}, ${s.rule})`);

// Output of `npx tsx examples/week-plan.ts`:
//
// 1750 transactions read, 3 rejected (e.g. Invalid date: "2025-02-30" is not a real calendar date or time)
//
// 400 customers with a rhythm; 152 due this week or recently overdue. First five:
//   C0004: every ~31 d (own —, shrinkage 1.00), due 2024-12-25 … 2025-06-08
//   C0005: every ~18 d (own 16, shrinkage 0.22), due 2025-05-25 … 2025-08-09
//   C0012: every ~51 d (own 158, shrinkage 0.69), due 2025-03-20 … 2025-11-25
//   C0015: every ~32 d (own 33, shrinkage 0.43), due 2025-02-08 … 2025-07-02
//   C0016: every ~37 d (own 39, shrinkage 0.24), due 2025-03-03 … 2025-08-06
//
// 273 occasions this week; 134 customer/occasion pairs without a date (listed, not dropped)
//
// 156 customers have a product backed by a rule, e.g. bought mug; 51% of baskets with mug also have tea, lift 1.5
//
// Plan for the week: 570 scheduled, 8 deferred, 3 suppressed
//   scheduled by purpose: occasion 273, cross_sell 154, replenishment 143
//   2025-06-02T08:00  C0011  occasion      birthday on 2025-06-02 (55 years)
//   2025-06-02T08:00  C0047  occasion      birthday on 2025-06-02 (59 years)
//   2025-06-02T08:00  C0083  occasion      birthday on 2025-06-02 (63 years)
//   2025-06-02T08:00  C0119  occasion      birthday on 2025-06-02 (27 years)
//   2025-06-02T08:00  C0155  occasion      birthday on 2025-06-02 (31 years)
//   2025-06-02T08:00  C0191  occasion      birthday on 2025-06-02 (35 years)
//   2025-06-02T08:00  C0227  occasion      birthday on 2025-06-02 (39 years)
//   2025-06-02T08:00  C0263  occasion      birthday on 2025-06-02 (43 years)
//   2025-06-02T08:00  C0299  occasion      birthday on 2025-06-02 (47 years)
//   2025-06-02T08:00  C0335  occasion      birthday on 2025-06-02 (51 years)
//   not now: cross-sell:C0257 (lower_priority, two-a-week)
//   not now: cross-sell:C0042 (quiet_hours, quietHours[0])
//   not now: due:C0398 (quiet_hours, quietHours[0])
//   not now: due:C0018 (lower_priority, minGaps[0])
