import { templateContent } from '../templates';
import { escalationPath, harborPolicy, step } from '../testing/escalation';
import { governs, pathFor, sequenceFor } from './paths';

const isolation = { key: 'device_isolation', category: 'threat_response' } as const;
const incident = { key: 'incident_response', category: 'threat_response' } as const;

describe('pathFor', () => {
  const categoryAll = escalationPath('category_all');
  const categoryP1 = escalationPath('category_p1', { severities: ['p1'] });
  const rowAll = escalationPath('row_all', { responsibilityKey: 'device_isolation' });
  const rowP2 = escalationPath('row_p2', { responsibilityKey: 'device_isolation', severities: ['p2'] });
  const otherCategory = escalationPath('backups', { category: 'backups' });

  it("prefers the responsibility's own path to its category's, even one naming the severity", () => {
    const policy = { paths: [categoryP1, categoryAll, rowAll] };
    expect(pathFor(policy, isolation, 'p1')?.key).toBe('row_all');
  });

  it('prefers a path naming the severity to one for every severity within the same scope', () => {
    expect(pathFor({ paths: [categoryAll, categoryP1] }, incident, 'p1')?.key).toBe('category_p1');
    expect(pathFor({ paths: [rowAll, rowP2] }, isolation, 'p2')?.key).toBe('row_p2');
  });

  it('falls back to the category path for a severity the row path does not take', () => {
    expect(pathFor({ paths: [rowP2, categoryAll] }, isolation, 'p1')?.key).toBe('category_all');
  });

  it('keeps the first of two equally specific paths', () => {
    const twin = escalationPath('twin');
    expect(pathFor({ paths: [categoryAll, twin] }, incident, 'p3')?.key).toBe('category_all');
  });

  it('answers null when no path is for the row, its category or the severity', () => {
    expect(pathFor({ paths: [otherCategory, rowP2] }, incident, 'p1')).toBeNull();
    expect(pathFor({ paths: [categoryP1] }, incident, 'p2')).toBeNull();
    expect(pathFor({ paths: [] }, incident, 'p1')).toBeNull();
  });
});

describe('sequenceFor', () => {
  const day = [step('internal_it', null, 10)];
  const night = { steps: [step('msp', null, 5)], repeat: 2 };

  it('runs the after-hours steps outside business hours when the path has them', () => {
    const path = escalationPath('p', { steps: day, afterHours: night });
    expect(sequenceFor(path, false)).toEqual({ kind: 'after_hours', sequence: night });
    expect(sequenceFor(path, true)).toEqual({ kind: 'business_hours', sequence: path });
  });

  it("runs the path's own steps around the clock when it has no after-hours steps", () => {
    const path = escalationPath('p', { steps: day });
    expect(sequenceFor(path, false)).toEqual({ kind: 'business_hours', sequence: path });
  });
});

describe('governs', () => {
  const content = templateContent('co_managed');
  const policy = harborPolicy(content);
  const byKey = (key: string) => policy.paths.find((p) => p.key === key) ?? escalationPath('missing');

  it('leaves P1 to the path that names it, and the other severities to the path for every severity', () => {
    expect(governs(policy, byKey('security_incident_p1'), content, 'p1')).toBe(true);
    expect(governs(policy, byKey('security_other'), content, 'p1')).toBe(false);
    expect(governs(policy, byKey('security_other'), content, 'p2')).toBe(true);
  });

  it('says a path for a deleted row governs nothing', () => {
    const withoutRow = {
      ...content,
      responsibilities: content.responsibilities.filter((r) => r.key !== 'device_isolation'),
    };
    expect(governs(policy, byKey('isolate_infected_device'), content, 'p1')).toBe(true);
    expect(governs(policy, byKey('isolate_infected_device'), withoutRow, 'p1')).toBe(false);
  });
});
