import { describe, expect, it } from 'vitest';
import { formatMinutes, minutesInWords, parseMinutes } from './minutes';

describe('formatMinutes', () => {
  it('shows minutes under an hour as minutes', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(1)).toBe('1 min');
    expect(formatMinutes(15)).toBe('15 min');
    expect(formatMinutes(59)).toBe('59 min');
  });

  it('shows whole hours and days without a trailing zero unit', () => {
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(240)).toBe('4 h');
    expect(formatMinutes(1440)).toBe('1 d');
    expect(formatMinutes(7 * 1440)).toBe('7 d');
  });

  it('keeps every non-zero unit so the text stays exact', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(1500)).toBe('1 d 1 h');
    expect(formatMinutes(1445)).toBe('1 d 5 min');
    expect(formatMinutes(2 * 1440 + 4 * 60 + 1)).toBe('2 d 4 h 1 min');
  });

  it('has no friendly form for values the policy rejects', () => {
    expect(formatMinutes(-5)).toBeNull();
    expect(formatMinutes(1.5)).toBeNull();
    expect(formatMinutes(Number.NaN)).toBeNull();
  });
});

describe('minutesInWords', () => {
  it('spells the units out for sentences, singular and plural', () => {
    expect(minutesInWords(1)).toBe('1 minute');
    expect(minutesInWords(30)).toBe('30 minutes');
    expect(minutesInWords(60)).toBe('1 hour');
    expect(minutesInWords(8 * 60)).toBe('8 hours');
    expect(minutesInWords(1440 + 90)).toBe('1 day 1 hour 30 minutes');
  });
});

describe('parseMinutes', () => {
  it('reads numbers, and text that is not a number yet as NaN', () => {
    expect(parseMinutes(12)).toBe(12);
    expect(parseMinutes('15')).toBe(15);
    expect(parseMinutes(' -5 ')).toBe(-5);
    expect(parseMinutes('2.5')).toBe(2.5);
    expect(parseMinutes('')).toBeNaN();
    expect(parseMinutes('-')).toBeNaN();
    expect(parseMinutes('abc')).toBeNaN();
  });
});
