import { describe, expect, it } from 'vitest';
import { listNames, signerProgress, signingRolesLabel } from './signers';

const signer = (partyName: string, decision: string | null, kind = 'msp') => ({
  partyKey: partyName.toLowerCase().replace(/ /g, '_'),
  partyName,
  kind,
  decision,
});

describe('signerProgress', () => {
  it('counts signatures and names who is still to sign', () => {
    const progress = signerProgress([
      signer('MSP', 'signed'),
      signer('Internal IT', 'signed'),
      signer('Business', null),
    ]);
    expect(progress).toMatchObject({
      signed: 2,
      total: 3,
      rejected: 0,
      waitingFor: ['Business'],
      label: '2 of 3 signed',
      percent: 67,
    });
  });

  it('says who rejected, whatever the others did', () => {
    const progress = signerProgress([
      signer('MSP', 'signed'),
      signer('Internal IT', 'rejected'),
      signer('Business', null),
    ]);
    expect(progress.label).toBe('Rejected by Internal IT');
    expect(progress.rejected).toBe(1);
  });

  it('is complete when everyone signed, and says so when nobody needs to', () => {
    expect(signerProgress([signer('MSP', 'signed')])).toMatchObject({
      label: '1 of 1 signed',
      percent: 100,
      waitingFor: [],
    });
    expect(signerProgress([])).toMatchObject({ label: 'No signatures required', percent: 0 });
  });
});

describe('listNames', () => {
  it('joins names as a sentence does', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['MSP'])).toBe('MSP');
    expect(listNames(['MSP', 'Business'])).toBe('MSP and Business');
    expect(listNames(['MSP', 'Internal IT', 'Business'])).toBe('MSP, Internal IT and Business');
  });
});

describe('signingRolesLabel', () => {
  it('names the roles that sign for each kind of party, from SIGNING_ROLES', () => {
    expect(signingRolesLabel('msp')).toBe('MSP admin or MSP engineer');
    expect(signingRolesLabel('internal_it')).toBe('Internal IT admin');
    expect(signingRolesLabel('business')).toBe('Business owner');
    expect(signingRolesLabel('custom')).toBe('MSP admin');
    expect(signingRolesLabel('vendor')).toBe('');
  });
});
