import { describe, expect, it } from 'vitest';
import { RelmarkError } from '../errors/RelmarkError.js';
import type { CustomerInput } from '../models/customer.js';
import type { ContactCandidateInput, ContactHistoryEntryInput } from './contactCandidate.js';
import type { ContactPlan } from './contactPlan.js';
import type { ContactPolicyInput } from './contactPolicy.js';
import { planContacts, type PlanContactsArgs } from './planContacts.js';

const asOf = '2024-05-06T10:00:00Z'; // a Monday
const granted = (channel: string, purpose: 'marketing' | 'service' = 'marketing') => ({ channel, purpose, status: 'granted' as const, at: '2024-01-01' });
const ada: CustomerInput = { id: 'ada', timeZone: 'UTC', consents: [granted('email'), granted('sms'), granted('phone')] };
const sent = (id: string, channel: string, at: string, purpose: 'marketing' | 'transactional' = 'marketing'): ContactHistoryEntryInput => ({
  id,
  customerId: 'ada',
  channel,
  direction: 'outbound',
  purpose,
  outcome: 'delivered',
  at,
});
const candidate = (id: string, extra: Partial<ContactCandidateInput> = {}): ContactCandidateInput => ({ id, customerId: 'ada', channel: 'email', ...extra });

function plan(policy: Omit<ContactPolicyInput, 'fallbackTimeZone'> & { fallbackTimeZone?: string }, candidates: ContactCandidateInput[], extra: Partial<PlanContactsArgs> = {}): ContactPlan {
  return planContacts({ customers: [ada], history: [], candidates, policy: { fallbackTimeZone: 'UTC', ...policy }, asOf, horizon: '7d', ...extra });
}
const outcome = (p: ContactPlan) => ({
  scheduled: p.scheduled.map((s) => `${s.candidateId}@${s.at.toISOString().slice(0, 16)}`),
  deferred: p.deferred.map((d) => `${d.candidateId}:${d.reason}:${d.rule}`),
  suppressed: p.suppressed.map((d) => `${d.candidateId}:${d.reason}:${d.rule}`),
});

