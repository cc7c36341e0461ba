import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { alwaysOn, schedule } from '../testing/escalation';
import { clockMinutes, isCovered, localTime, nextCoveredInstant, toDateTime } from './schedule';
import { type Schedule, WEEKDAYS, type WeeklyWindow } from './types';

const berlin = schedule('Europe/Berlin');
const losAngeles = schedule('America/Los_Angeles');
const everyDay = (start: string, end: string): WeeklyWindow[] => WEEKDAYS.map((day) => ({ day, start, end }));

describe('isCovered', () => {
  it('covers office hours from the start minute up to, not including, the end minute', () => {
    // Wednesday 2026-01-14 in Berlin is UTC+1.
    expect(isCovered(berlin, '2026-01-14T06:59:00Z')).toBe(false);
    expect(isCovered(berlin, '2026-01-14T07:00:00Z')).toBe(true);
    expect(isCovered(berlin, '2026-01-14T15:59:59Z')).toBe(true);
    expect(isCovered(berlin, '2026-01-14T16:00:00Z')).toBe(false);
  });

  it('does not cover weekends of an office-hours schedule', () => {
    expect(isCovered(berlin, '2026-01-17T10:00:00Z')).toBe(false);
  });

  it('opens the Monday 08:00 window at 06:00 UTC once Berlin has moved to summer time', () => {
    expect(isCovered(berlin, '2026-03-23T06:30:00Z')).toBe(false);
    expect(isCovered(berlin, '2026-03-23T07:00:00Z')).toBe(true);
    expect(isCovered(berlin, '2026-03-30T05:59:00Z')).toBe(false);
    expect(isCovered(berlin, '2026-03-30T06:00:00Z')).toBe(true);
  });

  it('opens the Monday 08:00 window at 07:00 UTC again after Berlin returns to winter time', () => {
    expect(isCovered(berlin, '2026-10-23T06:00:00Z')).toBe(true);
    expect(isCovered(berlin, '2026-10-26T06:30:00Z')).toBe(false);
    expect(isCovered(berlin, '2026-10-26T07:00:00Z')).toBe(true);
  });

  it('follows both daylight-saving changes of Los Angeles', () => {
    expect(isCovered(losAngeles, '2026-03-02T16:00:00Z')).toBe(true);
    expect(isCovered(losAngeles, '2026-03-02T15:00:00Z')).toBe(false);
    expect(isCovered(losAngeles, '2026-03-09T15:00:00Z')).toBe(true);
    expect(isCovered(losAngeles, '2026-03-09T14:59:00Z')).toBe(false);
    expect(isCovered(losAngeles, '2026-10-30T15:00:00Z')).toBe(true);
    expect(isCovered(losAngeles, '2026-11-02T15:00:00Z')).toBe(false);
    expect(isCovered(losAngeles, '2026-11-02T16:00:00Z')).toBe(true);
  });

  it('takes "24:00" as the end of the day', () => {
    const evenings = schedule('Europe/Berlin', [{ day: 'fri', start: '20:00', end: '24:00' }]);
    expect(isCovered(evenings, '2026-01-16T22:59:00Z')).toBe(true);
    expect(isCovered(evenings, '2026-01-16T23:00:00Z')).toBe(false);
  });

  it('reads holidays as local dates: a Christmas holiday in Los Angeles starts at 08:00 UTC', () => {
    const daily = schedule('America/Los_Angeles', everyDay('00:00', '24:00'), ['2026-12-25']);
    expect(isCovered(daily, '2026-12-25T07:59:00Z')).toBe(true);
    expect(isCovered(daily, '2026-12-25T08:00:00Z')).toBe(false);
    expect(isCovered(daily, '2026-12-26T07:59:00Z')).toBe(false);
    expect(isCovered(daily, '2026-12-26T08:00:00Z')).toBe(true);
  });

  it('covers every instant of a 24/7 schedule, holidays and unknown zones included', () => {
    const always = { ...alwaysOn('msp', 'Mars/Base'), holidays: ['2026-12-25'] };
    expect(isCovered(always, '2026-12-25T12:00:00Z')).toBe(true);
  });

  it('covers nothing in a time zone it cannot read, rather than guessing', () => {
    expect(isCovered(schedule('Mars/Base', everyDay('00:00', '24:00')), '2026-01-14T10:00:00Z')).toBe(false);
  });

  it('accepts a JS Date, a luxon DateTime and a local time without an offset', () => {
    expect(isCovered(berlin, new Date('2026-03-30T06:00:00Z'))).toBe(true);
    expect(isCovered(berlin, DateTime.fromISO('2026-03-30T06:00:00Z'))).toBe(true);
    expect(isCovered(berlin, '2026-03-30T08:00')).toBe(true);
    expect(isCovered(berlin, '2026-03-30T07:59')).toBe(false);
  });

  it('refuses something that is not an instant', () => {
    expect(() => isCovered(berlin, 'next Tuesday')).toThrow(RangeError);
  });
});

describe('localTime', () => {
  it('names the weekday and wall clock time on each side of a daylight-saving change', () => {
    expect(localTime('Europe/Berlin', '2026-03-29T00:59:00Z')).toBe('Sunday 01:59');
    expect(localTime('Europe/Berlin', '2026-03-29T01:00:00Z')).toBe('Sunday 03:00');
    expect(localTime(losAngeles, '2026-11-01T08:30:00Z')).toBe('Sunday 01:30');
    expect(localTime(losAngeles, '2026-11-01T09:30:00Z')).toBe('Sunday 01:30');
  });

  it('writes English day names and Latin digits whatever the default locale (the API and every browser agree)', () => {
    const before = Settings.defaultLocale;
    Settings.defaultLocale = 'ar-EG';
    try {
      expect(localTime('Europe/Berlin', '2026-03-29T01:00:00Z')).toBe('Sunday 03:00');
      expect(isCovered(berlin, '2026-03-30T06:00:00Z')).toBe(true);
    } finally {
      Settings.defaultLocale = before;
    }
  });

  it('falls back to UTC for a zone it cannot read', () => {
    expect(localTime('Mars/Base', '2026-03-29T01:00:00Z')).toBe('Sunday 01:00');
  });
});

