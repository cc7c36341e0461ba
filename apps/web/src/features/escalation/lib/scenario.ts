import { DateTime } from 'luxon';

/**
 * The simulator's "when": a wall clock date and time in the client's time zone (the zone of the
 * policy's business hours), because that is how people ask the question ("02:00 on a Sunday").
 * These helpers turn it into the ISO instant the API takes and back, with luxon, so daylight
 * saving is the time zone database's business, not ours.
 */
export interface LocalInstant {
  /** "2026-11-29" */
  date: string;
  /** "02:00" */
  time: string;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_PATTERN = /^(\d{4}-\d{2}-\d{2})T((?:[01]\d|2[0-3]):[0-5]\d)$/;

export function isLocalInstant(local: LocalInstant): boolean {
  return DATE_PATTERN.test(local.date) && TIME_PATTERN.test(local.time);
}

function toLuxon(local: LocalInstant, zone: string): DateTime | null {
  if (!isLocalInstant(local)) return null;
  const value = DateTime.fromISO(`${local.date}T${local.time}`, { zone });
  return value.isValid ? value : null;
}

/**
 * "2026-11-29" "02:00" in America/New_York -> "2026-11-29T07:00:00Z". Null when the date or time
 * is not one, or the zone is unknown. A wall clock time the clocks skip (02:30 on the night they
 * jump to 03:00) becomes the instant an hour later, as luxon reads it; see `isSkippedLocalTime`.
 */
export function localToIso(local: LocalInstant, zone: string): string | null {
  return toLuxon(local, zone)?.toUTC().toISO({ suppressMilliseconds: true }) ?? null;
}

/** The instant's wall clock date and time in the zone; null for an instant or zone that is not valid. */
export function isoToLocal(iso: string, zone: string): LocalInstant | null {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (!value.isValid) return null;
  return { date: value.toISODate() ?? '', time: value.toFormat('HH:mm') };
}

/** True when that wall clock time does not exist in the zone that day (the hour skipped in spring). */
export function isSkippedLocalTime(local: LocalInstant, zone: string): boolean {
  const value = toLuxon(local, zone);
  if (value === null) return false;
  return value.toISODate() !== local.date || value.toFormat('HH:mm') !== local.time;
}

/** Luxon's weekday numbers: 1 = Monday ... 7 = Sunday. */
export type WeekdayNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * The next time after `now` at which the zone's clocks show that weekday and time: strictly after,
 * so that "Sunday 02:00" asked at Sunday 02:00 means next week's. Returned as the wall clock asked
 * for, even on the night the clocks skip it.
 */
export function nextLocalOccurrence(
  now: Date | string,
  zone: string,
  weekday: WeekdayNumber,
  time: string,
): LocalInstant {
  const nowInZone = (typeof now === 'string' ? DateTime.fromISO(now) : DateTime.fromJSDate(now)).setZone(zone);
  const [hour, minute] = time.split(':').map(Number);
  const today = nowInZone.startOf('day');
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = today.plus({ days: offset });
    if (day.weekday !== weekday) continue;
    const candidate = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
    if (candidate > nowInZone) return { date: day.toISODate() ?? '', time };
  }
  // Unreachable for a valid zone: within eight days the weekday comes round after `now`.
  return { date: today.plus({ days: 7 }).toISODate() ?? '', time };
}

/** What the simulator asks by default: the hardest hour of the week, next Sunday 02:00 on the client's clock. */
export function defaultScenarioInstant(now: Date | string, zone: string): LocalInstant {
  return nextLocalOccurrence(now, zone, 7, '02:00');
}

/** One-click instants: the small hours of a weekend, a weekday morning, five minutes before closing on Friday. */
export const SCENARIO_PRESETS: readonly { label: string; weekday: WeekdayNumber; time: string }[] = [
  { label: 'Sunday 02:00', weekday: 7, time: '02:00' },
  { label: 'Monday 09:00', weekday: 1, time: '09:00' },
  { label: 'Friday 16:55', weekday: 5, time: '16:55' },
];

/** The simulator's inputs as they sit in the address, so that a scenario can be linked. */
export interface Scenario {
  /** The responsibility's key. */
  row: string | null;
  /** The severity's key. */
  severity: string | null;
  at: LocalInstant | null;
}

export const SCENARIO_PARAMS = { row: 'row', severity: 'severity', at: 'at' } as const;

/**
 * Reads `?row=incident_handling&severity=p1&at=2026-11-29T02:00`. `at` is the client's wall
 * clock; an instant with an offset ("2026-11-29T07:00:00Z") is accepted too and shown on that
 * clock. Anything unreadable is left empty rather than guessed.
 */
export function readScenario(params: URLSearchParams, zone: string): Scenario {
  const text = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return value === '' ? null : value;
  };
  const at = text(SCENARIO_PARAMS.at);
  const local = at === null ? null : LOCAL_PATTERN.exec(at);
  let instant: LocalInstant | null = null;
  if (local) instant = { date: local[1] ?? '', time: local[2] ?? '' };
  else if (at !== null && /(?:Z|[+-]\d{2}:?\d{2})$/.test(at)) instant = isoToLocal(at, zone);
  return {
    row: text(SCENARIO_PARAMS.row),
    severity: text(SCENARIO_PARAMS.severity),
    at: instant && toLuxon(instant, zone) ? instant : null,
  };
}

/** The address form of a complete scenario. */
export function scenarioSearch(scenario: { row: string; severity: string; at: LocalInstant }): URLSearchParams {
  return new URLSearchParams({
    [SCENARIO_PARAMS.row]: scenario.row,
    [SCENARIO_PARAMS.severity]: scenario.severity,
    [SCENARIO_PARAMS.at]: `${scenario.at.date}T${scenario.at.time}`,
  });
}

/** "Sunday 29 Nov 2026, 02:00": an instant on a zone's clock, in the words the app uses everywhere. */
export function formatInZone(iso: string, zone: string): string {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale('en-GB');
  return value.isValid ? value.toFormat('cccc d LLL yyyy, HH:mm') : iso;
}

/** "HH:mm" on a zone's clock, with the weekday when it is not the day of `reference`. */
export function clockInZone(iso: string, zone: string, reference?: string): string {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale('en-GB');
  if (!value.isValid) return iso;
  const ref = reference ? DateTime.fromISO(reference, { setZone: true }).setZone(zone) : null;
  return ref && ref.isValid && ref.toISODate() === value.toISODate()
    ? value.toFormat('HH:mm')
    : value.toFormat('ccc HH:mm');
}

/** "America/New_York, UTC-05:00" at that instant (the offset changes with daylight saving). */
export function zoneLabel(zone: string, iso?: string): string {
  const at = iso ? DateTime.fromISO(iso, { setZone: true }) : DateTime.now();
  const value = at.setZone(zone);
  return value.isValid ? `${zone}, UTC${value.toFormat('ZZ')}` : zone;
}
