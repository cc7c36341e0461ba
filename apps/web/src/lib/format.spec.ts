import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

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
