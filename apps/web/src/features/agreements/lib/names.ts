/**
 * Names compare as people type them, as the API compares them when someone signs: Unicode
 * composition, case, surrounding and repeated spaces aside. "  ida   LINDQVIST " is Ida Lindqvist.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** True when `typed` is `actual` as the API will accept it; an empty entry never matches. */
export function nameMatches(typed: string, actual: string): boolean {
  const normalized = normalizeName(typed);
  return normalized !== '' && normalized === normalizeName(actual);
}
