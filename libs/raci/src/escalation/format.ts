import { type DateTime } from 'luxon';
import { type SequenceKind } from './paths';
import { type EscalationPath } from './types';

/** "1 minute", "45 minutes", "4 hours", "1 day": whole hours and days read better than 240 minutes. */
export function duration(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes >= 60 && minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}

/** The instant as the API and JSON carry it: "2026-03-29T00:00:00.000Z", like Date.toISOString. */
export function isoUtc(instant: DateTime): string {
  return instant.toUTC().toISO() ?? instant.toString();
}

/** How a sentence names the steps that ran: a path without after-hours steps runs its own steps at all hours. */
export function sequenceName(kind: SequenceKind, path: Pick<EscalationPath, 'afterHours'>): string {
  if (kind === 'after_hours') return 'after-hours steps';
  return path.afterHours === null ? 'steps' : 'business-hours steps';
}
