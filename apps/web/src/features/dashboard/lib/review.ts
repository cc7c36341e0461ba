export interface ReviewDue {
  due: boolean;
  /** "YYYY-MM-DD" */
  dueOn: string;
  /** Negative once overdue. */
  daysLeft: number;
}

export interface ReviewLook {
  label: string;
  color: string;
  /** The sentence behind the badge, for its tooltip. */
  detail: string;
}

/** How many days before the due date a review shows as coming up (orange rather than gray). */
export const REVIEW_SOON_DAYS = 30;

/** "28 Nov 2027": a calendar date ("YYYY-MM-DD") as a date, the same day in every time zone. */
export function formatCalendarDate(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * The review badge of an agreement in effect: red "Review overdue" after the due date, red
 * "Review due" on it, orange "Review by <date>" within REVIEW_SOON_DAYS, gray "Review by <date>"
 * before that.
 */
export function reviewLook(review: ReviewDue, locale?: string): ReviewLook {
  const date = formatCalendarDate(review.dueOn, locale);
  if (review.daysLeft < 0) {
    return {
      label: 'Review overdue',
      color: 'red',
      detail: `The review was due on ${date}, ${days(-review.daysLeft)} ago.`,
    };
  }
  if (review.due || review.daysLeft === 0) {
    return { label: 'Review due', color: 'red', detail: `The agreement is due for review today (${date}).` };
  }
  return {
    label: `Review by ${date}`,
    color: review.daysLeft <= REVIEW_SOON_DAYS ? 'orange' : 'gray',
    detail: `Due for review in ${days(review.daysLeft)}.`,
  };
}

/** "2 high, 1 medium", or "No gaps". */
export function gapsLabel(gaps: { high: number; medium: number; low: number }): string {
  const parts = (['high', 'medium', 'low'] as const)
    .filter((level) => gaps[level] > 0)
    .map((level) => `${gaps[level]} ${level}`);
  return parts.length > 0 ? parts.join(', ') : 'No gaps';
}

/** Checks a review interval typed in the settings card; the API allows 1 to 3650 whole days. */
export function reviewIntervalMessage(value: number | string): string | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === '' || !Number.isFinite(n)) return 'Enter a number of days';
  if (!Number.isInteger(n)) return 'Use whole days';
  if (n < 1) return 'At least 1 day';
  if (n > 3650) return 'At most 3650 days (10 years)';
  return undefined;
}
