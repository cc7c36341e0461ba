import { type AuditAction, isAuditAction } from './actions';

/**
 * The audit log's filters, as they live in the page's address (so a filtered view can be
 * bookmarked or shared). Dates are calendar days (yyyy-mm-dd) in the viewer's time zone, both
 * ends included.
 */
export interface AuditFilters {
  action?: AuditAction;
  /** A user id. */
  actor?: string;
  /** A client id. */
  client?: string;
  from?: string;
  to?: string;
}

/** The query the API takes: instants, `to` exclusive. */
export interface AuditFilterQuery {
  action?: AuditAction;
  actor?: string;
  client?: string;
  from?: string;
  to?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day in yyyy-mm-dd form (not "2026-02-31"). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** Local midnight at the start of `day`, plus `offsetDays`, as an ISO instant. */
export function startOfDay(day: string, offsetDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).toISOString();
}

/** Reads the filters from the address, ignoring anything malformed instead of failing. */
export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const action = params.get('action');
  if (isAuditAction(action)) filters.action = action;
  const actor = params.get('actor');
  if (actor && UUID.test(actor)) filters.actor = actor;
  const client = params.get('client');
  if (client && UUID.test(client)) filters.client = client;
  const from = params.get('from');
  if (from && isCalendarDay(from)) filters.from = from;
  const to = params.get('to');
  if (to && isCalendarDay(to)) filters.to = to;
  return filters;
}

/** The address form of the filters; empty filters leave no parameter behind. */
export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['action', 'actor', 'client', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** Whether the range runs backwards (a "to" day before the "from" day). */
export function isBackwardRange(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.to < filters.from);
}

/** The API query: from the start of the first day up to (not including) the start of the day after the last. */
export function toAuditQuery(filters: AuditFilters): AuditFilterQuery {
  const query: AuditFilterQuery = {};
  if (filters.action) query.action = filters.action;
  if (filters.actor) query.actor = filters.actor;
  if (filters.client) query.client = filters.client;
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = startOfDay(filters.to, 1);
  return query;
}

export function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some(Boolean);
}
