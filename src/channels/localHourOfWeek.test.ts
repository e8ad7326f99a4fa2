import { describe, expect, it } from 'vitest';
import { localHourOfWeek } from './localHourOfWeek.js';

// Hour of week: Monday 00h = 0 … Sunday 23h = 167. 2024-01-01 was a Monday; 2024-03-31 a Sunday.
describe('localHourOfWeek', () => {
  it.each([
    ['UTC', '2024-01-01T00:00:00Z', 0],
    ['UTC', '2024-01-07T23:59:59Z', 167],
    ['UTC', '1969-12-29T05:00:00Z', 5], // a Monday before the epoch
    ['Europe/Paris', '2024-03-31T00:30:00Z', 6 * 24 + 1], // 01:30 CET, before the spring change
    ['Europe/Paris', '2024-03-31T01:30:00Z', 6 * 24 + 3], // 03:30 CEST, after it
    ['Europe/Paris', '2024-10-27T00:30:00Z', 6 * 24 + 2], // 02:30 CEST, first pass
    ['Europe/Paris', '2024-10-27T01:30:00Z', 6 * 24 + 2], // 02:30 CET, second pass
    ['America/New_York', '2024-01-01T03:00:00Z', 6 * 24 + 22], // Sunday 22:00 EST
    ['Asia/Kolkata', '2024-01-01T00:45:00Z', 6], // 06:15 IST (+05:30)
    ['Asia/Kathmandu', '2024-01-01T00:14:00Z', 5], // 05:59 NPT (+05:45)
    ['Asia/Kathmandu', '2024-01-01T00:15:00Z', 6], // 06:00 NPT
    ['Pacific/Kiritimati', '2024-01-01T10:00:00Z', 24], // Tuesday 00:00 (+14:00)
  ])('in %s, %s is hour %i of the week', (zone, iso, expected) => {
    expect(localHourOfWeek(zone)(Date.parse(iso))).toBe(expected);
  });
});
