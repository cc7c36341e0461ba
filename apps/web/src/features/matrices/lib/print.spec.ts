import { describe, expect, it } from 'vitest';
import { printedMatrixLine, printedMatrixSummary } from './print';

describe('printedMatrixLine', () => {
  const printedAt = new Date('2026-11-28T12:00:00Z');

  it('names the client, the model, the version and the day it was printed', () => {
    expect(
      printedMatrixLine({ clientName: 'Harbor Dental', model: 'co_managed', version: 7, printedAt }, 'en-GB'),
    ).toBe('Harbor Dental · Co-managed · Version 7 (draft) · Printed 28 Nov 2026');
  });

  it('leaves the client out when it is not known', () => {
    expect(printedMatrixLine({ model: 'fully_managed', version: 1, printedAt }, 'en-GB')).toBe(
      'Fully managed · Version 1 (draft) · Printed 28 Nov 2026',
    );
    expect(printedMatrixLine({ clientName: '  ', model: 'custom', version: 2, printedAt }, 'en-GB')).toBe(
      'Custom · Version 2 (draft) · Printed 28 Nov 2026',
    );
  });
});

describe('printedMatrixSummary', () => {
  it('counts rows, critical rows and rows without an owner', () => {
    expect(printedMatrixSummary(60, 18, 0)).toBe(
      '60 responsibilities, 18 of them critical. Each has one party that answers for it and at least one that does the work.',
    );
    expect(printedMatrixSummary(1, 0, 1)).toBe('1 responsibility. 1 without an owner (marked below).');
  });

  it('says when there is nothing to print', () => {
    expect(printedMatrixSummary(0, 0, 0)).toBe('This matrix has no responsibilities yet.');
  });
});
