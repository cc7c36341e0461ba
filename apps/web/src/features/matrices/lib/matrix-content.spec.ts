import { loadByParty, templateContent } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { matrixViewsOf, partyView, rowView } from '../../../test/matrix-views';
import { byPosition, matrixContentOf } from './matrix-content';

describe('matrixContentOf', () => {
  it('keys parties by id so the rows’ letters (keyed by party id) need no translation', () => {
    const content = matrixContentOf({
      model: 'co_managed',
      parties: [
        partyView('p-2', { name: 'Business', kind: 'business', position: 1 }),
        partyView('p-1', { position: 0 }),
      ],
      responsibilities: [rowView('r-1', { 'p-1': 'R', 'p-2': 'A' }, { toolAccess: 'rmm', afterHours: true })],
    });
    expect(content.parties.map((p) => p.key)).toEqual(['p-1', 'p-2']);
    expect(content.responsibilities[0]).toMatchObject({
      key: 'r-1',
      letters: { 'p-1': 'R', 'p-2': 'A' },
      toolAccess: 'rmm',
      afterHours: true,
    });
  });

  it('leaves out the optional flags a row does not have', () => {
    const content = matrixContentOf({ model: 'custom', parties: [], responsibilities: [rowView('r', {})] });
    expect(content.responsibilities[0]).not.toHaveProperty('toolAccess');
    expect(content.responsibilities[0]).not.toHaveProperty('afterHours');
  });

  it('round-trips a template: loadByParty gives the same numbers as on the original', () => {
    const original = templateContent('co_managed');
    const views = matrixViewsOf(original);
    expect(loadByParty(matrixContentOf({ model: 'co_managed', ...views }))).toEqual(loadByParty(original));
  });
});

describe('byPosition', () => {
  it('sorts a copy and leaves the input alone', () => {
    const input = [{ position: 2 }, { position: 0 }, { position: 1 }];
    expect(byPosition(input).map((x) => x.position)).toEqual([0, 1, 2]);
    expect(input.map((x) => x.position)).toEqual([2, 0, 1]);
  });
});
