/**
 * Local wall-clock time in an IANA zone, computed from UTC epoch milliseconds with
 * `Intl.DateTimeFormat` (never the machine's own zone, never local-time getters).
 *
 * DST rules (documented in the guide, tested in localTime.test.ts):
 * - a wall time inside a spring-forward GAP (02:30 on the night clocks jump 02:00 → 03:00) resolves to
 *   the first valid instant after the gap, the transition instant itself (shown as 03:00);
 * - a wall time inside a fall-back OVERLAP (01:30 happens twice) resolves to the EARLIER instant when one
 *   instant is needed (`fromWallMs`, calendar boundaries); "the next time the clock reads 01:30"
 *   (`nextLocalTime`) counts both passes, so it is never a day late in the repeated hour.
 *
 * Offsets are cached per zone and UTC day: each day stores the offset at its start and, when the offset
 * changes within the day, the transition instant (found by bisection to the millisecond). This assumes at
 * most one transition per zone per UTC day, which holds for every zone in the IANA database since 1970.
 * @internal
 * @module
 */
import { msPerDay } from './time.js';

const msPerMinute = 60_000;
const msPerHour = 3_600_000;

interface DayOffsets {
  readonly before: number;
  /** The first instant with the `after` offset, when the offset changes within the day. */
  readonly transition: number;
  readonly after: number;
}

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  readonly days: Map<number, DayOffsets>;
}

// A module-level cache of immutable facts about zones (not of results keyed on "now"): it only makes
// repeated look-ups cheap and cannot change any output.
const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (cache === undefined) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      }),
      days: new Map(),
    };
    zones.set(zone, cache);
  }
  return cache;
}

/** The zone's offset from UTC at an instant, in ms, straight from Intl (uncached). */
function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const floored = Math.floor(ms / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of format.formatToParts(floored)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  const wall = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that for the rare early dates.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(bc ? 1 - year : year) : wall;
  return fixed - floored;
}

function dayOffsets(cache: ZoneCache, dayNumber: number): DayOffsets {
  let entry = cache.days.get(dayNumber);
  if (entry === undefined) {
    const start = dayNumber * msPerDay;
    const end = start + msPerDay;
    const before = intlOffset(cache.format, start);
    const after = intlOffset(cache.format, end);
    let transition = end;
    if (before !== after) {
      // Bisect to the first instant with the new offset (offsets are whole seconds, so 1 s steps).
      let lo = start;
      let hi = end;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(cache.format, mid) === before) lo = mid;
        else hi = mid;
      }
      transition = hi;
    }
    entry = { before, transition, after };
    cache.days.set(dayNumber, entry);
  }
  return entry;
}

/**
 * The offset of `zone` from UTC at instant `ms`, in milliseconds (Paris in summer: +7_200_000).
 * @internal
 */
export function zoneOffset(zone: string, ms: number): number {
  const entry = dayOffsets(zoneCache(zone), Math.floor(ms / msPerDay));
  return ms < entry.transition ? entry.before : entry.after;
}

/**
 * The wall-clock time at `ms` in `zone`, as "local ms": the epoch ms a UTC clock would show for the
 * same wall time. Its UTC fields are the local fields.
 * @internal
 */
export function toWallMs(zone: string, ms: number): number {
  return ms + zoneOffset(zone, ms);
}

/** The local calendar day number (days since 1970-01-01 on the wall calendar) at `ms`. @internal */
export function localDayNumber(zone: string, ms: number): number {
  return Math.floor(toWallMs(zone, ms) / msPerDay);
}

/** Minutes since local midnight at `ms` in `zone` (0 … 1439). @internal */
export function localMinuteOfDay(zone: string, ms: number): number {
  const wall = toWallMs(zone, ms);
  return Math.floor((wall - Math.floor(wall / msPerDay) * msPerDay) / msPerMinute);
}

/**
 * Every instant at which the wall clock of `zone` shows `wallMs` (local ms, see {@link toWallMs}), in
 * ascending order: one instant normally, two when the wall time occurs twice (a fall-back overlap), and
 * for a wall time inside a DST gap, which never occurs, the first valid instant after it (the transition).
 * @internal
 */
