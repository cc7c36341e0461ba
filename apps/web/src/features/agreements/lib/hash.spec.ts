import { describe, expect, it } from 'vitest';
import { hashGroups, shortHash } from './hash';

const hash = '6c6dbc4db3bcf43f62e391a7654921c05f743b30d5face9637d4071a0a38079e';

describe('hash display', () => {
  it('splits a SHA-256 into eight groups of eight that join back to it', () => {
    const groups = hashGroups(hash);
    expect(groups).toHaveLength(8);
    expect(groups[0]).toBe('6c6dbc4d');
    expect(groups.join('')).toBe(hash);
  });

  it('shortens a hash for lists, leaving short text alone', () => {
    expect(shortHash(hash)).toBe('6c6dbc4db3bc…');
    expect(shortHash('abc')).toBe('abc');
  });
});