describe('planContacts', () => {
  it('returns three empty lists for no candidates', () => {
    expect(plan({}, [])).toEqual({ scheduled: [], deferred: [], suppressed: [] });
  });

  it('schedules a single free candidate at asOf', () => {
    expect(outcome(plan({}, [candidate('a')])).scheduled).toEqual(['a@2024-05-06T10:00']);
  });

  it.each([
    [
      'a full calendar-day cap moves the contact to the next local day',
      { caps: [{ scope: { kind: 'all' }, max: 1, window: { kind: 'calendar', unit: 'day' } }] },
      [sent('h1', 'sms', '2024-05-06T08:00:00Z')],
      [candidate('a')],
      ['a@2024-05-07T00:00'],
    ],
    [
      'a rolling cap moves the contact past the window that is full',
      { caps: [{ scope: { kind: 'all' }, max: 2, window: { kind: 'rolling', length: '3d' } }] },
      [sent('h1', 'sms', '2024-05-04T12:00:00Z'), sent('h2', 'sms', '2024-05-05T12:00:00Z')],
      [candidate('a')],
      ['a@2024-05-07T12:00'],
    ],
    [
      'a minimum gap waits for the gap to pass',
      { minGaps: [{ channel: 'email', gap: '16h' }] },
      [sent('h1', 'email', '2024-05-06T09:00:00Z')],
      [candidate('a')],
      ['a@2024-05-07T01:00'],
    ],
    [
      'a minimum gap on another channel does not apply',
      { minGaps: [{ channel: 'sms', gap: '16h' }] },
      [sent('h1', 'sms', '2024-05-06T09:00:00Z')],
      [candidate('a')],
      ['a@2024-05-06T10:00'],
    ],
    [
      'exempt purposes pass caps and gaps',
      { caps: [{ scope: { kind: 'all' }, max: 0, window: { kind: 'rolling', length: '7d' } }], minGaps: [{ channel: 'email', gap: '16h' }] },
      [sent('h1', 'email', '2024-05-06T09:00:00Z')],
      [candidate('receipt', { purpose: 'transactional' })],
      ['receipt@2024-05-06T10:00'],
    ],
    [
      'inbound history is not a contact',
      { caps: [{ scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } }] },
      [{ ...sent('h1', 'email', '2024-05-06T09:00:00Z'), direction: 'inbound' as const }],
      [candidate('a')],
      ['a@2024-05-06T10:00'],
    ],
  ] as const)('%s', (_name, policy, history, candidates, scheduled) => {
    expect(outcome(plan(policy as never, [...candidates], { history: [...history] })).scheduled).toEqual(scheduled);
  });

  it('exempt contacts count toward caps only when the policy says so', () => {
    const policy = (count: boolean) => ({
      exemptPurposesCountTowardCaps: count,
      caps: [{ scope: { kind: 'all' as const }, max: 1, window: { kind: 'calendar' as const, unit: 'day' as const } }],
    });
    const history = [sent('h1', 'email', '2024-05-06T08:00:00Z', 'transactional')];
    expect(outcome(plan(policy(false), [candidate('a')], { history })).scheduled).toEqual(['a@2024-05-06T10:00']);
    expect(outcome(plan(policy(true), [candidate('a')], { history })).scheduled).toEqual(['a@2024-05-07T00:00']);
  });

  it('defers quiet hours to their local end, across a DST change', () => {
    // Paris switches to summer time on 2024-03-31 at 02:00; quiet hours end at 08:00 local = 06:00Z.
    const p = planContacts({
      customers: [{ id: 'ada', timeZone: 'Europe/Paris', consents: [granted('sms')] }],
      history: [],
      candidates: [{ id: 'a', customerId: 'ada', channel: 'sms' }],
      policy: { fallbackTimeZone: 'UTC', quietHours: [{ start: '21:00', end: '08:00' }] },
      asOf: '2024-03-30T22:30:00Z', // 23:30 in Paris
      horizon: '2d',
    });
    expect(p.scheduled.map((s) => [s.at.toISOString(), s.movedBy])).toEqual([['2024-03-31T06:00:00.000Z', { reason: 'quiet_hours', rule: 'quietHours[0]' }]]);
  });

  it('uses the fallback zone for customers without one (never unenforced)', () => {
    const p = planContacts({
      customers: [{ id: 'ada', consents: [granted('email')] }],
      history: [],
      candidates: [candidate('a')],
      policy: { fallbackTimeZone: 'America/New_York', quietHours: [{ start: '00:00', end: '09:00' }] },
      asOf: '2024-05-06T10:00:00Z', // 06:00 in New York
      horizon: '1d',
    });
    expect(p.scheduled[0]?.at.toISOString()).toBe('2024-05-06T13:00:00.000Z');
  });

  it('drops a candidate requested inside `drop` quiet hours, and one deferred beyond maxDeferral', () => {
    const quiet = (action: 'drop' | 'defer', maxDeferral?: string) => ({ quietHours: [{ start: '09:00', end: '12:00', action, ...(maxDeferral ? { maxDeferral } : {}) }] });
    expect(outcome(plan(quiet('drop'), [candidate('a')])).suppressed).toEqual(['a:quiet_hours:quietHours[0]']);
    expect(outcome(plan(quiet('defer', '1h'), [candidate('a')])).suppressed).toEqual(['a:quiet_hours:quietHours[0]']);
    expect(outcome(plan(quiet('defer', '2h'), [candidate('a')])).scheduled).toEqual(['a@2024-05-06T12:00']);
  });

  describe('quiet hours in a repeated or skipped hour (issue #17)', () => {
    // Quiet hours are judged on the local wall clock; the end of a quiet period is the first instant
    // whose local time is outside it, in the first or the second pass of a repeated hour.
    const quietPlan = (zone: string, start: string, end: string, earliest: string, maxDeferral?: string) =>
      planContacts({
        customers: [{ id: 'c', timeZone: zone }],
        history: [],
        candidates: [{ id: 'a', customerId: 'c', channel: 'email', purpose: 'service', earliest }],
        policy: { fallbackTimeZone: 'UTC', quietHours: [{ start, end, ...(maxDeferral === undefined ? {} : { maxDeferral }) }] },
        asOf: '2024-01-01T00:00:00Z',
        horizon: '400d',
      });
    it.each([
      // Berlin falls back on 2024-10-27 at 01:00Z: 03:00 CEST → 02:00 CET, so 02:00–03:00 happens twice.
      ['Berlin, requested in the second pass (02:15 CET)', 'Europe/Berlin', '01:30', '02:30', '2024-10-27T01:15:00Z', undefined, '2024-10-27T01:30:00.000Z'],
      ['Berlin, the same with maxDeferral 1h', 'Europe/Berlin', '01:30', '02:30', '2024-10-27T01:15:00Z', '1h', '2024-10-27T01:30:00.000Z'],
      ['Berlin, requested in the first pass (02:15 CEST)', 'Europe/Berlin', '01:30', '02:30', '2024-10-27T00:15:00Z', '1h', '2024-10-27T00:30:00.000Z'],
      ['Berlin, the clock falls back out of quiet hours (02:45 CEST → 02:00 CET)', 'Europe/Berlin', '02:30', '03:30', '2024-10-27T00:45:00Z', '1h', '2024-10-27T01:00:00.000Z'],
      ['Berlin, the end of quiet hours is skipped in spring (01:45 CET → 03:00 CEST)', 'Europe/Berlin', '01:30', '02:30', '2024-03-31T00:45:00Z', '1h', '2024-03-31T01:00:00.000Z'],
      // New York falls back on 2024-11-03 at 06:00Z: 02:00 EDT → 01:00 EST.
      ['New York, requested in the second pass (01:15 EST)', 'America/New_York', '00:30', '01:30', '2024-11-03T06:15:00Z', '1h', '2024-11-03T06:30:00.000Z'],
      // Lord Howe falls back 30 minutes on 2024-04-07 at 15:00Z: 02:00 (+11) → 01:30 (+10:30).
      ['Lord Howe, requested in the repeated half hour (01:40, second pass)', 'Australia/Lord_Howe', '01:00', '01:45', '2024-04-06T15:10:00Z', '1h', '2024-04-06T15:15:00.000Z'],
    ])('%s', (_name, zone, start, end, earliest, maxDeferral, expected) => {
      const p = quietPlan(zone, start, end, earliest, maxDeferral);
      expect(p.scheduled.map((s) => [s.at.toISOString(), s.movedBy?.reason])).toEqual([[expected, 'quiet_hours']]);
    });
  });

  it('treats consent as absolute, whatever the priority', () => {
    const customers = [{ id: 'ada', consents: [granted('sms'), { channel: 'sms', purpose: 'marketing' as const, status: 'withdrawn' as const, at: '2024-04-01' }] }];
    const p = plan({}, [candidate('vip', { channel: 'sms', priority: 1e9 }), candidate('no-record', { channel: 'push' })], { customers });
    expect(outcome(p).suppressed).toEqual(['vip:no_consent:consent:sms/marketing', 'no-record:no_consent:consent:push/marketing']);
  });

  it.each([
    ['granted, then withdrawn', ['granted', 'withdrawn']],
    ['withdrawn, then granted', ['withdrawn', 'granted']],
  ] as const)('lets a withdrawal win over a grant at the same instant, whatever the list order (%s)', (_name, order) => {
    const customers = [{ id: 'ada', consents: order.map((status) => ({ channel: 'sms', purpose: 'marketing' as const, status, at: '2024-04-01T09:00:00Z' })) }];
    expect(outcome(plan({}, [candidate('a', { channel: 'sms' })], { customers })).suppressed).toEqual(['a:no_consent:consent:sms/marketing']);
  });

  it('allows purposes outside consentRequiredFor without a record, but not with a withdrawn one', () => {
    const customers = [{ id: 'ada', consents: [{ channel: 'sms', purpose: 'service' as const, status: 'withdrawn' as const, at: '2024-04-01' }] }];
    const p = plan({}, [candidate('a', { channel: 'push', purpose: 'service' }), candidate('b', { channel: 'sms', purpose: 'service' })], { customers });
    expect(outcome(p)).toEqual({ scheduled: ['a@2024-05-06T10:00'], deferred: [], suppressed: ['b:no_consent:consent:sms/service'] });
  });

  it('gives daily capacity to the highest priority, then the highest expected value', () => {
    const customers = ['a', 'b', 'c'].map((id) => ({ id, consents: [granted('phone')] }));
    const call = (id: string, priority: number, expectedValue: number) => ({ id: `call-${id}`, customerId: id, channel: 'phone', priority, expectedValue, latest: '2024-05-06T20:00:00Z' });
    const p = plan({ capacity: [{ channel: 'phone', perDay: 2 }] }, [call('a', 1, 5), call('b', 1, 9), call('c', 2, 0)], { customers });
    expect(outcome(p)).toEqual({
      scheduled: ['call-c@2024-05-06T10:00', 'call-b@2024-05-06T10:00'],
      deferred: [],
      suppressed: ['call-a:lower_priority:capacity[0]'],
    });
    expect(p.suppressed[0]?.rivalId).toBe('call-c');
  });

  it('breaks full ties by earliest time, then by candidate id in code-unit order', () => {
    const p = plan({ caps: [{ scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } }] }, [
      candidate('b', { latest: '2024-05-07' }),
      candidate('a', { latest: '2024-05-07' }),
      candidate('Z', { latest: '2024-05-07' }),
    ]);
    expect(outcome(p).scheduled).toEqual(['Z@2024-05-06T10:00']);
    expect(p.suppressed.map((s) => s.candidateId)).toEqual(['a', 'b']);
  });

  it('applies per-customer overrides: caps replace the policy caps, pauses, cadence', () => {
    const policy = {
      caps: [{ scope: { kind: 'all' as const }, max: 5, window: { kind: 'rolling' as const, length: '7d' } }],
      overrides: [{ customerId: 'ada', caps: [{ id: 'ada-one', scope: { kind: 'all' as const }, max: 1, window: { kind: 'rolling' as const, length: '7d' } }] }],
    };
    expect(outcome(plan(policy, [candidate('a', { latest: '2024-05-08' }), candidate('b', { latest: '2024-05-08' })])).suppressed).toEqual(['b:lower_priority:ada-one']);
    const paused = { overrides: [{ customerId: 'ada', pause: { from: '2024-05-01', to: '2024-05-08' } }] };
    expect(outcome(plan(paused, [candidate('a')])).scheduled).toEqual(['a@2024-05-08T00:00']);
    expect(outcome(plan(paused, [candidate('b', { latest: '2024-05-07' })])).suppressed).toEqual(['b:paused:overrides[0].pause']);
    const cadence = { overrides: [{ customerId: 'ada', cadence: '2d' }] };
    expect(outcome(plan(cadence, [candidate('a'), candidate('b', { channel: 'sms' })])).scheduled).toEqual(['a@2024-05-06T10:00', 'b@2024-05-08T10:00']);
  });

  it('defers what may still go after the horizon, suppresses what may not, and flags expired and late candidates', () => {
    const cap = { caps: [{ scope: { kind: 'all' as const }, max: 0, window: { kind: 'rolling' as const, length: '1d' } }] };
    expect(outcome(plan(cap, [candidate('never')]))).toEqual({ scheduled: [], deferred: [], suppressed: ['never:cap:caps[0]'] });
    const full = { caps: [{ scope: { kind: 'all' as const }, max: 1, window: { kind: 'calendar' as const, unit: 'month' as const } }] };
    const history = [sent('h1', 'sms', '2024-05-02T00:00:00Z')];
    const p = plan(full, [candidate('later'), candidate('soon', { latest: '2024-05-10' })], { history });
    expect(outcome(p)).toEqual({ scheduled: [], deferred: ['later:cap:caps[0]'], suppressed: ['soon:cap:caps[0]'] });
    expect(p.deferred[0]?.notBefore.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    const q = plan({}, [candidate('old', { earliest: '2024-05-01', latest: '2024-05-02' }), candidate('next-month', { earliest: '2024-06-01' })]);
    expect(outcome(q)).toEqual({ scheduled: [], deferred: ['next-month:after_horizon:horizon'], suppressed: ['old:expired:latest'] });
  });

  it('counts calendar weeks from the configured week start in the customer zone', () => {
    const weekly = (weekStartsOn: number) => ({ weekStartsOn, caps: [{ scope: { kind: 'all' as const }, max: 1, window: { kind: 'calendar' as const, unit: 'week' as const } }] });
    const history = [sent('h1', 'sms', '2024-05-05T12:00:00Z')]; // a Sunday
    expect(outcome(plan(weekly(1), [candidate('a')], { history })).scheduled).toEqual(['a@2024-05-06T10:00']);
    expect(outcome(plan(weekly(0), [candidate('a')], { history })).scheduled).toEqual(['a@2024-05-12T00:00']);
  });

  it('can schedule fewer contacts after a cap is raised: why the monotonicity law is stated in rank order', () => {
    // With the email cap at 0 the top candidate is blocked and both SMS fit (48 h apart). Raised to 1,
    // the top candidate goes in between, and its share of the "1 per 2 days" cap pushes out both SMS.
    const policy = (emailMax: number) => ({
      caps: [
        { scope: { kind: 'channels' as const, channels: ['email'] }, max: emailMax, window: { kind: 'rolling' as const, length: '7d' } },
        { scope: { kind: 'all' as const }, max: 1, window: { kind: 'rolling' as const, length: '2d' } },
      ],
    });
    const candidates = [
      candidate('top', { priority: 9, earliest: '2024-05-07T10:00:00Z', latest: '2024-05-07T10:00:00Z' }),
      candidate('sms-1', { channel: 'sms', earliest: '2024-05-06T10:00:00Z', latest: '2024-05-06T10:00:00Z' }),
      candidate('sms-2', { channel: 'sms', earliest: '2024-05-08T10:00:00Z', latest: '2024-05-08T10:00:00Z' }),
    ];
    expect(outcome(plan(policy(0), candidates)).scheduled).toEqual(['sms-1@2024-05-06T10:00', 'sms-2@2024-05-08T10:00']);
    expect(outcome(plan(policy(1), candidates)).scheduled).toEqual(['top@2024-05-07T10:00']);
  });

  it('does not depend on the input order of candidates', () => {
    const candidates = [candidate('a', { priority: 1 }), candidate('b', { priority: 1, channel: 'sms' }), candidate('c', { priority: 2 })];
    const policy = { minGaps: [{ channel: 'email', gap: '1d' }] };
    expect(plan(policy, [...candidates].reverse())).toEqual(plan(policy, candidates));
  });
});

