import { describe, expect, it } from 'vitest';
import { channelPreferences, type ChannelPreferencesOptions } from 'relmark/channels';
import type { InteractionInput } from 'relmark/models';
import { thrownRelmarkError as captureError } from '../../test/helpers/thrownRelmarkError.js';
import { expectClose } from '../../test/helpers/expectClose.js';

const asOf = '2024-06-30T00:00:00Z';
let nextId = 0;
function contact(customerId: string, channel: string, outcome: InteractionInput['outcome'], at = asOf): InteractionInput {
  return { id: `i${nextId++}`, customerId, channel, direction: 'outbound', purpose: 'marketing', outcome, at };
}
const open: Partial<ChannelPreferencesOptions> = { consentDefault: 'allow', prior: { alpha: 1, beta: 1 } };
const ranking = (result: ReturnType<typeof channelPreferences>, customerId: string) =>
  result.customers.find((c) => c.customerId === customerId)?.channels.map((c) => [c.channel, c.source]);

describe('channelPreferences', () => {
  it('ranks stated preferences first, then inferred channels by score, then defaults in business order', () => {
    const result = channelPreferences(
      [
        contact('c1', 'email', 'clicked'),
        contact('c1', 'email', 'delivered'),
        contact('c1', 'sms', 'clicked'),
        contact('c1', 'sms', 'clicked'),
        contact('c1', 'push', 'delivered'),
      ],
      { ...open, asOf, statedPreferences: { c1: ['push'] }, channels: ['email', 'sms', 'push', 'mail', 'phone'] },
    );
    expect(ranking(result, 'c1')).toEqual([
      ['push', 'stated'],
      ['sms', 'inferred'],
      ['email', 'inferred'],
      ['mail', 'default'],
      ['phone', 'default'],
    ]);
  });

  it('gives the Beta posterior mean (α + s)/(α + β + n) when decay is off (exact, 1e-15)', () => {
    const rows = [contact('c', 'email', 'clicked', '2020-01-01'), contact('c', 'email', 'delivered', '2021-01-01'), contact('c', 'email', 'sent')];
    const result = channelPreferences(rows, { asOf, consentDefault: 'allow', prior: { alpha: 2, beta: 3 }, halfLifeDays: Infinity });
    const email = result.customers[0]?.channels[0];
    expectClose(email?.score ?? Number.NaN, (2 + 1) / (2 + 3 + 3), { rtol: 1e-15 });
    expect(email).toMatchObject({ evidence: 3, alpha: 3, beta: 5, source: 'inferred' });
    expect(email?.lastEngagedAt?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('halves the weight of an interaction one half-life old', () => {
    const result = channelPreferences([contact('c', 'email', 'clicked', '2024-06-20T00:00:00Z')], {
      ...open,
      asOf,
      halfLifeDays: 10,
      minEvidence: 0,
    });
    const email = result.customers[0]?.channels[0];
    expectClose(email?.evidence ?? Number.NaN, 0.5, { rtol: 1e-15 });
    expectClose(email?.score ?? Number.NaN, 1.5 / 2.5, { rtol: 1e-15 });
  });

  it('counts opens a quarter and ignores bounces by default', () => {
    const result = channelPreferences(
      [contact('c', 'email', 'opened'), contact('c', 'email', 'opened'), contact('c', 'email', 'bounced')],
      { ...open, asOf, minEvidence: 0 },
    );
    expect(result.customers[0]?.channels[0]).toMatchObject({ evidence: 0.5, alpha: 1.5, beta: 1 });
  });

  it('lets a caller make an outcome positive, dropping it from the default negatives', () => {
    const result = channelPreferences([contact('c', 'email', 'delivered')], {
      ...open,
      asOf,
      minEvidence: 0,
      positiveOutcomes: { delivered: 0.5, clicked: 1 },
    });
    expect(result.customers[0]?.channels[0]).toMatchObject({ evidence: 0.5, alpha: 1.5, beta: 1 });
  });

  it('breaks score ties by the latest engagement, then by business order', () => {
    const result = channelPreferences(
      [
        contact('c', 'sms', 'clicked', '2024-06-01'),
        contact('c', 'sms', 'delivered', '2024-06-29'),
        contact('c', 'email', 'clicked', '2024-06-02'),
        contact('c', 'email', 'delivered', '2024-06-02'),
        contact('c', 'push', 'clicked', '2024-06-02'),
        contact('c', 'push', 'delivered', '2024-06-02'),
      ],
      { ...open, asOf, halfLifeDays: Infinity, minEvidence: 1 },
    );
    // All three score 0.5; email and push engaged on June 2nd, sms on June 1st; email precedes push in business order.
    expect(ranking(result, 'c')).toEqual([
      ['email', 'inferred'],
      ['push', 'inferred'],
      ['sms', 'inferred'],
    ]);
  });

  describe('consent', () => {
    const consents = {
      c: [
        { channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' },
        { channel: 'email', purpose: 'marketing', status: 'withdrawn', at: '2024-02-01' },
        { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: '2024-01-01' },
        { channel: 'sms', purpose: 'marketing', status: 'granted', at: '2024-03-01' },
        { channel: 'push', purpose: 'marketing', status: 'granted', at: '2024-03-01' },
        { channel: 'push', purpose: 'marketing', status: 'withdrawn', at: '2024-03-01' },
        { channel: 'phone', purpose: 'service', status: 'granted', at: '2024-03-01' },
      ],
    } as const;
    const rows = [contact('c', 'email', 'clicked'), contact('c', 'sms', 'clicked'), contact('c', 'push', 'clicked'), contact('c', 'phone', 'clicked')];

    it('keeps the latest event per channel and purpose; a tie goes to the withdrawal; marketing needs a grant', () => {
      const result = channelPreferences(rows, { asOf, prior: { alpha: 1, beta: 1 }, consents });
      expect(result.customers[0]?.channels.map((c) => c.channel)).toEqual(['sms']);
      expect(result.customers[0]?.blocked).toEqual([
        { channel: 'email', reason: 'consent_withdrawn' },
        { channel: 'phone', reason: 'no_consent' },
        { channel: 'push', reason: 'consent_withdrawn' },
      ]);
    });

    it('allows a service contact without a record unless it was withdrawn', () => {
      const result = channelPreferences(rows, { asOf, prior: { alpha: 1, beta: 1 }, consents, purpose: 'service' });
      expect(result.customers[0]?.channels.map((c) => c.channel).sort()).toEqual(['email', 'phone', 'push', 'sms']);
    });

    it('follows consentDefault when it is given', () => {
      const result = channelPreferences(rows, { asOf, prior: { alpha: 1, beta: 1 }, purpose: 'service', consentDefault: 'deny' });
      expect(result.customers[0]?.channels).toEqual([]);
      expect(result.customers[0]?.blocked.every((b) => b.reason === 'no_consent')).toBe(true);
    });
  });

  describe('reachability', () => {
    it('drops channels the customer cannot receive, and every channel of a customer missing from the map', () => {
      const result = channelPreferences([contact('a', 'email', 'clicked'), contact('a', 'sms', 'clicked'), contact('b', 'sms', 'clicked')], {
        ...open,
        asOf,
        reachability: { a: ['sms'] },
      });
      expect(ranking(result, 'a')).toEqual([['sms', 'default']]);
      expect(result.customers[0]?.blocked).toEqual([{ channel: 'email', reason: 'unreachable' }]);
      expect(ranking(result, 'b')).toEqual([]);
    });

    it('does not check reachability when the option is omitted', () => {
      const result = channelPreferences([contact('a', 'email', 'clicked')], { ...open, asOf });
      expect(ranking(result, 'a')).toEqual([['email', 'default']]);
    });
  });

  describe('empirical-Bayes prior', () => {
    it('falls back to Beta(1, 1) below empiricalMinCustomers (20 by default)', () => {
      const rows = Array.from({ length: 19 }, (_, c) => contact(`c${c}`, 'email', c % 2 === 0 ? 'clicked' : 'delivered'));
      expect(channelPreferences(rows, { asOf, consentDefault: 'allow' }).priors[0]).toMatchObject({ method: 'fallback', alpha: 1, beta: 1 });
      rows.push(contact('c19', 'email', 'clicked'));
      expect(channelPreferences(rows, { asOf, consentDefault: 'allow' }).priors[0]?.method).toBe('empirical');
    });

    it('fits one prior per channel and reports it; a channel with one customer falls back to Beta(1, 1)', () => {
      const rows: InteractionInput[] = [];
      const rates = [0.1, 0.9, 0.5, 0.2, 0.7, 0.3];
      rates.forEach((rate, c) => {
        for (let k = 0; k < 10; k++) rows.push(contact(`c${c}`, 'email', k < rate * 10 ? 'clicked' : 'delivered'));
      });
      rows.push(contact('c0', 'sms', 'clicked'));
      const result = channelPreferences(rows, { asOf, consentDefault: 'allow', empiricalMinCustomers: 2 });
      expect(result.priors.map((p) => [p.channel, p.method, p.customers])).toEqual([
        ['email', 'empirical', 6],
        ['sms', 'fallback', 1],
      ]);
      // ref: scipy 1.17.1 beta-binomial MLE of s = [1, 9, 5, 2, 7, 3] out of n = 10 (Nelder–Mead then
      //   BFGS on log(a, b), gtol 1e-12): a = 1.6209382000254093, b = 1.9395555382128609; rtol 1e-5.
      expectClose([result.priors[0]?.alpha ?? 0, result.priors[0]?.beta ?? 0], [1.6209382000254093, 1.9395555382128609], { rtol: 1e-5 });
    });
  });

  it('keeps score inside [lower, upper], widening a very skewed interval to contain the mean', () => {
    const result = channelPreferences([contact('c', 'email', 'delivered'), contact('c', 'email', 'delivered')], {
      asOf,
      consentDefault: 'allow',
      prior: { alpha: 0.001, beta: 5 },
      minEvidence: 0,
    });
    const email = result.customers[0]?.channels[0];
    // Beta(0.001, 7): its 95% quantile is below its mean 1.4e-4, so upper is raised to the mean.
    expect(email?.upper).toBe(email?.score);
    expect(email?.lower).toBeLessThanOrEqual(email?.score ?? Number.NaN);
  });

  it.each([
    ['no interactions and no customers', [], {}, []],
    ['no interactions, a customer known from stated preferences', [], { statedPreferences: { z: ['sms'] } }, [['sms', 'stated']]],
    ['customer ids that are Object.prototype keys', [contact('constructor', 'email', 'clicked')], {}, [['email', 'default']]],
  ] as const)('edge case: %s', (_name, rows, extra, expected) => {
    const result = channelPreferences(rows, { ...open, asOf, ...extra });
    expect(result.customers.map((c) => c.channels.map((s) => [s.channel, s.source])).flat()).toEqual(expected);
  });

  it('gives every customer the same scores when all behave alike', () => {
    const rows = ['a', 'b', 'c'].flatMap((id) => [contact(id, 'email', 'clicked'), contact(id, 'email', 'delivered')]);
    const result = channelPreferences(rows, { asOf, consentDefault: 'allow', empiricalMinCustomers: 3 });
    const scores = result.customers.map((c) => c.channels[0]?.score);
    expect(new Set(scores).size).toBe(1);
    expect(result.priors[0]?.method).toBe('empirical');
    expect(result.customers.map((c) => c.customerId)).toEqual(['a', 'b', 'c']);
  });

  describe('errors', () => {
    it('lists every bad row and option with its path in one invalid_input error', () => {
      const rows = [
        contact('a', 'email', 'clicked'),
        { ...contact('a', 'E-mail', 'clicked'), at: Number.NaN },
        { ...contact('a', 'sms', 'clicked'), outcome: 'liked' },
      ] as InteractionInput[];
      const error = captureError(() =>
        channelPreferences(rows, { asOf, halfLifeDays: -1, consents: { a: [{ channel: 'sms', purpose: 'marketing', status: 'maybe', at: 0 }] } } as never),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['interactions', 1, 'channel'],
        ['interactions', 1, 'at'],
        ['interactions', 2, 'outcome'],
        ['halfLifeDays'],
        ['consents', 'a', 0, 'status'],
      ]);
    });

    it('reports interactions after asOf as future_date', () => {
      const error = captureError(() => channelPreferences([contact('a', 'email', 'clicked', '2024-07-01')], { ...open, asOf }));
      expect({ code: error.code, issues: error.issues }).toMatchInlineSnapshot(`
        {
          "code": "future_date",
          "issues": [
            {
              "code": "future_date",
              "message": "Interaction at 2024-07-01T00:00:00.000Z is after asOf 2024-06-30T00:00:00.000Z",
              "path": [
                "interactions",
                0,
                "at",
              ],
            },
          ],
        }
      `);
    });

    it('reports repeated interaction ids as duplicate_id', () => {
      const row = contact('a', 'email', 'clicked');
      const error = captureError(() => channelPreferences([row, row], { ...open, asOf }));
      expect([error.code, error.issues.map((issue) => issue.path)]).toEqual(['duplicate_id', [['interactions', 1]]]);
    });

    it.each([
      ['a missing asOf', {}, [['asOf']]],
      ['a negative minEvidence', { asOf, minEvidence: -1 }, [['minEvidence']]],
      ['a credible level of 1', { asOf, credibleLevel: 1 }, [['credibleLevel']]],
      ['a prior with a zero shape', { asOf, prior: { alpha: 0, beta: 1 } }, [['prior', 'alpha']]],
      ['an outcome both positive and negative', { asOf, positiveOutcomes: { sent: 1 }, negativeOutcomes: { sent: 1 } }, [['negativeOutcomes', 'sent']]],
      ['a channel listed twice', { asOf, channels: ['sms', 'sms'] }, [['channels']]],
    ])('rejects %s as invalid_options', (_name, options, paths) => {
      const error = captureError(() => channelPreferences([], options as never));
      expect(error.code).toBe('invalid_options');
      expect(error.issues.map((issue) => issue.path)).toEqual(paths);
    });

    it('rejects a missing options object', () => {
      expect(captureError(() => channelPreferences([], undefined as never)).code).toBe('invalid_options');
    });
  });
});

