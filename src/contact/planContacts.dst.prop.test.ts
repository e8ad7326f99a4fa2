import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactCandidateInput } from './contactCandidate.js';
import type { ContactPlan } from './contactPlan.js';
import { planContacts } from './planContacts.js';

// Quiet hours across every DST change of several zones, 2020–2030 (issue #17). The ORACLE is written
// independently of the planner: each zone's offsets come from Intl.DateTimeFormat (transitions found by
// daily sampling and bisection to the second), never from src/internal/localTime.ts. The rule under
// test: quiet hours are judged on the local wall clock, and a contact requested inside them goes out at
// the first instant at or after `earliest` whose local time is outside them.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'Australia/Lord_Howe'] as const;
type Zone = (typeof zones)[number];
const from2020 = Date.UTC(2020, 0, 1);
const to2031 = Date.UTC(2031, 0, 1);

function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const floored = Math.floor(ms / 1000) * 1000;
  const p = Object.fromEntries(format.formatToParts(floored).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) - floored;
}
const formatOf = (zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

interface ZoneTable {
  readonly format: Intl.DateTimeFormat;
  /** Transition instants (first instant with the new offset), ascending. */
  readonly transitions: readonly number[];
  /** offsets[i] holds before transitions[i]; offsets[i + 1] from it on. */
  readonly offsets: readonly number[];
}

function zoneTable(zone: string): ZoneTable {
  const format = formatOf(zone);
  const transitions: number[] = [];
  const offsets = [intlOffset(format, from2020 - day)];
  for (let t = from2020; t <= to2031 + day; t += day) {
    const offset = intlOffset(format, t);
    const before = offsets[offsets.length - 1] as number;
    if (offset === before) continue;
    let lo = t - day;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(format, mid) === before) lo = mid;
      else hi = mid;
    }
    transitions.push(hi);
    offsets.push(offset);
  }
  return { format, transitions, offsets };
}
const tables = new Map<Zone, ZoneTable>(zones.map((zone) => [zone, zoneTable(zone)]));
const tableOf = (zone: Zone) => tables.get(zone) as ZoneTable;

function offsetAt(table: ZoneTable, ms: number): number {
  let lo = 0;
  let hi = table.transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.transitions[mid] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return table.offsets[lo] as number;
}
function wallMinute(zone: Zone, ms: number): number {
  const wall = ms + offsetAt(tableOf(zone), ms);
  return Math.floor((((wall % day) + day) % day) / minute);
}

interface Quiet {
  readonly start: number;
  readonly end: number;
}
const inside = (q: Quiet, m: number) => (q.start < q.end ? m >= q.start && m < q.end : m >= q.start || m < q.end);

/**
 * Brute force: for each request, the first instant ≥ it outside quiet hours, found by reading the wall
 * clock at every minute boundary from the first request to 27 h after the last (one backward pass shared
 * by all requests). Offsets are whole minutes (checked below), so the wall minute changes only on UTC
 * minute boundaries.
 */
function firstOutside(zone: Zone, q: Quiet, requests: readonly number[]): number[] {
  const origin = Math.floor(Math.min(...requests) / minute) * minute;
  const steps = Math.ceil((Math.max(...requests) + 27 * hour - origin) / minute);
  const next = new Float64Array(steps + 1).fill(Number.NaN);
  for (let i = steps - 1; i >= 0; i--) {
    const t = origin + i * minute;
    next[i] = inside(q, wallMinute(zone, t)) ? (next[i + 1] as number) : t;
  }
  return requests.map((r) => {
    if (!inside(q, wallMinute(zone, r))) return r;
    const found = next[Math.floor(r / minute) + 1 - origin / minute] as number;
    if (Number.isNaN(found)) throw new Error('no instant outside quiet hours within 27 h');
    return found;
  });
}

const clock = (m: number) => {
  const x = ((m % 1440) + 1440) % 1440;
  return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
};

/**
 * One plan per (zone, quiet window): each earliest gets two independent candidates (no caps or gaps,
 * so they cannot interact), one on email under a plain `defer` rule, one on sms under the same window
 * with `maxDeferral`. Returns a line per candidate that disagrees with the brute force.
 */
function checkWindow(zone: Zone, q: Quiet, earliests: readonly number[], maxDeferral: number): string[] {
  const candidates: ContactCandidateInput[] = earliests.flatMap((e, i) => [
    { id: `e${i}`, customerId: 'c', channel: 'email', purpose: 'service', earliest: new Date(e) },
    { id: `s${i}`, customerId: 'c', channel: 'sms', purpose: 'service', earliest: new Date(e) },
  ]);
  const first = Math.min(...earliests);
  const plan: ContactPlan = planContacts({
    customers: [{ id: 'c', timeZone: zone }],
    history: [],
    candidates,
    policy: {
      fallbackTimeZone: 'UTC',
      quietHours: [
        { channels: ['email'], start: clock(q.start), end: clock(q.end) },
        { channels: ['sms'], start: clock(q.start), end: clock(q.end), maxDeferral: `${maxDeferral / minute}m` },
      ],
    },
    asOf: new Date(first - day),
    horizon: '5d',
  });
  const at = new Map(plan.scheduled.map((s) => [s.candidateId, s.at.getTime()]));
  const suppressed = new Map(plan.suppressed.map((s) => [s.candidateId, s.reason]));
  const outside = firstOutside(zone, q, earliests);
  const failures: string[] = plan.deferred.map((d) => `${d.candidateId} deferred`);
  const iso = (ms: number | undefined) => (ms === undefined ? 'not scheduled' : new Date(ms).toISOString());
  earliests.forEach((e, i) => {
    const expected = outside[i] as number;
    const where = `${zone} quiet ${clock(q.start)}–${clock(q.end)}, earliest ${iso(e)}`;
    const email = at.get(`e${i}`);
    if (email !== expected) failures.push(`${where}: at ${iso(email)}, expected ${iso(expected)}`);
    const sms = at.get(`s${i}`);
    const limit = `${where}, maxDeferral ${maxDeferral / minute} min`;
    if (expected - e > maxDeferral) {
      if (suppressed.get(`s${i}`) !== 'quiet_hours') failures.push(`${limit}: ${sms === undefined ? suppressed.get(`s${i}`) : iso(sms)}, expected suppressed`);
    } else if (sms !== expected) failures.push(`${limit}: at ${iso(sms)}, expected ${iso(expected)}`);
  });
  return failures;
}

