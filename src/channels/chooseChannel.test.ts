import { describe, expect, it } from 'vitest';
import { chooseChannel } from 'relmark/channels';
import { RelmarkError } from 'relmark';

const ranking = [
  { channel: 'sms', source: 'inferred', alpha: 2, beta: 8 },
  { channel: 'email', source: 'inferred', alpha: 1.2, beta: 1 },
  { channel: 'push', source: 'default', alpha: 1, beta: 1 },
] as const;

describe('chooseChannel', () => {
  it.each([
    [{}, 'sms', 0],
    [{ exclude: ['sms'] }, 'email', 1],
    [{ exclude: ['sms', 'email'] }, 'push', 2],
  ] as const)('with %j picks the first channel not excluded', (options, channel, rank) => {
    expect(chooseChannel(ranking, options)).toEqual({ channel, source: ranking[rank].source, rank, draw: null });
  });

  it.each([
    ['an empty ranking', [], {}],
    ['every channel excluded', ranking, { exclude: ['sms', 'email', 'push'] }],
    ['every channel excluded (thompson)', ranking, { strategy: 'thompson', seed: 1, exclude: ['sms', 'email', 'push'] }],
  ] as const)('returns undefined for %s', (_name, list, options) => {
    expect(chooseChannel(list, options)).toBeUndefined();
  });

  it('accepts a whole customer preference and honours a stated channel under Thompson sampling', () => {
    const customer = {
      customerId: 'c',
      blocked: [],
      channels: [
        { channel: 'push', source: 'stated', score: 0.1, lower: 0, upper: 0.3, evidence: 9, alpha: 1, beta: 9, lastEngagedAt: null, reason: 'stated preference' },
        { channel: 'email', source: 'inferred', score: 0.9, lower: 0.7, upper: 1, evidence: 9, alpha: 9, beta: 1, lastEngagedAt: null, reason: '' },
      ],
    } as const;
    expect(chooseChannel(customer, { strategy: 'thompson', seed: 3 })).toEqual({ channel: 'push', source: 'stated', rank: 0, draw: null });
  });

  it('explores with Thompson sampling in proportion to the posterior (2,000 seeds)', () => {
    // P(draw from Beta(1.2, 1) > draw from Beta(2, 8) and from Beta(1, 1)) is well above a half; sms wins rarely.
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      const choice = chooseChannel(ranking, { strategy: 'thompson', seed });
      counts.set(choice?.channel ?? 'none', (counts.get(choice?.channel ?? 'none') ?? 0) + 1);
    }
    expect(counts.get('email') ?? 0).toBeGreaterThan(counts.get('push') ?? 0);
    expect(counts.get('push') ?? 0).toBeGreaterThan(counts.get('sms') ?? 0);
    expect(counts.get('sms') ?? 0).toBeGreaterThan(0);
  });

  it('rejects a malformed ranking and bad options in one error', () => {
    let caught: unknown;
    try {
      chooseChannel([{ channel: 'sms', source: 'inferred', alpha: 0, beta: 1 }], { strategy: 'thompson' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelmarkError);
    const error = caught as RelmarkError;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['preference', 0, 'alpha'], ['seed']]);
  });

  it('rejects Thompson sampling without a seed as invalid_options', () => {
    expect(() => chooseChannel(ranking, { strategy: 'thompson' })).toThrowError(expect.objectContaining({ code: 'invalid_options' }));
  });
});
