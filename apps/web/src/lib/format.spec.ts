import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelativeTime } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [42.9, '42 s'],
    [60, '1 min'],
    [3_599, '59 min'],
    [3_600, '1 h'],
    [3 * 3_600 + 20 * 60 + 5, '3 h 20 min'],
    [86_400, '1 d'],
    [4 * 86_400 + 6 * 3_600 + 59, '4 d 6 h'],
  ])('shows %f seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it.each([
    [10, 'just now'],
    [-10, 'just now'],
    [50, '1 minute ago'],
    [5 * 60, '5 minutes ago'],
    [3 * 3_600, '3 hours ago'],
    [86_400, 'yesterday'],
    [3 * 86_400, '3 days ago'],
    [14 * 86_400, '14 days ago'],
    [-7 * 86_400, 'in 7 days'],
    [400 * 86_400, 'last year'],
    [-2 * 86_400, 'in 2 days'],
  ])('shows %i seconds ago as "%s"', (seconds, text) => {
    expect(formatRelativeTime(ago(seconds), now, 'en')).toBe(text);
  });
});
