/** Small helpers for the plain-language sentences of the gap report and the diff. */

export function quote(text: string): string {
  return `'${text}'`;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
