import { describe, expect, it } from 'vitest';
import { groupBlockers } from './blockers';

const rows = [
  { key: 'helpdesk', title: 'Help desk' },
  { key: 'user_onboarding', title: 'User onboarding' },
];
const parties = [{ key: 'msp', name: 'MSP' }];

describe('groupBlockers', () => {
  it('names rows by title, in the draft’s order, with every message of each', () => {
    const groups = groupBlockers(
      [
        { field: 'responsibilities.user_onboarding', message: "Nobody is accountable (A) for 'User onboarding'." },
        {
          field: 'escalation.paths.security_p1',
          message: 'A P1 Emergency about Threat response can go unanswered at 02:00.',
        },
        { field: 'responsibilities.helpdesk', message: "Nobody is responsible (R) for 'Help desk'." },
        { field: 'responsibilities.user_onboarding', message: "Nobody is responsible (R) for 'User onboarding'." },
      ],
      rows,
      parties,
    );
    expect(groups.map((g) => [g.kind, g.label, g.messages.length])).toEqual([
      ['row', 'Help desk', 1],
      ['row', 'User onboarding', 2],
      ['escalation', 'Escalation policy', 1],
    ]);
    expect(groups[2].key).toBe('security_p1');
  });

  it('names parties, and keeps fields it does not know rather than dropping them', () => {
    const groups = groupBlockers(
      [
        { field: 'parties', message: 'none is required to sign' },
        { field: 'parties.msp', message: 'MSP holds every A.' },
        { field: 'responsibilities.gone', message: 'Something about a removed row.' },
        { field: 'weird', message: 'Unexpected.' },
      ],
      rows,
      parties,
    );
    expect(groups.map((g) => [g.kind, g.label])).toEqual([
      ['row', 'gone'],
      ['party', 'Parties'],
      ['party', 'MSP'],
      ['other', 'weird'],
    ]);
  });

  it('says a message once when the API repeats it', () => {
    const detail = { field: 'responsibilities.helpdesk', message: 'Twice.' };
    expect(groupBlockers([detail, detail], rows, parties)[0].messages).toEqual(['Twice.']);
  });
});
