/**
 * Hour of the week in a time zone, from UTC instants.
 * @internal
 * @module
 */
import { toWallMs } from '../internal/localTime.js';
import { msPerDay } from '../internal/time.js';

const msPerHour = 3_600_000;

/**
 * Returns a function from epoch milliseconds to the hour of the week in `timeZone`: 0 is Monday
 * 00:00–00:59 local time, 167 is Sunday 23:00–23:59.
 *
 * @remarks
 * The wall clock comes from the shared zone-offset cache in `internal/localTime` (the runtime's
 * IANA database through `Intl.DateTimeFormat`, so daylight saving time is followed); the weekday and
 * hour are then read by arithmetic on epoch days (1970-01-01 was a Thursday), never with the
 * machine's local-time getters. `timeZone` must be valid (checked by `TimeZoneSchema`).
 * @internal
 */
export function localHourOfWeek(timeZone: string): (ms: number) => number {
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  return (ms) => {
    const local = utc ? ms : toWallMs(timeZone, ms);
    const day = Math.floor(local / msPerDay);
    const weekday = (((day + 3) % 7) + 7) % 7; // Monday = 0; day 0 (1970-01-01) was a Thursday
    const hour = Math.floor((local - day * msPerDay) / msPerHour);
    return weekday * 24 + hour;
  };
}
