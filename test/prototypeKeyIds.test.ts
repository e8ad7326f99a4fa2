// Customer ids that are keys of Object.prototype ("__proto__" above all, which JSON.parse makes an
// own key) must be kept by every area: in its output, and in every option keyed by id. Channels
// have their own suite beside the source (src/channels/prototypeKeyIds.test.ts).
import { describe, expect, it } from 'vitest';
import { splitCalibrationHoldout, summarizeHistories } from 'relmark/clv';
import { contactPressure, overdueCustomers, planContacts } from 'relmark/contact';
import { renderHtmlReport } from 'relmark/report';
import { assignTier, pointsBalance, pointsLiability, summarizeFeedback } from 'relmark/rewards';
import { scoreRfm, segmentRfm, summarizeRfm } from 'relmark/rfm';
import { createSummaryAccumulator, restoreSummaryAccumulator } from 'relmark/summaries';

const ids = ['__proto__', 'constructor', 'toString', 'valueOf'];
const sorted = (values: readonly string[]) => [...values].sort();
const purchases = ids.flatMap((customerId, i) => [
  { id: `${customerId}-1`, customerId, at: '2024-01-05', amount: 10 + i },
  { id: `${customerId}-2`, customerId, at: '2024-02-10', amount: 20 + i },
]);
const email = (customerId: string, at: string, i = 0) => ({
  id: `${customerId}-h${i}`,
  customerId,
  channel: 'email',
  direction: 'outbound' as const,
  purpose: 'marketing' as const,
  outcome: 'opened' as const,
  at,
});

describe('rfm keeps __proto__ ids', () => {
  it('summarizeRfm, scoreRfm and segmentRfm list every customer', () => {
    const { summaries } = summarizeRfm(purchases, { asOf: '2024-03-01' });
    expect(sorted(summaries.map((s) => s.customerId))).toEqual(sorted(ids));
    const { scores } = scoreRfm(summaries, { bins: 2 });
    expect(sorted(scores.map((s) => s.customerId))).toEqual(sorted(ids));
    expect(sorted(segmentRfm(scores).map((s) => s.customerId))).toEqual(sorted(ids));
  });
});

describe('clv keeps __proto__ ids', () => {
  it('summarizeHistories gives each customer a history, and a fit counts them all', () => {
    const histories = summarizeHistories(purchases, { asOf: '2024-03-01', timeUnit: 'day' });
    expect(sorted(histories.map((h) => h.customerId))).toEqual(sorted(ids));
    expect(histories.find((h) => h.customerId === '__proto__')).toMatchObject({ x: 1 });
  });

  it('splitCalibrationHoldout keeps the id __proto__ in both halves', () => {
    const { calibration, holdout } = splitCalibrationHoldout(purchases, { calibrationEnd: '2024-01-31', holdoutEnd: '2024-03-01', timeUnit: 'day' });
    expect(sorted(calibration.map((h) => h.customerId))).toEqual(sorted(ids));
    expect(holdout.find((h) => h.customerId === '__proto__')?.purchases).toBe(1);
  });
});

describe('summaries keep __proto__ ids', () => {
  it('the accumulator lists every customer, through a snapshot and a merge', () => {
    const a = createSummaryAccumulator({ asOf: '2024-03-01' });
    a.add(purchases.slice(0, 4));
    const b = createSummaryAccumulator({ asOf: '2024-03-01' });
    b.add(purchases.slice(4));
    a.merge(restoreSummaryAccumulator(JSON.parse(JSON.stringify(b.toJSON()))));
    expect(sorted(a.histories().map((h) => h.customerId))).toEqual(sorted(ids));
    expect(a.rfmSummaries().find((s) => s.customerId === '__proto__')?.frequency).toBe(2);
  });
});

