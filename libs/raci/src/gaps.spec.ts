import { type GapKind, gapReport, type GapReportOptions, loadByParty, OVERLOAD_MIN_ROWS, OVERLOAD_SHARE } from './gaps';
import { type MatrixContent } from './matrix';
import { matrix, party, responsibility, rows } from './testing/factories';

/** The gaps of one kind only, so that each test looks at the rule it is about. */
function gapsOf(kind: GapKind, content: MatrixContent, options?: GapReportOptions) {
  return gapReport(content, options).filter((g) => g.kind === kind);
}

/** `mspRows` rows done by the MSP, then `itRows` done by internal IT, each with a different owner. */
function split(mspRows: number, itRows: number): MatrixContent {
  const it = rows(itRows, 'internal_it', 'business').map((r) => ({ ...r, key: `it_${r.key}` }));
  return matrix({ responsibilities: [...rows(mspRows, 'msp', 'internal_it'), ...it] });
}

describe('gapReport: rows', () => {
  it('warns in plain words when nobody is accountable for a row', () => {
    const content = matrix({ responsibilities: [responsibility('restore_tests', { msp: 'R' })] });
    expect(gapsOf('no_accountable', content)).toEqual([
      {
        id: 'no_accountable:restore_tests:',
        kind: 'no_accountable',
        severity: 'high',
        rowKey: 'restore_tests',
        title: "Nobody is accountable for 'Restore tests'",
        explanation:
          "Nobody is accountable for 'Restore tests'. Both sides may assume the other handles it. Choose the one party that answers for the result.",
      },
    ]);
  });

  it('warns when nobody does the work, naming who answers for it', () => {
    const [gap] = gapReport(matrix({ responsibilities: [responsibility('backups', { business: 'A', msp: 'C' })] }));
    expect(gap).toMatchObject({ kind: 'no_responsible', severity: 'high', rowKey: 'backups' });
    expect(gap.explanation).toMatch(/^Business answers for 'Backups', but no party is named to do the work/);
  });

  it('names all accountable parties when there are several', () => {
    const content = matrix({
      responsibilities: [responsibility('wifi', { msp: 'A', internal_it: 'A', business: 'R' })],
    });
    const [gap] = gapReport(content);
    expect(gap).toMatchObject({ kind: 'several_accountable', severity: 'medium', rowKey: 'wifi' });
    expect(gap.explanation).toContain("MSP and Internal IT are all accountable for 'Wifi'");
  });

  it('does not count letters of parties that are no longer in the matrix', () => {
    const content = matrix({ responsibilities: [responsibility('wifi', { msp: 'R', former: 'A' })] });
    expect(gapsOf('no_accountable', content).map((g) => g.rowKey)).toEqual(['wifi']);
  });

  it('lists the most serious gaps first and keeps matrix order within a severity', () => {
    const content = matrix({
      responsibilities: [
        responsibility('first', { msp: 'A', internal_it: 'A', business: 'R' }),
        responsibility('second', { msp: 'R' }),
        responsibility('third', { internal_it: 'A' }),
      ],
    });
    expect(gapReport(content).map((g) => [g.severity, g.rowKey])).toEqual([
      ['high', 'second'],
      ['high', 'third'],
      ['medium', 'first'],
    ]);
  });

  it('finds nothing in a matrix that follows every rule and shares the work', () => {
    expect(gapReport(split(5, 5))).toEqual([]);
  });
});

describe('gapReport: after-hours cover', () => {
  const content = matrix({
    responsibilities: [
      responsibility('threat_response', { msp: 'R', internal_it: 'A' }, { critical: true }),
      responsibility('restore_tests', { internal_it: 'R', business: 'A' }, { critical: true }),
      responsibility('weekend_support', { internal_it: 'R', business: 'A' }, { afterHours: true }),
      responsibility('printers', { internal_it: 'R', business: 'A' }),
    ],
  });

  it('says nothing about after hours when nobody said who covers nights and weekends', () => {
    expect(gapsOf('critical_without_after_hours', content)).toEqual([]);
  });

  it('flags critical rows whose responsible parties all work business hours only', () => {
    const gaps = gapReport(content, { afterHoursCoverage: { msp: true, internal_it: false } });
    expect(gaps.map((g) => [g.kind, g.severity, g.rowKey])).toEqual([
      ['critical_without_after_hours', 'high', 'restore_tests'],
      ['critical_without_after_hours', 'medium', 'weekend_support'],
    ]);
    expect(gaps[0].explanation).toBe(
      "'Restore tests' is critical, but Internal IT does not work nights and weekends. A problem at 2 a.m. on a Sunday would wait until the next business day.",
    );
  });

  it('is satisfied when one of several responsible parties covers 24/7', () => {
    const shared = matrix({
      responsibilities: [responsibility('siem', { msp: 'R', internal_it: 'R', business: 'A' }, { critical: true })],
    });
    expect(gapReport(shared, { afterHoursCoverage: { msp: true } })).toEqual([]);
  });

  it('does not count the accountable party as cover: someone must do the work at night', () => {
    const row = responsibility('siem', { internal_it: 'R', msp: 'A' }, { critical: true });
    const gaps = gapsOf('critical_without_after_hours', matrix({ responsibilities: [row] }), {
      afterHoursCoverage: { msp: true },
    });
    expect(gaps.map((g) => g.rowKey)).toEqual(['siem']);
  });

  it('ignores coverage claimed through inherited property names', () => {
    const row = responsibility('siem', { constructor: 'R' as const, msp: 'A' }, { critical: true });
    const content = matrix({ parties: [party('msp'), party('constructor')], responsibilities: [row] });
    expect(gapReport(content, { afterHoursCoverage: {} }).map((g) => g.kind)).toEqual(['critical_without_after_hours']);
  });
});

