/**
 * "15 min", "4 h", "1 h 30 min", "2 d", "1 d 4 h": a number of minutes as people read targets and
 * waits. Every unit that is not zero is shown, so the text is exact ("1 d 5 min", not "1 d").
 * A value the policy would reject (not a whole number, negative) has no friendly form: null.
 */
export function formatMinutes(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 0) return null;
  if (minutes === 0) return '0 min';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days > 0 ? `${days} d` : null, hours > 0 ? `${hours} h` : null, rest > 0 ? `${rest} min` : null]
    .filter((part) => part !== null)
    .join(' ');
}

/** The same, for a sentence: "1 hour 30 minutes", "15 minutes", "2 days". */
export function minutesInWords(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) return `${minutes} minutes`;
  if (minutes === 0) return '0 minutes';
  const unit = (n: number, word: string) => (n === 0 ? null : `${n} ${word}${n === 1 ? '' : 's'}`);
  return [
    unit(Math.floor(minutes / 1440), 'day'),
    unit(Math.floor((minutes % 1440) / 60), 'hour'),
    unit(minutes % 60, 'minute'),
  ]
    .filter((part) => part !== null)
    .join(' ');
}

/** What a minutes input holds while someone types: a number, or '' / '-' that is not one yet. */
export function parseMinutes(text: string | number): number {
  if (typeof text === 'number') return text;
  const trimmed = text.trim();
  if (trimmed === '' || !/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}
