import { isValidTimeZone, toDateTime } from '../escalation/schedule';

/** When an approved agreement is due for its periodic review, and how long is left. */
export interface ReviewDue {
  /** True from the due date on. */
  due: boolean;
  /** "YYYY-MM-DD": the approval date plus the interval, as a calendar date. */
  dueOn: string;
  /** Whole calendar days from today to the due date: 0 on the day, negative once overdue. */
  daysLeft: number;
}

/**
 * An agreement approved on `approvedAt` is reviewed every `intervalDays` days (the workspace's
 * review interval). Days are calendar days in `timeZone` (UTC unless told, e.g. the client's
 * business-hours zone), so the answer changes at that zone's midnight, not at an arbitrary hour.
 * Throws a RangeError when a date is not a date, the zone is unknown, or the interval is not a whole
 * number of at least one day: those are programming errors, not input to report.
 */
export function reviewDue(
  approvedAt: Date | string,
  intervalDays: number,
  now: Date | string,
  timeZone = 'UTC',
): ReviewDue {
  if (!Number.isInteger(intervalDays) || intervalDays < 1) {
    throw new RangeError(`The review interval must be a whole number of days, at least 1; got ${intervalDays}.`);
  }
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone '${timeZone}'.`);
  const day = (instant: Date | string) => toDateTime(instant, timeZone).setZone(timeZone).startOf('day');
  const dueDay = day(approvedAt).plus({ days: intervalDays });
  const today = day(now);
  // Calendar dates rather than elapsed hours: a daylight-saving change makes some days 23 or 25 hours.
  const daysLeft = Math.round(dueDay.diff(today, 'days').days);
  return { due: daysLeft <= 0, dueOn: dueDay.toISODate() ?? '', daysLeft };
}