describe('gapReport: tool access gatekeeping', () => {
  const toolRows = [
    responsibility('rmm_access', { msp: 'R', business: 'A' }, { toolAccess: 'rmm' }),
    responsibility(
      'documentation_access',
      { msp: 'R', internal_it: 'I', business: 'A' },
      { toolAccess: 'documentation' },
    ),
    responsibility('dashboards', { msp: 'R', business: 'A' }, { toolAccess: 'security_dashboards' }),
  ];

  it('flags each tool internal IT holds no letter on in a co-managed matrix', () => {
    const gaps = gapsOf('tool_access_gatekeeping', matrix({ responsibilities: toolRows }));
    expect(gaps.map((g) => [g.kind, g.rowKey, g.partyKey])).toEqual([
      ['tool_access_gatekeeping', 'rmm_access', 'internal_it'],
      ['tool_access_gatekeeping', 'dashboards', 'internal_it'],
    ]);
    expect(gaps[0].title).toBe('Internal IT is locked out of the RMM (remote management tool)');
  });

  it('does not apply outside the co-managed model', () => {
    const content = matrix({ model: 'custom', responsibilities: toolRows });
    expect(gapsOf('tool_access_gatekeeping', content)).toEqual([]);
  });
});

describe('gapReport: parties', () => {
  it('flags a party that is neither responsible nor accountable anywhere', () => {
    const content = matrix({
      parties: [party('msp'), party('internal_it'), party('business'), party('cloud_vendor')],
      responsibilities: [responsibility('m365', { msp: 'R', business: 'A', internal_it: 'C', cloud_vendor: 'I' })],
    });
    expect(gapReport(content).map((g) => [g.kind, g.severity, g.partyKey])).toEqual([
      ['party_without_duties', 'medium', 'internal_it'],
      ['party_without_duties', 'low', 'cloud_vendor'],
    ]);
  });

  it('says nothing about parties while the matrix has no rows', () => {
    expect(gapReport(matrix())).toEqual([]);
  });

  it(`flags a party responsible for more than ${OVERLOAD_SHARE * 100}% of at least ${OVERLOAD_MIN_ROWS} rows`, () => {
    const [gap, ...others] = gapReport(split(13, 7));
    expect(others).toEqual([]);
    expect(gap).toMatchObject({ kind: 'overloaded_party', severity: 'medium', partyKey: 'msp' });
    expect(gap.explanation).toBe(
      'MSP is responsible for 13 of the 20 responsibilities (65%). If they are overstretched or unavailable, much of IT stalls. Consider sharing some of the work.',
    );
  });

  it('does not flag a share of exactly 60%', () => {
    expect(gapReport(split(12, 8))).toEqual([]);
  });

  it('does not flag a party responsible for fewer rows than the minimum, whatever its share', () => {
    expect(gapsOf('overloaded_party', split(OVERLOAD_MIN_ROWS - 1, 0))).toEqual([]);
    expect(gapsOf('overloaded_party', split(OVERLOAD_MIN_ROWS, 0)).map((g) => g.partyKey)).toEqual(['msp']);
  });

  it('does not count accountability as load: owning every outcome is governance, not work', () => {
    const content = matrix({
      responsibilities: rows(12, 'msp', 'business').map((r, i) =>
        i % 2 ? { ...r, letters: { internal_it: 'R', business: 'A' } } : r,
      ),
    });
    expect(gapReport(content)).toEqual([]);
  });

  it('never flags the MSP of a fully managed matrix, where doing everything is the agreement', () => {
    const content = matrix({
      model: 'fully_managed',
      parties: [party('msp'), party('business')],
      responsibilities: rows(20, 'msp', 'business'),
    });
    expect(gapReport(content)).toEqual([]);
    expect(gapReport({ ...content, model: 'custom' }).map((g) => g.kind)).toEqual(['overloaded_party']);
  });
});

describe('loadByParty', () => {
  it('counts every letter per party in column order, with the R-or-A and R shares', () => {
    const content = matrix({
      responsibilities: [
        responsibility('a', { msp: 'R', internal_it: 'A', business: 'I' }),
        responsibility('b', { msp: 'R', business: 'A' }),
        responsibility('c', { internal_it: 'R', business: 'A', msp: 'C' }),
        responsibility('d', { internal_it: 'R', msp: 'A', former: 'R' }),
      ],
    });
    expect(loadByParty(content)).toEqual([
      {
        partyKey: 'msp',
        name: 'MSP',
        counts: { R: 2, A: 1, C: 1, I: 0 },
        dutyRows: 3,
        dutyShare: 0.75,
        responsibleShare: 0.5,
      },
      {
        partyKey: 'internal_it',
        name: 'Internal IT',
        counts: { R: 2, A: 1, C: 0, I: 0 },
        dutyRows: 3,
        dutyShare: 0.75,
        responsibleShare: 0.5,
      },
      {
        partyKey: 'business',
        name: 'Business',
        counts: { R: 0, A: 2, C: 0, I: 1 },
        dutyRows: 2,
        dutyShare: 0.5,
        responsibleShare: 0,
      },
    ]);
  });

  it('reports zero shares for a matrix without rows', () => {
    expect(loadByParty(matrix()).map((l) => l.dutyShare)).toEqual([0, 0, 0]);
  });
});
