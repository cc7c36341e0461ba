import { describe, expect, it } from 'vitest';
import { isAgreementSnapshot, snapshotCategories } from './snapshot';

const row = (key: string, category: string) => ({
  key,
  category,
  title: key,
  description: '',
  critical: false,
  letters: {},
});

describe('snapshotCategories', () => {
  it('groups rows by category in the order categories first appear, with their labels', () => {
    const snapshot = {
      matrix: {
        model: 'co_managed' as const,
        parties: [],
        responsibilities: [row('tier1', 'help_desk'), row('onboard', 'onboarding'), row('tier2', 'help_desk')],
      },
    } as unknown as Parameters<typeof snapshotCategories>[0];
    const groups = snapshotCategories(snapshot);
    expect(groups.map((g) => [g.category, g.rows.map((r) => r.key)])).toEqual([
      ['help_desk', ['tier1', 'tier2']],
      ['onboarding', ['onboard']],
    ]);
    expect(groups[0].label).not.toBe('help_desk');
  });
});

describe('isAgreementSnapshot', () => {
  it('tells a snapshot from other values', () => {
    expect(
      isAgreementSnapshot({
        format: 'accord.agreement/1',
        matrix: { parties: [], responsibilities: [] },
        escalation: {},
      }),
    ).toBe(true);
    expect(isAgreementSnapshot({ matrix: {} })).toBe(false);
    expect(isAgreementSnapshot(null)).toBe(false);
  });
});
