import { describe, expect, it } from 'vitest';
import {
  clockInZone,
  defaultScenarioInstant,
  formatInZone,
  isoToLocal,
  isSkippedLocalTime,
  localToIso,
  nextLocalOccurrence,
  readScenario,
  scenarioSearch,
  zoneLabel,
} from './scenario';

const NEW_YORK = 'America/New_York';

describe('localToIso and isoToLocal', () => {
  it('reads the wall clock in the client zone, with the offset of that date', () => {
    // EST (UTC-5) in November, EDT (UTC-4) in July.
    expect(localToIso({ date: '2026-11-29', time: '02:00' }, NEW_YORK)).toBe('2026-11-29T07:00:00Z');
    expect(localToIso({ date: '2026-07-05', time: '02:00' }, NEW_YORK)).toBe('2026-07-05T06:00:00Z');
    expect(localToIso({ date: '2026-11-29', time: '02:00' }, 'Europe/Berlin')).toBe('2026-11-29T01:00:00Z');
  });

  it('turns an instant back into the same wall clock, whatever offset it was written with', () => {
    expect(isoToLocal('2026-11-29T07:00:00Z', NEW_YORK)).toEqual({ date: '2026-11-29', time: '02:00' });
    expect(isoToLocal('2026-11-29T08:00:00+01:00', NEW_YORK)).toEqual({ date: '2026-11-29', time: '02:00' });
    const local = { date: '2026-03-29', time: '23:45' };
    expect(isoToLocal(localToIso(local, 'Australia/Sydney') ?? '', 'Australia/Sydney')).toEqual(local);
  });

  it('refuses what is not a date, a time or a zone', () => {
    expect(localToIso({ date: '2026-02-30', time: '02:00' }, NEW_YORK)).toBeNull();
    expect(localToIso({ date: '2026-11-29', time: '24:00' }, NEW_YORK)).toBeNull();
    expect(localToIso({ date: '', time: '' }, NEW_YORK)).toBeNull();
    expect(localToIso({ date: '2026-11-29', time: '02:00' }, 'Mars/Olympus')).toBeNull();
    expect(isoToLocal('not a date', NEW_YORK)).toBeNull();
  });

  it('knows the wall clock times that daylight saving skips', () => {
    // On 8 March 2026 New York's clocks jump from 02:00 to 03:00.
    expect(isSkippedLocalTime({ date: '2026-03-08', time: '02:30' }, NEW_YORK)).toBe(true);
    expect(localToIso({ date: '2026-03-08', time: '02:30' }, NEW_YORK)).toBe('2026-03-08T07:30:00Z');
    expect(isSkippedLocalTime({ date: '2026-03-08', time: '03:30' }, NEW_YORK)).toBe(false);
    expect(isSkippedLocalTime({ date: '2026-11-29', time: '02:00' }, NEW_YORK)).toBe(false);
  });
});

describe('defaultScenarioInstant', () => {
  it('is next Sunday 02:00 on the client clock', () => {
    // Wednesday 25 November 2026, noon UTC.
    expect(defaultScenarioInstant('2026-11-25T12:00:00Z', NEW_YORK)).toEqual({ date: '2026-11-29', time: '02:00' });
  });

  it('is today when it is Sunday before 02:00 there, and next week from 02:00 on', () => {
    expect(defaultScenarioInstant('2026-11-29T06:59:00Z', NEW_YORK)).toEqual({ date: '2026-11-29', time: '02:00' });
    expect(defaultScenarioInstant('2026-11-29T07:00:00Z', NEW_YORK)).toEqual({ date: '2026-12-06', time: '02:00' });
  });

  it('counts days on the client clock, not in UTC', () => {
    // Monday 03:00 UTC is still Sunday 22:00 in New York: the coming Sunday 02:00 is a week away.
    expect(defaultScenarioInstant('2026-11-30T03:00:00Z', NEW_YORK)).toEqual({ date: '2026-12-06', time: '02:00' });
    // ... while in Tokyo it is already Monday noon.
    expect(defaultScenarioInstant('2026-11-30T03:00:00Z', 'Asia/Tokyo')).toEqual({ date: '2026-12-06', time: '02:00' });
    // Saturday 16:00 UTC is Sunday 01:00 in Tokyo: 02:00 is an hour away.
    expect(defaultScenarioInstant(new Date('2026-11-28T16:00:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-11-29',
      time: '02:00',
    });
  });
});

describe('nextLocalOccurrence', () => {
  it('finds the presets from a Wednesday', () => {
    const wednesday = '2026-11-25T15:00:00Z';
    expect(nextLocalOccurrence(wednesday, NEW_YORK, 1, '09:00')).toEqual({ date: '2026-11-30', time: '09:00' });
    expect(nextLocalOccurrence(wednesday, NEW_YORK, 5, '16:55')).toEqual({ date: '2026-11-27', time: '16:55' });
    // Wednesday 10:00 in New York: Wednesday 09:00 has passed, 11:00 has not.
    expect(nextLocalOccurrence(wednesday, NEW_YORK, 3, '09:00')).toEqual({ date: '2026-12-02', time: '09:00' });
    expect(nextLocalOccurrence(wednesday, NEW_YORK, 3, '11:00')).toEqual({ date: '2026-11-25', time: '11:00' });
  });
});

describe('readScenario and scenarioSearch', () => {
  it('round-trips a linked scenario', () => {
    const search = scenarioSearch({
      row: 'incident_handling',
      severity: 'p1',
      at: { date: '2026-11-29', time: '02:00' },
    });
    expect(search.toString()).toBe('row=incident_handling&severity=p1&at=2026-11-29T02%3A00');
    expect(readScenario(search, NEW_YORK)).toEqual({
      row: 'incident_handling',
      severity: 'p1',
      at: { date: '2026-11-29', time: '02:00' },
    });
  });

  it('accepts an instant with an offset and shows it on the client clock', () => {
    const params = new URLSearchParams('row=r&severity=p2&at=2026-11-29T07:00:00Z');
    expect(readScenario(params, NEW_YORK).at).toEqual({ date: '2026-11-29', time: '02:00' });
  });

  it('leaves out what it cannot read instead of guessing', () => {
    expect(readScenario(new URLSearchParams('at=yesterday&row=&severity=%20'), NEW_YORK)).toEqual({
      row: null,
      severity: null,
      at: null,
    });
    expect(readScenario(new URLSearchParams('at=2026-02-30T02:00'), NEW_YORK).at).toBeNull();
  });
});

describe('formatting on a zone clock', () => {
  it('names the weekday, the date and the time', () => {
    expect(formatInZone('2026-11-29T07:00:00Z', NEW_YORK)).toBe('Sunday 29 Nov 2026, 02:00');
    expect(clockInZone('2026-11-29T07:15:00Z', NEW_YORK, '2026-11-29T07:00:00Z')).toBe('02:15');
    expect(clockInZone('2026-11-30T07:15:00Z', NEW_YORK, '2026-11-29T07:00:00Z')).toBe('Mon 02:15');
    expect(zoneLabel(NEW_YORK, '2026-11-29T07:00:00Z')).toBe('America/New_York, UTC-05:00');
    expect(zoneLabel(NEW_YORK, '2026-07-05T06:00:00Z')).toBe('America/New_York, UTC-04:00');
  });
});
