import { describe, expect, it } from 'vitest';
import { skipWhileClosed } from './skip-while-closed';

describe('skipWhileClosed', () => {
  it('skips drawing only while the dialog stays closed', () => {
    expect(skipWhileClosed({ opened: false }, { opened: false })).toBe(true);
    expect(skipWhileClosed({ opened: false }, { opened: true })).toBe(false);
    expect(skipWhileClosed({ opened: true }, { opened: true })).toBe(false);
    expect(skipWhileClosed({ opened: true }, { opened: false })).toBe(false);
  });
});
