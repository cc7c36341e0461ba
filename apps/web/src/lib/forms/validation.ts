/** The API's minimum for a new password. */
export const MIN_PASSWORD_LENGTH = 12;

/** A light check before sending; the API has the last word on what an e-mail address is. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function requiredMessage(value: string, message: string): string | undefined {
  return value.trim() === '' ? message : undefined;
}

export function emailMessage(value: string): string | undefined {
  if (value.trim() === '') return 'Enter your e-mail address';
  return looksLikeEmail(value) ? undefined : 'Enter an e-mail address such as name@company.com';
}

export function newPasswordMessage(value: string): string | undefined {
  return value.length >= MIN_PASSWORD_LENGTH ? undefined : `Use at least ${MIN_PASSWORD_LENGTH} characters`;
}