export function wallTimeInstants(zone: string, wallMs: number): readonly number[] {
  // Real offsets lie within ±18 h, and transitions are more than a day apart, so the offsets one day
  // either side bracket every candidate.
  const early = zoneOffset(zone, wallMs - msPerDay);
  const late = zoneOffset(zone, wallMs + msPerDay);
  const viaEarly = wallMs - early;
  const viaLate = wallMs - late;
  const instants: number[] = [];
  if (zoneOffset(zone, viaEarly) === early) instants.push(viaEarly);
  if (late !== early && zoneOffset(zone, viaLate) === late) instants.push(viaLate);
  if (instants.length > 0) return instants.sort((a, b) => a - b);
  // A gap: neither offset produces this wall time. The first valid instant is the transition, which
  // lies between the two readings.
  const lo = Math.min(viaEarly, viaLate);
  const entryLo = dayOffsets(zoneCache(zone), Math.floor(lo / msPerDay));
  if (entryLo.transition > lo && entryLo.before !== entryLo.after) return [entryLo.transition];
  return [dayOffsets(zoneCache(zone), Math.floor(lo / msPerDay) + 1).transition];
}

/**
 * The instant at which the wall clock of `zone` shows `wallMs` (local ms, see {@link toWallMs}).
 * A wall time inside a DST gap resolves to the first valid instant after it (the transition); a wall
 * time that occurs twice resolves to the earlier instant. (Calendar boundaries use this: a local day
 * starts at the first instant whose local date is that day.)
 * @internal
 */
export function fromWallMs(zone: string, wallMs: number): number {
  return wallTimeInstants(zone, wallMs)[0] as number;
}

/**
 * The instants in `(from, to]` at which the offset of `zone` changes (DST transitions), ascending.
 * Each is the first instant with the new offset.
 * @internal
 */
export function offsetChangesBetween(zone: string, from: number, to: number): number[] {
  const cache = zoneCache(zone);
  const changes: number[] = [];
  for (let d = Math.floor(from / msPerDay) - 1; d <= Math.floor(to / msPerDay); d++) {
    const entry = dayOffsets(cache, d);
    if (entry.before !== entry.after && entry.transition > from && entry.transition <= to && changes[changes.length - 1] !== entry.transition) changes.push(entry.transition);
  }
  return changes;
}

/** The instant local midnight starts the local day `dayNumber` in `zone` (gap rule applies). @internal */
export function startOfLocalDay(zone: string, dayNumber: number): number {
  return fromWallMs(zone, dayNumber * msPerDay);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). @internal */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day number of the first day of the week containing `dayNumber`. @internal */
export function startOfWeekDay(dayNumber: number, weekStartsOn: number): number {
  return dayNumber - ((weekdayOf(dayNumber) - weekStartsOn + 7) % 7);
}

/** The day number of the first day of the calendar month containing `dayNumber`, and of the next one. @internal */
export function monthBoundsDays(dayNumber: number): readonly [number, number] {
  const date = new Date(dayNumber * msPerDay);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return [Date.UTC(year, month, 1) / msPerDay, Date.UTC(year, month + 1, 1) / msPerDay];
}

/**
 * The first instant ≥ `ms` at which the wall clock of `zone` reads `minuteOfDay` (minutes after
 * midnight). Both passes of a repeated hour count: at 02:15 in the second pass of Berlin's fall-back
 * hour, the next 02:30 is 15 minutes later, not the next day. If that wall time is skipped on a day
 * (a spring-forward gap), the transition instant is used.
 * @internal
 */
export function nextLocalTime(zone: string, ms: number, minuteOfDay: number): number {
  const day = localDayNumber(zone, ms);
  for (let d = day - 1; d <= day + 2; d++) {
    for (const at of wallTimeInstants(zone, d * msPerDay + minuteOfDay * msPerMinute)) if (at >= ms) return at;
  }
  // Unreachable for real zones (a later day always qualifies); kept total for safety.
  return ms + msPerDay;
}

/** Milliseconds per hour and minute, for callers that turn 'HH:MM' into minutes. @internal */
export const clockUnits = { msPerMinute, msPerHour } as const;
