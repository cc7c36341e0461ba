/**
 * The escalation policy of one matrix (DESIGN.md section 2): severities with their targets, when
 * each party is on duty, who can be called, and the ordered paths a problem takes. Everything
 * refers to parties, rows and contacts by their stable keys, so that a policy can be frozen into a
 * version next to the matrix and hashed the same way.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CHANNELS = ['phone', 'sms', 'email', 'ticket', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Response and resolution targets, in minutes from the moment the problem is reported. */
export interface Targets {
  responseMinutes: number;
  resolutionMinutes: number;
}

/** "P1 Emergency": what qualifies, and how fast someone must answer by day and after hours. */
export interface SeverityLevel {
  /** Stable slug such as "p1". */
  key: string;
  /** Editable display name such as "P1 Emergency". */
  name: string;
  /** Plain language: what constitutes this severity. */
  criteria: string;
  businessHours: Targets;
  afterHours: Targets;
}

/** Local wall-clock hours on one weekday, "HH:mm" with end after start ("24:00" ends at midnight). */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

/** When someone is on duty, in an IANA time zone. `alwaysOn` (24/7) ignores the week and holidays. */
export interface Schedule {
  timeZone: string;
  alwaysOn: boolean;
  weekly: WeeklyWindow[];
  /** Local dates ("YYYY-MM-DD") without cover, such as public holidays. */
  holidays: string[];
}

/** When a party of the matrix answers. */
export interface PartyCoverage extends Schedule {
  partyKey: string;
}

/** Someone a step can call. Contacts of a party are tried in array order when a step names only the party. */
export interface Contact {
  key: string;
  partyKey: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

/** Call a party (or one of its contacts) by a channel, then wait before the next step. */
export interface EscalationStep {
  partyKey: string;
  /** A contact of that party, or null for the party's first contact / its general line. */
  contactKey: string | null;
  channel: Channel;
  /** Minutes to wait for an answer before the next step; 0 means the next step starts at once. */
  waitMinutes: number;
}

export interface StepSequence {
  steps: EscalationStep[];
  /** How many times the whole sequence runs again after its first pass when nobody answers. */
  repeat: number;
}

/** Who reviewed a path and when; cleared by the server whenever the path changes. */
export interface PathReview {
  userId: string;
  name: string;
  at: string;
}

/**
 * The route a problem takes for one category, or for one responsibility (the more specific wins).
 * `afterHours`, when set, replaces the steps outside the client's business hours.
 */
export interface EscalationPath extends StepSequence {
  key: string;
  /** Exactly one of `category` and `responsibilityKey` is set. */
  category: string | null;
  responsibilityKey: string | null;
  /** Severity keys the path is for; empty means every severity. */
  severities: string[];
  afterHours: StepSequence | null;
  review: PathReview | null;
}

export interface EscalationPolicy {
  severities: SeverityLevel[];
  /** The client's business hours: outside them the after-hours targets and paths apply. */
  businessHours: Schedule;
  coverage: PartyCoverage[];
  contacts: Contact[];
  paths: EscalationPath[];
}