/**
 * Interesting wall minutes near a transition: the edges of the repeated or skipped stretch of the
 * clock, a minute inside it, and half an hour either side.
 */
function wallPoints(zone: Zone, transition: number): number[] {
  const table = tableOf(zone);
  const shift = (offsetAt(table, transition) - offsetAt(table, transition - 1)) / minute;
  const reached = wallMinute(zone, transition - 1) + 1; // the wall minute the old offset would show next
  // Spring forward skips [reached, reached + shift); falling back repeats [reached + shift, reached).
  const lo = shift > 0 ? reached : reached + shift;
  const hi = lo + Math.abs(shift);
  return [...new Set([lo - 30, lo, lo + 15, hi, hi + 30].map((m) => ((m % 1440) + 1440) % 1440))];
}

describe('quiet hours across DST changes, 2020–2030 (oracle: Intl)', () => {
  it('the oracle agrees with Intl at every transition and finds the expected number of them', () => {
    for (const zone of zones) {
      const table = tableOf(zone);
      for (const t of table.transitions) {
        expect(offsetAt(table, t - 1000)).toBe(intlOffset(table.format, t - 1000));
        expect(offsetAt(table, t)).toBe(intlOffset(table.format, t));
      }
      for (const offset of table.offsets) expect(Math.abs(offset % minute)).toBe(0);
      // Two changes a year for eleven years, none in Kolkata.
      expect(table.transitions.filter((t) => t >= from2020 && t < to2031).length, zone).toBe(zone === 'Asia/Kolkata' ? 0 : 22);
    }
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from2020, max: to2031 }), (zone, ms) => {
        expect(offsetAt(tableOf(zone), ms)).toBe(intlOffset(tableOf(zone).format, ms));
      }),
    );
  });

  it('at every DST change, schedules at the first instant at or after `earliest` outside quiet hours', () => {
    const deltas = [-61, -30, 0, 15, 29, 45, 61].map((m) => m * minute);
    let windows = 0;
    const failures: string[] = [];
    for (const zone of zones) {
      for (const transition of tableOf(zone).transitions.filter((t) => t >= from2020 && t < to2031)) {
        const points = wallPoints(zone, transition);
        const earliests = [...deltas.map((d) => transition + d), transition - 1, transition + 37_123];
        for (const start of points) {
          for (const end of points) {
            if (start === end) continue;
            failures.push(...checkWindow(zone, { start, end }, earliests, hour));
            windows++;
          }
        }
      }
    }
    // 110 changes (22 in each zone but Kolkata), 20 windows each.
    expect(windows).toBe(110 * 20);
    expect(failures.slice(0, 10), `${failures.length} disagreements`).toEqual([]);
  }, 60_000);

  it('holds for random windows, requests and deferral limits in every zone, near a change or anywhere in 2020–2030', () => {
    const near = fc.constantFrom(...zones.filter((z) => z !== 'Asia/Kolkata')).chain((zone) =>
      fc
        .constantFrom(...tableOf(zone).transitions.filter((t) => t >= from2020 && t < to2031))
        .chain((transition) => fc.tuple(fc.constant(zone as Zone), fc.oneof(fc.integer({ min: transition - 3 * hour, max: transition + 3 * hour }), fc.integer({ min: transition - 26 * hour, max: transition + 26 * hour })), fc.constant(wallPoints(zone, transition)))),
    );
    const anywhere = fc.tuple(fc.constantFrom(...zones), fc.integer({ min: from2020, max: to2031 - 2 * day }), fc.constant([] as number[]));
    const clockMinute = (points: number[]) => (points.length === 0 ? fc.integer({ min: 0, max: 1439 }) : fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...points)));
    fc.assert(
      fc.property(
        fc.oneof(near, anywhere).chain(([zone, earliest, points]) =>
          fc.record({
            zone: fc.constant(zone),
            earliest: fc.constant(earliest),
            start: clockMinute(points),
            end: clockMinute(points),
            maxDeferral: fc.integer({ min: 1, max: 24 * 60 }).map((m) => m * minute),
          }),
        ),
        ({ zone, earliest, start, end, maxDeferral }) => {
          fc.pre(start !== end);
          expect(checkWindow(zone, { start, end }, [earliest], maxDeferral)).toEqual([]);
        },
      ),
    );
  });
});
