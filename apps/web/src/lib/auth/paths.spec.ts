import { describe, expect, it } from 'vitest';
import {
  matrixClaimsPath,
  matrixVersionsPath,
  safeNextPath,
  sectionOf,
  signInPath,
  versionPath,
  workspacePath,
} from './paths';

describe('safeNextPath', () => {
  it('keeps paths of this app, with their query', () => {
    expect(safeNextPath('/w/abc/audit?action=client.renamed')).toBe('/w/abc/audit?action=client.renamed');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'w/abc', '', null, undefined])(
    'refuses %j, so sign-in is no open redirect',
    (next) => {
      expect(safeNextPath(next)).toBeNull();
    },
  );
});

describe('signInPath', () => {
  it('carries where to return as an encoded next parameter', () => {
    expect(signInPath('/w/a b/people')).toBe('/sign-in?next=%2Fw%2Fa%20b%2Fpeople');
  });

  it('has no next for home or for a foreign address', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('https://evil.example')).toBe('/sign-in');
    expect(signInPath()).toBe('/sign-in');
  });
});

describe('workspace paths', () => {
  it('builds and reads the section of a workspace page', () => {
    expect(workspacePath('ws-1')).toBe('/w/ws-1/clients');
    expect(workspacePath('ws-1', 'audit')).toBe('/w/ws-1/audit');
    expect(sectionOf('/w/ws-1/people')).toBe('people');
    expect(sectionOf('/w/ws-1/dashboard')).toBe('dashboard');
    expect(sectionOf('/w/ws-1/audit/')).toBe('audit');
    expect(sectionOf('/w/ws-1')).toBeNull();
    expect(sectionOf('/sign-in')).toBeNull();
  });
});

describe('agreement paths', () => {
  it('puts claims and versions under their matrix', () => {
    expect(matrixClaimsPath('ws-1', 'm-1')).toBe('/w/ws-1/matrices/m-1/claims');
    expect(matrixVersionsPath('ws-1', 'm-1')).toBe('/w/ws-1/matrices/m-1/versions');
    expect(versionPath('ws-1', 'm 1', 3)).toBe('/w/ws-1/matrices/m%201/versions/3');
  });
});