describe('clockMinutes', () => {
  it('reads "HH:mm" and "24:00", and nothing else', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('16:55')).toBe(16 * 60 + 55);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('24:30')).toBeNaN();
    expect(clockMinutes('8:00')).toBeNaN();
  });
});

describe('nextCoveredInstant', () => {
  const iso = (value: DateTime | null) => value?.toUTC().toISO() ?? null;

  it('finds the Monday morning after the spring change at its real UTC instant', () => {
    expect(iso(nextCoveredInstant(berlin, '2026-03-28T12:00:00Z', 3 * 1440))).toBe('2026-03-30T06:00:00.000Z');
    expect(iso(nextCoveredInstant(losAngeles, '2026-03-07T12:00:00Z', 3 * 1440))).toBe('2026-03-09T15:00:00.000Z');
  });

  it('answers the instant itself when it is covered', () => {
    expect(iso(nextCoveredInstant(berlin, '2026-03-30T09:00:00Z', 60))).toBe('2026-03-30T09:00:00.000Z');
  });

  it('answers null when cover does not begin within the limit', () => {
    expect(nextCoveredInstant(berlin, '2026-03-28T12:00:00Z', 60)).toBeNull();
    expect(nextCoveredInstant(schedule('Europe/Berlin', []), '2026-03-28T12:00:00Z', 10 * 1440)).toBeNull();
  });

  it('starts a window whose start was skipped by the spring change when the clocks jump', () => {
    const night = schedule('Europe/Berlin', [{ day: 'sun', start: '02:30', end: '04:00' }]);
    expect(iso(nextCoveredInstant(night, '2026-03-28T12:00:00Z', 2 * 1440))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('starts a window inside the repeated autumn hour a second time when that hour comes round again', () => {
    const night = schedule('Europe/Berlin', [{ day: 'sun', start: '02:30', end: '03:00' }]);
    expect(iso(nextCoveredInstant(night, '2026-10-24T12:00:00Z', 1440))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextCoveredInstant(night, '2026-10-25T01:00:00Z', 1440))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('skips a holiday to the next working day', () => {
    const withHoliday = schedule('America/Los_Angeles', undefined, ['2026-12-25']);
    expect(iso(nextCoveredInstant(withHoliday, '2026-12-25T02:00:00Z', 7 * 1440))).toBe('2026-12-28T16:00:00.000Z');
  });

  it('agrees with a quarter-hour walk through any schedule, daylight-saving changes included', () => {
    const zones = [
      'Europe/Berlin',
      'America/Los_Angeles',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
    ];
    // Around this year's changes in these zones, and any other quarter hour of the year.
    const changes = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-25', '2026-11-01'];
    const quarter = fc.integer({ min: 0, max: 95 });
    const windowArb = fc
      .tuple(fc.constantFrom(...WEEKDAYS), quarter, fc.integer({ min: 1, max: 96 }))
      .filter(([, start, end]) => end > start)
      .map(([day, start, end]): WeeklyWindow => ({ day, start: clock(start), end: clock(end) }));
    const fromArb = fc.oneof(
      fc
        .tuple(fc.constantFrom(...changes), fc.integer({ min: -4 * 96, max: 2 * 96 }))
        .map(([day, quarters]) => DateTime.fromISO(`${day}T00:00:00Z`).plus({ minutes: quarters * 15 })),
      fc
        .integer({ min: 0, max: 365 * 96 })
        .map((q) => DateTime.fromISO('2026-01-01T00:00:00Z').plus({ minutes: q * 15 })),
    );
    const scheduleArb = fc.record({
      timeZone: fc.constantFrom(...zones),
      alwaysOn: fc.constant(false),
      weekly: fc.array(windowArb, { maxLength: 4 }),
      holidays: fc.subarray([...changes, '2026-10-26', '2026-03-30']),
    });
    fc.assert(
      fc.property(scheduleArb, fromArb, (s: Schedule, from) => {
        const limit = 3 * 1440;
        expect(iso(nextCoveredInstant(s, from, limit))).toBe(iso(walk(s, from, limit)));
      }),
      { numRuns: 150 },
    );
  });
});

function clock(quarters: number): string {
  const minutes = quarters * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The slow, obvious answer: every quarter hour from `from`, the first one covered. */
function walk(s: Schedule, from: DateTime, limitMinutes: number): DateTime | null {
  for (let m = 0; m <= limitMinutes; m += 15) {
    const instant = from.plus({ minutes: m });
    if (isCovered(s, instant)) return instant;
  }
  return null;
}

describe('toDateTime', () => {
  it('reads an ISO time without offset as a wall clock time in the given zone', () => {
    expect(toDateTime('2026-03-29T01:50', 'Europe/Berlin').toUTC().toISO()).toBe('2026-03-29T00:50:00.000Z');
    expect(toDateTime('2026-03-29T01:50:00+02:00', 'Europe/Berlin').toUTC().toISO()).toBe('2026-03-28T23:50:00.000Z');
  });
});
