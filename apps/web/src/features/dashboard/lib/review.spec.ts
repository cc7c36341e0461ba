import { describe, expect, it } from 'vitest';
import { formatCalendarDate, gapsLabel, reviewIntervalMessage, reviewLook } from './review';

describe('reviewLook', () => {
  it('is red once the review is due or overdue', () => {
    expect(reviewLook({ due: true, dueOn: '2026-11-28', daysLeft: 0 }, 'en-GB')).toMatchObject({
      label: 'Review due',
      color: 'red',
    });
    expect(reviewLook({ due: true, dueOn: '2026-11-20', daysLeft: -8 }, 'en-GB')).toEqual({
      label: 'Review overdue',
      color: 'red',
      detail: 'The review was due on 20 Nov 2026, 8 days ago.',
    });
  });

  it('says by when, orange within a month and gray before', () => {
    expect(reviewLook({ due: false, dueOn: '2026-12-10', daysLeft: 12 }, 'en-GB')).toEqual({
      label: 'Review by 10 Dec 2026',
      color: 'orange',
      detail: 'Due for review in 12 days.',
    });
    expect(reviewLook({ due: false, dueOn: '2027-11-28', daysLeft: 365 }, 'en-GB').color).toBe('gray');
    expect(reviewLook({ due: false, dueOn: '2026-11-29', daysLeft: 1 }, 'en-GB').detail).toBe(
      'Due for review in 1 day.',
    );
  });
});

describe('formatCalendarDate', () => {
  it('shows the calendar day itself, whatever the time zone', () => {
    expect(formatCalendarDate('2027-01-01', 'en-GB')).toBe('1 Jan 2027');
    expect(formatCalendarDate('not a date')).toBe('not a date');
  });
});

describe('gapsLabel', () => {
  it('lists the gap levels that have gaps', () => {
    expect(gapsLabel({ high: 2, medium: 0, low: 1 })).toBe('2 high, 1 low');
    expect(gapsLabel({ high: 0, medium: 0, low: 0 })).toBe('No gaps');
  });
});

describe('reviewIntervalMessage', () => {
  it('accepts whole days from 1 to 3650, as the API does', () => {
    expect(reviewIntervalMessage(365)).toBeUndefined();
    expect(reviewIntervalMessage(1)).toBeUndefined();
    expect(reviewIntervalMessage(3650)).toBeUndefined();
    expect(reviewIntervalMessage(0)).toBe('At least 1 day');
    expect(reviewIntervalMessage(3651)).toMatch(/At most 3650/);
    expect(reviewIntervalMessage(1.5)).toBe('Use whole days');
    expect(reviewIntervalMessage('')).toBe('Enter a number of days');
  });
});
