import { describe, expect, it } from 'vitest';
import { sendTimePreference } from 'relmark/channels';
import type { InteractionInput } from 'relmark/models';
import { expectClose } from '../../test/helpers/expectClose.js';
import { thrownRelmarkError as captureError } from '../../test/helpers/thrownRelmarkError.js';

let nextId = 0;
const row = (customerId: string, at: string, outcome: InteractionInput['outcome'] = 'clicked', channel = 'email'): InteractionInput => ({
  id: nextId++,
  customerId,
  channel,
  direction: 'outbound',
  purpose: 'marketing',
  outcome,
  at,
});
const asOf = '2024-07-01T00:00:00Z';
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('sendTimePreference', () => {
  it('places engagements in each customer’s local time and finds the best hour', () => {
    // 2024-06-03 is a Monday. 07:30Z is 09:30 in Paris (CEST) and 03:30 in New York (EDT).
    const result = sendTimePreference([row('paris', '2024-06-03T07:30:00Z'), row('ny', '2024-06-03T07:30:00Z')], {
      asOf,
      timeZone: { paris: 'Europe/Paris', ny: 'America/New_York' },
      smoothing: 1,
    });
    expect(result.customers.map((c) => [c.customerId, c.timeZone, c.bestDay, c.bestHour, c.bestHourOfWeek])).toEqual([
      ['ny', 'America/New_York', 'monday', 3, 3],
      ['paris', 'Europe/Paris', 'monday', 9, 9],
    ]);
  });

  it('smooths toward the population: (c_h + k·π_h)/(n + k) with π_h = (C_h + 1)/(C + 168)', () => {
    const result = sendTimePreference(
      [row('a', '2024-06-03T10:00:00Z'), row('a', '2024-06-04T10:00:00Z'), row('b', '2024-06-03T10:00:00Z', 'delivered')],
      { asOf, halfLifeDays: Infinity, smoothing: 4 },
    );
    const population = result.population;
    expectClose([population[10] ?? 0, population[34] ?? 0, population[0] ?? 0], [2 / 170, 2 / 170, 1 / 170], { rtol: 1e-15 });
    const a = result.customers[0];
    expectClose(a?.hourOfWeek[10] ?? 0, (1 + 4 * (2 / 170)) / (2 + 4), { rtol: 1e-14 });
    // b has no engagement: its profile is the population's.
    expect(result.customers[1]?.evidence).toBe(0);
    expectClose(result.customers[1]?.hourOfWeek ?? [], population, { rtol: 1e-14 });
    for (const customer of result.customers) expectClose(sum(customer.hourOfWeek), 1, { rtol: 1e-12 });
    expectClose(sum(population), 1, { rtol: 1e-12 });
  });

  it('counts only the listed channels and the positive outcomes with their weights', () => {
    const result = sendTimePreference(
      [row('a', '2024-06-03T10:00:00Z', 'opened'), row('a', '2024-06-03T11:00:00Z', 'clicked', 'sms')],
      { asOf, halfLifeDays: Infinity, channels: ['email'] },
    );
    expect(result.customers[0]?.evidence).toBe(0.25);
  });

  it.each([
    ['no interactions', [], 0, []],
    ['only negative outcomes', [row('a', '2024-06-03T10:00:00Z', 'delivered')], 0, [0]],
  ] as const)('edge case: %s gives uniform profiles and hour 0', (_name, rows, best, bests) => {
    const result = sendTimePreference(rows, { asOf });
    expect(result.populationBestHourOfWeek).toBe(best);
    expect(result.customers.map((c) => c.bestHourOfWeek)).toEqual(bests);
    expect(new Set(result.population).size).toBe(1);
  });

  it('reports bad zones and future rows with their paths', () => {
    const error = captureError(() =>
      sendTimePreference([row('a', '2024-08-01T00:00:00Z')], { asOf, timeZone: { a: 'Mars/Base' }, smoothing: -1 }),
    );
    expect([error.code, error.issues.map((issue) => issue.path)]).toEqual([
      'invalid_input',
      [['interactions', 0, 'at'], ['timeZone', 'a'], ['smoothing']],
    ]);
    expect(captureError(() => sendTimePreference([row('a', '2024-08-01T00:00:00Z')], { asOf })).code).toBe('future_date');
  });
});