describe('contact keeps __proto__ ids', () => {
  const policy = { fallbackTimeZone: 'UTC', underContact: [{ maxSilence: '30d' }] };
  it('planContacts honours a withdrawal under the id __proto__ and schedules a granted channel', () => {
    const plan = planContacts({
      customers: [
        {
          id: '__proto__',
          consents: [
            { channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' },
            { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: '2024-01-01' },
          ],
        },
      ],
      history: [],
      candidates: [
        { id: 'e', customerId: '__proto__', channel: 'email', earliest: '2024-05-06T12:00:00Z' },
        { id: 's', customerId: '__proto__', channel: 'sms', earliest: '2024-05-06T12:00:00Z' },
      ],
      policy: { fallbackTimeZone: 'UTC' },
      asOf: '2024-05-06T10:00:00Z',
      horizon: '3d',
    });
    expect(plan.scheduled.map((s) => [s.customerId, s.candidateId])).toEqual([['__proto__', 'e']]);
    expect(plan.suppressed.map((s) => [s.customerId, s.candidateId, s.reason])).toEqual([['__proto__', 's', 'no_consent']]);
  });

  it('overdueCustomers and contactPressure list __proto__ customers', () => {
    const customers = ids.map((id) => ({ id }));
    const history = ids.map((id, i) => email(id, '2024-01-01', i));
    expect(sorted(overdueCustomers(customers, history, policy, '2024-06-01').map((o) => o.customerId))).toEqual(sorted(ids));
    expect(sorted(contactPressure(history, { ...policy, caps: [{ id: 'w', scope: { kind: 'all' }, max: 2, window: { kind: 'rolling', length: '7d' } }] }, '2024-01-02').map((r) => r.customerId))).toEqual(sorted(ids));
  });
});

describe('rewards keep __proto__ ids', () => {
  it('pointsBalance, pointsLiability and assignTier list every customer', () => {
    const entries = ids.map((customerId, i) => ({ type: 'earn' as const, id: `e${i}`, customerId, at: '2024-01-10', points: 100 }));
    const balances = pointsBalance(entries, { asOf: '2024-03-31' });
    expect(sorted(balances.map((b) => b.customerId))).toEqual(sorted(ids));
    expect(pointsLiability(balances, { asOf: '2024-03-31', pointValue: 0.01, breakageRate: 0 }).outstandingPoints).toBe(400);
    const program = {
      tiers: [{ id: 'member', name: 'Member', rank: 0 }, { id: 'gold', name: 'Gold', rank: 1 }],
      rules: [{ tierId: 'gold', metric: 'spend' as const, threshold: 50, window: { kind: 'calendar_year' as const } }],
      downgrade: 'none' as const,
    };
    const activity = ids.map((customerId) => ({ customerId, at: '2024-02-01', metric: 'spend' as const, amount: 60 }));
    expect(sorted(assignTier(activity, { asOf: '2024-03-31', program }).map((a) => `${a.customerId}:${a.tierId}`))).toEqual(sorted(ids.map((id) => `${id}:gold`)));
  });

  it('summarizeFeedback reads the segment of the id __proto__', () => {
    const rows = [{ ...email('__proto__', '2024-02-10'), direction: 'inbound' as const, purpose: 'feedback' as const, outcome: 'responded' as const, feedback: { kind: 'nps' as const, score: 9 } }];
    const segments = JSON.parse('{"__proto__": "vip"}') as Record<string, string>;
    const summary = summarizeFeedback(rows as never, { asOf: '2024-03-01', period: 'month', segments });
    expect(summary.map((s) => s.segment)).toContain('vip');
  });
});

describe('report keeps __proto__ ids', () => {
  it('renderHtmlReport lists a customer with the id __proto__', () => {
    const html = renderHtmlReport({ asOf: '2026-01-01', customers: [{ customerId: '__proto__', r: 5, f: 5, clv: 120 }, { customerId: 'constructor', r: 1, f: 2, clv: 3 }] });
    expect(html).toContain('__proto__');
    expect(html).toContain('constructor');
  });
});
