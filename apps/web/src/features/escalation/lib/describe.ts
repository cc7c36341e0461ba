import {
  categoryLabel,
  type Channel,
  type Contact,
  type EscalationPath,
  type EscalationPolicy,
  type MatrixContent,
  type PathReview,
  type Schedule,
  type SeverityLevel,
  type StepSequence,
  WEEKDAYS,
} from '@accord/raci';
import { formatMinutes } from './minutes';

/** Short words for parts of a policy: in cards, badges, the conflict dialog and the simulator. */

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  phone: 'Phone',
  sms: 'SMS',
  email: 'E-mail',
  ticket: 'Ticket',
  chat: 'Chat',
};

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * "Mon–Fri 08:00–17:00", "Mon–Thu 08:00–17:00; Fri 08:00–12:00", "24/7". Days with the same
 * hours that follow each other are written as a range. Holidays are counted, not listed.
 */
export function scheduleSummary(schedule: Schedule): string {
  if (schedule.alwaysOn) return '24/7';
  const hours = WEEKDAYS.map((day) =>
    schedule.weekly
      .filter((w) => w.day === day)
      .map((w) => `${w.start}–${w.end}`)
      .sort()
      .join(', '),
  );
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= hours.length; i += 1) {
    if (i < hours.length && hours[i] === hours[start]) continue;
    if (hours[start] !== '') {
      const days = i - 1 === start ? SHORT_DAYS[start] : `${SHORT_DAYS[start]}–${SHORT_DAYS[i - 1]}`;
      runs.push(`${days} ${hours[start]}`);
    }
    start = i;
  }
  if (runs.length === 0) return 'No hours: never on duty';
  const holidays = schedule.holidays.length;
  return `${runs.join('; ')}${holidays > 0 ? ` (${holidays} ${holidays === 1 ? 'holiday' : 'holidays'} off)` : ''}`;
}

/** "P1 Emergency: respond 15 min / resolve 4 h by day, 30 min / 8 h after hours". */
export function severitySummary(severity: SeverityLevel): string {
  const pair = (t: SeverityLevel['businessHours']) =>
    `${formatMinutes(t.responseMinutes) ?? t.responseMinutes} / ${formatMinutes(t.resolutionMinutes) ?? t.resolutionMinutes}`;
  return `${severity.name || severity.key}: respond / resolve ${pair(severity.businessHours)} by day, ${pair(severity.afterHours)} after hours`;
}

export function contactSummary(contact: Contact, content: MatrixContent): string {
  const party = content.parties.find((p) => p.key === contact.partyKey)?.name ?? contact.partyKey;
  return [contact.name || '(no name)', contact.role, party, contact.phone, contact.email].filter(Boolean).join(' · ');
}

/** "Internal IT (Ida Lindqvist)", "Northwind (first contact)": who one step calls. */
export function calleeName(
  step: { partyKey: string; contactKey: string | null },
  policy: Pick<EscalationPolicy, 'contacts'>,
  content: MatrixContent,
): string {
  const party = content.parties.find((p) => p.key === step.partyKey)?.name ?? step.partyKey;
  if (step.contactKey === null) {
    const first = policy.contacts.find((c) => c.partyKey === step.partyKey);
    return first ? `${party} (${first.name || 'first contact'})` : party;
  }
  const contact = policy.contacts.find((c) => c.key === step.contactKey);
  return `${party} (${contact?.name || step.contactKey})`;
}

/** "Internal IT (Ida Lindqvist) by phone, 10 min → Northwind (Sam Patel) by phone; runs 2 times". */
export function sequenceSummary(
  sequence: StepSequence,
  policy: Pick<EscalationPolicy, 'contacts'>,
  content: MatrixContent,
): string {
  if (sequence.steps.length === 0) return 'No steps';
  const steps = sequence.steps
    .map((s, i) => {
      const wait =
        i < sequence.steps.length - 1 || sequence.repeat > 0
          ? `, ${formatMinutes(s.waitMinutes) ?? s.waitMinutes}`
          : '';
      return `${calleeName(s, policy, content)} by ${CHANNEL_LABELS[s.channel].toLowerCase()}${wait}`;
    })
    .join(' → ');
  return sequence.repeat > 0 ? `${steps}; runs ${sequence.repeat + 1} times` : steps;
}

/** "Threat response" for a category path, "'Security incident handling'" for a row's own path. */
export function pathScopeLabel(
  path: Pick<EscalationPath, 'category' | 'responsibilityKey'>,
  content: MatrixContent,
): string {
  if (path.responsibilityKey !== null) {
    const row = content.responsibilities.find((r) => r.key === path.responsibilityKey);
    return `'${row?.title ?? path.responsibilityKey}'`;
  }
  return path.category ? categoryLabel(path.category) : 'No scope';
}

/** "All severities", or the names of the severities a path is for. */
export function pathSeveritiesLabel(
  path: Pick<EscalationPath, 'severities'>,
  policy: Pick<EscalationPolicy, 'severities'>,
): string {
  if (path.severities.length === 0) return 'All severities';
  return path.severities.map((key) => policy.severities.find((s) => s.key === key)?.name ?? key).join(', ');
}

export function pathSummary(path: EscalationPath, policy: EscalationPolicy, content: MatrixContent): string {
  const head = `${pathScopeLabel(path, content)}, ${pathSeveritiesLabel(path, policy).toLowerCase()}: ${sequenceSummary(path, policy, content)}`;
  return path.afterHours ? `${head}. After hours: ${sequenceSummary(path.afterHours, policy, content)}` : head;
}

/**
 * The browser's own date formatting, not luxon: every row badge of the matrix grid shows this
 * label, and luxon would add 24 kB (gzip) to the grid's first load for one date.
 */
const REVIEW_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "Reviewed by Sam Patel on 2 Nov 2026", or "Not reviewed". */
export function reviewLabel(review: PathReview | null): string {
  if (review === null) return 'Not reviewed';
  const at = new Date(review.at);
  return Number.isNaN(at.getTime())
    ? `Reviewed by ${review.name}`
    : `Reviewed by ${review.name} on ${REVIEW_DATE.format(at)}`;
}
