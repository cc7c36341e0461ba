import { reviewDue } from './review';

describe('reviewDue', () => {
  it('falls the interval after approval, with the days left until then', () => {
    expect(reviewDue('2026-03-02T09:02:00.000Z', 365, '2026-03-10T12:00:00Z')).toEqual({
      due: false,
      dueOn: '2027-03-02',
      daysLeft: 357,
    });
  });

  it('is due on the day itself and stays due afterwards, counting the days overdue', () => {
    expect(reviewDue('2026-01-01T10:00:00Z', 90, '2026-04-01T00:00:00Z')).toEqual({
      due: true,
      dueOn: '2026-04-01',
      daysLeft: 0,
    });
    expect(reviewDue('2026-01-01T10:00:00Z', 90, '2026-04-03T23:59:00Z')).toEqual({
      due: true,
      dueOn: '2026-04-01',
      daysLeft: -2,
    });
    expect(reviewDue('2026-01-01T10:00:00Z', 90, '2026-03-31T23:59:59Z').due).toBe(false);
  });

  it('accepts dates as Date objects', () => {
    expect(reviewDue(new Date('2026-02-01T00:00:00Z'), 28, new Date('2026-02-15T08:00:00Z'))).toEqual({
      due: false,
      dueOn: '2026-03-01',
      daysLeft: 14,
    });
  });

  it('counts calendar days in the zone it is given, across a daylight-saving change', () => {
    // 20:00 in New York on 2 March is already 3 March in UTC.
    expect(reviewDue('2026-03-03T01:00:00Z', 30, '2026-03-20T12:00:00Z').dueOn).toBe('2026-04-02');
    expect(reviewDue('2026-03-03T01:00:00Z', 30, '2026-03-20T12:00:00Z', 'America/New_York')).toEqual({
      due: false,
      dueOn: '2026-04-01',
      daysLeft: 12,
    });
  });

  it('refuses an interval that is not a whole number of days, and what is not a date', () => {
    expect(() => reviewDue('2026-01-01', 0, '2026-01-02')).toThrow(RangeError);
    expect(() => reviewDue('2026-01-01', 1.5, '2026-01-02')).toThrow(RangeError);
    expect(() => reviewDue('yesterday', 30, '2026-01-02')).toThrow(RangeError);
    expect(() => reviewDue('2026-01-01', 30, '2026-01-02', 'Mars/Olympus')).toThrow(RangeError);
  });
});
