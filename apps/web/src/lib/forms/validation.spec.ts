import { describe, expect, it } from 'vitest';
import { emailMessage, looksLikeEmail, newPasswordMessage, requiredMessage } from './validation';

describe('form checks', () => {
  it('accepts ordinary addresses and rejects obvious typos', () => {
    expect(looksLikeEmail('ida@harbordental.example')).toBe(true);
    expect(looksLikeEmail(' ida@harbordental.example ')).toBe(true);
    expect(looksLikeEmail('ida@harbordental')).toBe(false);
    expect(looksLikeEmail('ida harbordental.example')).toBe(false);
    expect(emailMessage('')).toBe('Enter your e-mail address');
    expect(emailMessage('x@')).toMatch(/such as/);
  });

  it('wants new passwords of at least 12 characters, like the API', () => {
    expect(newPasswordMessage('a'.repeat(11))).toBe('Use at least 12 characters');
    expect(newPasswordMessage('a'.repeat(12))).toBeUndefined();
  });

  it('treats blank text as missing', () => {
    expect(requiredMessage('   ', 'Enter a name')).toBe('Enter a name');
    expect(requiredMessage('Ida', 'Enter a name')).toBeUndefined();
  });
});
