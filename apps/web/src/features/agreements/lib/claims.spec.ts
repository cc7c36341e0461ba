import { describe, expect, it } from 'vitest';
import {
  canDecideClaim,
  canProposeClaims,
  claimSideOf,
  claimStateOf,
  countByState,
  deciderOf,
  letterChanges,
  lettersSummary,
  proposedRowProblems,
  withLetter,
} from './claims';

const parties = [
  { id: 'p-msp', name: 'MSP' },
  { id: 'p-it', name: 'Internal IT' },
  { id: 'p-biz', name: 'Business' },
];

describe('who claims and who decides', () => {
  it('lets the MSP and internal IT claim, each for its own side', () => {
    expect(claimSideOf('msp_engineer')).toBe('msp');
    expect(claimSideOf('msp_admin')).toBe('msp');
    expect(claimSideOf('client_it_admin')).toBe('internal_it');
    expect(claimSideOf('client_owner')).toBeNull();
    expect(canProposeClaims('client_owner')).toBe(false);
    expect(canProposeClaims('client_viewer')).toBe(false);
    expect(canProposeClaims('client_it_admin')).toBe(true);
  });

  it('lets only the other side decide an open claim', () => {
    const forIt = { proposedFor: 'internal_it', state: 'open' };
    expect(canDecideClaim('msp_engineer', forIt)).toBe(true);
    expect(canDecideClaim('client_it_admin', forIt)).toBe(false);
    expect(canDecideClaim('client_owner', forIt)).toBe(false);
    expect(canDecideClaim('client_it_admin', { proposedFor: 'msp', state: 'open' })).toBe(true);
    expect(canDecideClaim('msp_engineer', { ...forIt, state: 'accepted' })).toBe(false);
    expect(deciderOf('internal_it')).toBe('the MSP');
    expect(deciderOf('msp')).toBe('internal IT');
  });
});

describe('proposed letters', () => {
  it('checks the proposed row with the RACI rules of @accord/raci', () => {
    expect(proposedRowProblems({ 'p-it': 'R', 'p-biz': 'A', 'p-msp': 'C' })).toEqual([]);
    expect(proposedRowProblems({ 'p-it': 'R' }).map((p) => p.code)).toEqual(['no_accountable']);
    expect(proposedRowProblems({ 'p-it': 'A', 'p-biz': 'A' }).map((p) => p.code)).toEqual([
      'several_accountable',
      'no_responsible',
    ]);
  });

  it('sets and clears one party’s letter, leaving the others', () => {
    const letters = { 'p-msp': 'R', 'p-it': 'A' } as const;
    expect(withLetter(letters, 'p-msp', 'C')).toEqual({ 'p-msp': 'C', 'p-it': 'A' });
    expect(withLetter(letters, 'p-it', null)).toEqual({ 'p-msp': 'R' });
    expect(withLetter(letters, 'p-biz', 'I')).toEqual({ 'p-msp': 'R', 'p-it': 'A', 'p-biz': 'I' });
  });

  it('lists the parties whose letter changes, in column order', () => {
    expect(
      letterChanges(parties, { 'p-msp': 'R', 'p-it': 'A', 'p-biz': 'I' }, { 'p-it': 'R', 'p-biz': 'A', 'p-msp': 'C' }),
    ).toEqual([
      { partyId: 'p-msp', partyName: 'MSP', before: 'R', after: 'C' },
      { partyId: 'p-it', partyName: 'Internal IT', before: 'A', after: 'R' },
      { partyId: 'p-biz', partyName: 'Business', before: 'I', after: 'A' },
    ]);
    expect(letterChanges(parties, { 'p-msp': 'R' }, { 'p-msp': 'R' })).toEqual([]);
  });

  it('summarises a row’s letters in column order', () => {
    expect(lettersSummary(parties, { 'p-biz': 'I', 'p-msp': 'R' })).toBe('MSP R · Business I');
    expect(lettersSummary(parties, {})).toBe('no letters');
  });
});

describe('the inbox tabs', () => {
  it('counts claims per state and reads the tab from the address', () => {
    expect(countByState([{ state: 'open' }, { state: 'open' }, { state: 'declined' }, { state: 'other' }])).toEqual({
      open: 2,
      accepted: 0,
      declined: 1,
    });
    expect(claimStateOf('accepted')).toBe('accepted');
    expect(claimStateOf('nonsense')).toBe('open');
    expect(claimStateOf(null)).toBe('open');
  });
});
