import { describe, expect, it } from 'vitest';
import { nameMatches } from './names';

describe('nameMatches', () => {
  it('accepts the name typed in any case and with stray spaces', () => {
    expect(nameMatches('Ida Lindqvist', 'Ida Lindqvist')).toBe(true);
    expect(nameMatches('ida lindqvist', 'Ida Lindqvist')).toBe(true);
    expect(nameMatches('  IDA   Lindqvist ', 'Ida Lindqvist')).toBe(true);
  });

  it('treats composed and decomposed accents alike', () => {
    expect(nameMatches('Zoe\u0301 Brontë', 'Zoé Brontë')).toBe(true);
  });

  it('refuses another name, a part of the name, and an empty entry', () => {
    expect(nameMatches('Olivia Chen', 'Ida Lindqvist')).toBe(false);
    expect(nameMatches('Ida', 'Ida Lindqvist')).toBe(false);
    expect(nameMatches('IdaLindqvist', 'Ida Lindqvist')).toBe(false);
    expect(nameMatches('   ', '')).toBe(false);
  });
});
