import { describe, expect, it } from 'vitest';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  isBackwardRange,
  isCalendarDay,
  startOfDay,
  toAuditQuery,
} from './filters';

const ID = '6e0f1a52-0000-4000-8000-000000000101';

describe('audit filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = { action: 'client.renamed', actor: ID, client: ID, from: '2026-11-01', to: '2026-11-28' } as const;
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
  });

  it('ignores malformed values instead of sending them to the API', () => {
    const params = new URLSearchParams('action=client.deleted&actor=alex&client=1&from=2026-02-31&to=yesterday');
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('leaves no empty parameter behind', () => {
    expect(filtersToSearchParams({ action: undefined, from: '' }).toString()).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ from: '2026-11-01' })).toBe(true);
  });
});

describe('isCalendarDay', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('26-11-01')).toBe(false);
  });
});

describe('toAuditQuery', () => {
  it('sends days as local midnights, with the last day included', () => {
    const query = toAuditQuery({ from: '2026-11-01', to: '2026-11-28' });
    expect(query.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 10, 29).toISOString());
  });

  it('rolls the end over month and year ends', () => {
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('passes the other filters through and leaves out what is not set', () => {
    expect(toAuditQuery({ action: 'member.removed', actor: ID })).toEqual({ action: 'member.removed', actor: ID });
  });

  it('notices a range that runs backwards', () => {
    expect(isBackwardRange({ from: '2026-11-28', to: '2026-11-01' })).toBe(true);
    expect(isBackwardRange({ from: '2026-11-01', to: '2026-11-01' })).toBe(false);
    expect(isBackwardRange({ to: '2026-11-01' })).toBe(false);
  });
});
