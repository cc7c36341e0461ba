import { gapReport } from './gaps';
import { CATEGORIES, checkMatrix, letterOf, type MatrixContent, type Responsibility } from './matrix';
import { isTemplateKey, isTemplateRowKey, templateContent, TEMPLATES } from './templates';

const fullyManaged = templateContent('fully_managed');
const coManaged = templateContent('co_managed');

function row(content: MatrixContent, key: string): Responsibility {
  const found = content.responsibilities.find((r) => r.key === key);
  if (found === undefined) throw new Error(`the template has no row '${key}'`);
  return found;
}

function rowsIn(content: MatrixContent, category: string): Responsibility[] {
  return content.responsibilities.filter((r) => r.category === category);
}

describe.each(TEMPLATES.map((t) => [t.name, t] as const))('the %s template', (_name, template) => {
  const content = template.content();

  it('has a model matching its key, a name and a description', () => {
    expect(content.model).toBe(template.key);
    expect(template.name).not.toBe('');
    expect(template.description).toMatch(/\.$/);
  });

  it('passes every RACI rule, so it could be signed as it is', () => {
    expect(checkMatrix(content)).toEqual([]);
  });

  it('shows no gap, even when only the MSP covers nights and weekends', () => {
    expect(gapReport(content)).toEqual([]);
    expect(gapReport(content, { afterHoursCoverage: { msp: true } })).toEqual([]);
  });

  it('has at least forty responsibilities spread over at least fourteen categories', () => {
    expect(content.responsibilities.length).toBeGreaterThanOrEqual(40);
    expect(new Set(content.responsibilities.map((r) => r.category)).size).toBeGreaterThanOrEqual(14);
  });

  it('describes each responsibility in one plain sentence', () => {
    for (const r of content.responsibilities) {
      expect(r.description).toMatch(/^[A-Z][^.!?]*\.$/);
      expect(r.description.length).toBeLessThanOrEqual(140);
    }
  });

  it('keeps rows of one category together, in the order of the category list', () => {
    const order = content.responsibilities.map((r) => CATEGORIES.findIndex((c) => c.key === r.category));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('marks security, backup, restore test, threat response and after-hours rows critical', () => {
    for (const key of [
      'edr_deployment',
      'siem_monitoring',
      'os_patching',
      'backup_management',
      'restore_tests',
      'incident_response',
      'after_hours_monitoring',
    ]) {
      expect(row(content, key).critical).toBe(true);
    }
    expect(row(content, 'printer_support').critical).toBe(false);
  });

  it('has one row for each management tool', () => {
    const tools = content.responsibilities.flatMap((r) => (r.toolAccess ? [r.toolAccess] : []));
    expect(tools.sort()).toEqual(['documentation', 'rmm', 'security_dashboards']);
  });

  it('makes the business accountable for strategy, budget and compliance sign-off', () => {
    for (const key of ['it_roadmap', 'it_budget', 'compliance_signoff', 'compliance_evidence']) {
      expect(letterOf(row(content, key), 'business')).toBe('A');
    }
  });

  it('hands out a fresh copy each time, so editing one matrix never changes another', () => {
    const first = template.content();
    first.responsibilities[0].letters.msp = 'I';
    first.parties[0].name = 'Changed';
    expect(template.content()).toEqual(content);
  });
});

describe('the fully managed template', () => {
  it('has no internal IT: the MSP and the business only', () => {
    expect(fullyManaged.parties.map((p) => p.kind)).toEqual(['msp', 'business']);
  });

  it('has the MSP do the work on nearly every row', () => {
    const mspDoes = fullyManaged.responsibilities.filter((r) => letterOf(r, 'msp') === 'R');
    expect(mspDoes.length / fullyManaged.responsibilities.length).toBeGreaterThan(0.9);
  });
});

describe('the co-managed template', () => {
  it('has the MSP, internal IT and the business, all signing', () => {
    expect(coManaged.parties.map((p) => [p.kind, p.requiredToSign])).toEqual([
      ['msp', true],
      ['internal_it', true],
      ['business', true],
    ]);
  });

  it('gives internal IT tier 1 support and joiners and leavers', () => {
    for (const key of ['helpdesk_tier1', 'password_resets', 'user_onboarding', 'user_offboarding']) {
      expect(letterOf(row(coManaged, key), 'internal_it')).toBe('R');
    }
  });

  it('gives the MSP tier 2 and 3, the security tooling and after-hours cover', () => {
    const mspRows = [
      'helpdesk_tier2',
      'helpdesk_tier3',
      ...rowsIn(coManaged, 'endpoint_security').map((r) => r.key),
      ...rowsIn(coManaged, 'security_monitoring').map((r) => r.key),
      ...rowsIn(coManaged, 'after_hours').map((r) => r.key),
    ];
    for (const key of mspRows) expect(letterOf(row(coManaged, key), 'msp')).toBe('R');
  });

  it('gives internal IT a letter on every tool access row, so nobody is locked out', () => {
    for (const r of coManaged.responsibilities.filter((x) => x.toolAccess))
      expect(letterOf(r, 'internal_it')).not.toBeNull();
  });
});

describe('template keys', () => {
  it('recognises the template keys', () => {
    expect(TEMPLATES.map((t) => t.key)).toEqual(['fully_managed', 'co_managed']);
    expect(isTemplateKey('co_managed')).toBe(true);
    expect(isTemplateKey('custom')).toBe(false);
  });

  it('tells catalogue rows from the client’s own', () => {
    expect(isTemplateRowKey('restore_tests')).toBe(true);
    expect(isTemplateRowKey('ticket_escalation')).toBe(true);
    expect(isTemplateRowKey('custom_row_a')).toBe(false);
  });

  it('uses each row key once per template', () => {
    for (const content of [fullyManaged, coManaged]) {
      const keys = content.responsibilities.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