describe('planContacts errors', () => {
  function caught(run: () => unknown): RelmarkError {
    try {
      run();
    } catch (error) {
      if (error instanceof RelmarkError) return error;
      throw error;
    }
    throw new Error('expected a RelmarkError');
  }

  it('lists every bad row with its path in one invalid_input error', () => {
    const error = caught(() =>
      planContacts({
        customers: [ada, { id: 'bob', timeZone: 'Mars/Olympus' }],
        history: [],
        candidates: [candidate('a', { channel: 'E-Mail' }), candidate('b', { customerId: 'nobody' }), candidate('c', { earliest: '2024-05-08', latest: '2024-05-07' })],
        policy: { fallbackTimeZone: 'UTC' },
        asOf,
        horizon: '7d',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => [i.code, i.path])).toMatchInlineSnapshot(`
      [
        [
          "custom",
          [
            "customers",
            1,
            "timeZone",
          ],
        ],
        [
          "invalid_format",
          [
            "candidates",
            0,
            "channel",
          ],
        ],
        [
          "unknown_customer",
          [
            "candidates",
            1,
            "customerId",
          ],
        ],
        [
          "custom",
          [
            "candidates",
            2,
            "latest",
          ],
        ],
      ]
    `);
  });

  it('reports duplicate ids and future history with their own codes', () => {
    const dup = caught(() => plan({}, [candidate('a'), candidate('a')]));
    expect([dup.code, dup.issues.map((i) => i.path)]).toEqual(['duplicate_id', [['candidates', 1]]]);
    const future = caught(() => plan({}, [candidate('a')], { history: [sent('h1', 'email', '2024-05-07T00:00:00Z')] }));
    expect([future.code, future.issues.map((i) => i.path)]).toEqual(['future_date', [['history', 0, 'at']]]);
  });

  it('reports a bad policy, asOf and horizon together as invalid_options', () => {
    const error = caught(() =>
      planContacts({
        customers: [],
        history: [],
        candidates: [],
        policy: { fallbackTimeZone: 'Nowhere/Land', quietHours: [{ start: '25:00', end: '08:00' }], caps: [{ scope: { kind: 'all' }, max: -1, window: { kind: 'rolling', length: '7 days' } }] },
        asOf: 'yesterday',
        horizon: '0d',
      }),
    );
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path.join('.'))).toMatchInlineSnapshot(`
      [
        "horizon",
        "asOf",
        "policy.fallbackTimeZone",
        "policy.caps.0.max",
        "policy.caps.0.window.length",
        "policy.quietHours.0.start",
      ]
    `);
  });
});
