import { describe, expect, it } from 'vitest';
import { changesBetween, draftOf } from './responsibility-changes';

const row = {
  title: 'Quarterly restore test',
  description: 'Restore one server and one mailbox.',
  category: 'backups',
  critical: true,
  afterHours: false,
};

describe('changesBetween', () => {
  it('sends nothing for an untouched form', () => {
    expect(changesBetween(row, draftOf(row))).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(changesBetween(row, { ...draftOf(row), title: 'Monthly restore test', afterHours: true })).toEqual({
      title: 'Monthly restore test',
      afterHours: true,
    });
    expect(changesBetween(row, { ...draftOf(row), category: 'compliance', critical: false })).toEqual({
      category: 'compliance',
      critical: false,
    });
  });

  it('trims text and does not count surrounding spaces as a change', () => {
    expect(changesBetween(row, { ...draftOf(row), title: '  Quarterly restore test ' })).toEqual({});
    expect(changesBetween(row, { ...draftOf(row), description: '  ' })).toEqual({ description: '' });
  });
});
