import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { type Schedule, WEEKDAYS } from './types';

/**
 * Coverage is a question about wall clocks: "Monday 08:00 in Berlin" is a different UTC instant
 * before and after a daylight-saving change, and a holiday is a local date. So every question is
 * answered by turning the instant into the schedule's own zone with luxon and comparing local
 * dates and times; there is no offset arithmetic here, which is how DST "just works".
 */

/** An instant as the API and the web hand it over: a luxon DateTime, a JS Date or an ISO string. */
export type InstantInput = DateTime | Date | string;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since local midnight of "HH:mm" ("24:00" is 1440), or NaN for anything else. */
export function clockMinutes(clock: string): number {
  if (clock === '24:00') return 24 * 60;
  if (!CLOCK_PATTERN.test(clock)) return Number.NaN;
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/**
 * Zones known to be valid. Luxon builds an Intl.DateTimeFormat on every isValidZone call, which is
 * slow enough to dominate a week of coverage checks. Only valid names are kept: there are a few
 * hundred of them, whereas remembering every invalid string a client sends would grow for ever.
 */
const validZones = new Set<string>();

export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  if (validZones.has(zone)) return true;
  const valid = IANAZone.isValidZone(zone);
  if (valid) validZones.add(zone);
  return valid;
}

/**
 * The instant as a luxon DateTime. An ISO string without an offset ("2026-03-29T02:00") is a wall
 * clock time in `localZone`: that is how a person types "02:00 on Sunday". Throws a RangeError for
 * something that is not an instant, because that is a programming error, not a policy problem.
 */
export function toDateTime(instant: InstantInput, localZone = 'UTC'): DateTime {
  const zone = isValidTimeZone(localZone) ? localZone : 'UTC';
  const value =
    instant instanceof DateTime
      ? instant
      : instant instanceof Date
        ? DateTime.fromJSDate(instant)
        : typeof instant === 'string'
          ? DateTime.fromISO(instant, { zone })
          : DateTime.invalid('not an instant');
  if (!value.isValid) throw new RangeError(`'${String(instant)}' is not a valid date and time.`);
  return value;
}

/** The instant in the schedule's zone, or null when the zone is unknown (nobody can be on duty there). */
function inZone(timeZone: string, instant: InstantInput): DateTime | null {
  if (!isValidTimeZone(timeZone)) return null;
  const local = toDateTime(instant, timeZone).setZone(timeZone);
  return local.isValid ? local : null;
}

/** Minutes since local midnight, seconds included, so that 16:59:30 is still before a 17:00 end. */
function minuteOfDay(local: DateTime): number {
  return local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;
}

function coversLocal(schedule: Schedule, local: DateTime): boolean {
  if (schedule.alwaysOn) return true;
  if (schedule.holidays.includes(local.toISODate() ?? '')) return false;
  const day = WEEKDAYS[local.weekday - 1];
  const minute = minuteOfDay(local);
  // Windows start inclusive and end exclusive: a window ending at 17:00 is over at 17:00 sharp.
  return schedule.weekly.some((w) => w.day === day && clockMinutes(w.start) <= minute && minute < clockMinutes(w.end));
}

/**
 * Whether someone with this schedule is on duty at the instant. An always-on schedule covers every
 * instant, even with an unknown zone; any other schedule with an unknown zone covers none.
 */
export function isCovered(schedule: Schedule, instant: InstantInput): boolean {
  if (schedule.alwaysOn) return true;
  const local = inZone(schedule.timeZone, instant);
  return local !== null && coversLocal(schedule, local);
}

/**
 * "Sunday 02:00": the weekday and wall clock time at the instant in a zone (or a schedule's zone).
 * An unknown zone falls back to UTC rather than failing: a label must always be shown.
 */
export function localTime(zone: Schedule | string, instant: InstantInput): string {
  const timeZone = typeof zone === 'string' ? zone : zone.timeZone;
  const local = inZone(timeZone, instant) ?? toDateTime(instant).toUTC();
  // Built by hand rather than with toFormat: a browser's locale could otherwise bring its own digits.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAY_NAMES[local.weekday - 1]} ${pad(local.hour)}:${pad(local.minute)}`;
}

/**
 * The first instant at or after `from` and at most `limitMinutes` later at which the schedule
 * covers, in the schedule's zone; null when there is none in that span. Cover can only begin at
 * `from` itself, at a window's start on a day that is not a holiday, or at a daylight-saving change
 * (a window starting at 02:30 on the night the clocks jump from 02:00 to 03:00 begins at 03:00), so
 * those are the only instants examined.
 */
export function nextCoveredInstant(schedule: Schedule, from: InstantInput, limitMinutes: number): DateTime | null {
  const start = inZone(schedule.timeZone, from);
  if (start === null) return schedule.alwaysOn ? toDateTime(from) : null;
  if (coversLocal(schedule, start)) return start;
  const end = start.plus({ minutes: Math.max(0, limitMinutes) });
  let best: DateTime | null = null;
  const consider = (candidate: DateTime) => {
    if (candidate < start || candidate > end || (best !== null && candidate >= best)) return;
    if (coversLocal(schedule, candidate)) best = candidate;
  };
  for (let day = start.startOf('day'); day <= end; day = day.plus({ days: 1 }).startOf('day')) {
    const next = day.plus({ days: 1 }).startOf('day');
    if (next.offset !== day.offset) consider(offsetChange(day, next));
    for (const window of schedule.weekly) {
      if (window.day !== WEEKDAYS[day.weekday - 1]) continue;
      for (const candidate of instantsAtWallClock(day, clockMinutes(window.start), [day.offset, next.offset])) {
        consider(candidate);
      }
    }
  }
  return best;
}

/**
 * Every instant at which the local clock of `day`'s zone shows that date and minute: none inside
 * the hour skipped in spring, two inside the hour repeated in autumn, one otherwise.
 */
function instantsAtWallClock(day: DateTime, minute: number, offsets: readonly number[]): DateTime[] {
  if (!Number.isFinite(minute)) return [];
  const wall = { year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 };
  const found: DateTime[] = [];
  for (const offset of new Set(offsets)) {
    const candidate = DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(offset) }).setZone(day.zone);
    const sameWall =
      candidate.isValid && candidate.toISODate() === day.toISODate() && minuteOfDay(candidate) === minute;
    if (sameWall && !found.some((f) => f.equals(candidate))) found.push(candidate);
  }
  return found;
}

/** The first minute with the later offset, between two instants a day apart whose offsets differ. */
function offsetChange(before: DateTime, after: DateTime): DateTime {
  let lo = before;
  let hi = after;
  while (hi.diff(lo, 'minutes').minutes > 1) {
    const mid = lo.plus({ minutes: Math.floor(hi.diff(lo, 'minutes').minutes / 2) });
    if (mid.offset === before.offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
