import { VERSION_STATUSES } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { IN_EFFECT_LOOK, VERSION_STATUS_LOOK, versionStatusLook } from './version-status';

describe('versionStatusLook', () => {
  it('gives each status its one colour: pending yellow, approved green, rejected red, superseded gray', () => {
    expect(VERSION_STATUSES.map((status) => [status, versionStatusLook(status).color])).toEqual([
      ['pending', 'yellow'],
      ['approved', 'green'],
      ['rejected', 'red'],
      ['superseded', 'gray'],
    ]);
    expect(versionStatusLook('approved').label).toBe('Approved');
  });

  it('has a look for every status the domain knows, and In effect apart from them', () => {
    expect(Object.keys(VERSION_STATUS_LOOK).sort()).toEqual([...VERSION_STATUSES].sort());
    expect(Object.values(VERSION_STATUS_LOOK).map((look) => look.color)).not.toContain(IN_EFFECT_LOOK.color);
  });

  it('shows a status it does not know as itself, in gray, rather than failing', () => {
    expect(versionStatusLook('archived')).toEqual({ label: 'Archived', color: 'gray', description: '' });
    expect(versionStatusLook('toString').label).toBe('ToString');
  });
});
