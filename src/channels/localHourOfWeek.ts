/**
 * Hour of the week in a time zone, from UTC instants.
 * @internal
 * @module
 */
import { msPerDay } from '../internal/time.js';

const msPerHour = 3_600_000;
const bucketMs = 900_000; // offsets change only at 15-minute-aligned UTC instants (see below)

/**
 * Returns a function from epoch milliseconds to the hour of the week in `timeZone`: 0 is Monday
 * 00:00–00:59 local time, 167 is Sunday 23:00–23:59.
 *
 * @remarks
 * The zone's UTC offset comes from `Intl.DateTimeFormat` (the runtime's IANA database), so daylight
 * saving time is followed; it is cached per 15-minute UTC interval, because every offset in use
 * since the 1970s is a multiple of 15 minutes and changes at such an instant. Local wall-clock
 * fields are then read by arithmetic on epoch days (1970-01-01 was a Thursday), never with the
 * machine's local-time getters. `timeZone` must be valid (checked by `TimeZoneSchema`).
 * @internal
 */
export function localHourOfWeek(timeZone: string): (ms: number) => number {
  const format =
    timeZone === 'UTC' || timeZone === 'Etc/UTC'
      ? undefined
      : new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
        });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    if (format === undefined) return 0;
    const bucket = Math.floor(ms / bucketMs);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * bucketMs;
      const fields: Record<string, number> = {};
      for (const part of format.formatToParts(start)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
      const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, (fields.hour ?? 0) % 24, fields.minute ?? 0);
      offset = wall - start;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (ms) => {
    const local = ms + offsetAt(ms);
    const day = Math.floor(local / msPerDay);
    const weekday = (((day + 3) % 7) + 7) % 7; // Monday = 0; day 0 (1970-01-01) was a Thursday
    const hour = Math.floor((local - day * msPerDay) / msPerHour);
    return weekday * 24 + hour;
  };
}
