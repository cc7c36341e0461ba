/**
 * Server-side renders of the owner view, the load chart and the printable matrix with a realistic
 * matrix: proves they render without runtime errors and show what they promise. The app's tests
 * run in node (no DOM), hence renderToString, and createElement because specs are .ts files.
 */
import { templateContent } from '@accord/raci';
import { MantineProvider } from '@mantine/core';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { theme } from '../../../app/theme';
import { matrixViewsOf, partyView, rowView } from '../../../test/matrix-views';
import { PartyLoadChart } from './load-chart';
import { MatrixOwnersView } from './owner-view';
import { PrintButton } from './print-button';
import { PrintableMatrix } from './printable-matrix';

function render(element: ReactElement): string {
  const html = renderToString(createElement(MantineProvider, { theme }, element));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/<!-- -->/g, '')
    .replace(/\s+/g, ' ');
}

const coManaged = templateContent('co_managed');
const views = matrixViewsOf(coManaged);

/** The co-managed template plus a row nobody answers for and a vendor who owns nothing. */
function withGaps() {
  const vendor = partyView('cloud_vendor', { name: 'Cloud vendor', position: 3 });
  const orphan = rowView(
    'orphan',
    { msp: 'R', cloud_vendor: 'C' },
    {
      title: 'Domain renewals',
      description: 'Keeping the company’s web addresses paid for.',
      critical: true,
      position: 99,
    },
  );
  return { parties: [...views.parties, vendor], responsibilities: [...views.responsibilities, orphan] };
}

describe('MatrixOwnersView', () => {
  it('says per party what it answers for and does, with every row’s description', () => {
    const text = render(createElement(MatrixOwnersView, views));
    expect(text).toContain('Who owns what');
    expect(text).toContain('MSP answers for 2 responsibilities and does the work on 34.');
    expect(text).toContain('Internal IT answers for 31 responsibilities and does the work on 25.');
    expect(text).toContain('Accountable for');
    expect(text).toContain('Responsible for');
    expect(text).toContain('Consulted on 20 responsibilities');
    for (const row of coManaged.responsibilities) expect(text).toContain(row.description);
    expect(text).not.toContain('Unowned');
  });

  it('puts unowned rows first and calls a party without duties a gap', () => {
    const text = render(createElement(MatrixOwnersView, withGaps()));
    const unowned = text.indexOf('Unowned: nobody answers for these');
    expect(unowned).toBeGreaterThan(-1);
    expect(unowned).toBeLessThan(text.indexOf('MSP answers for'));
    expect(text).toContain('MSP does the work, but nobody answers for the result.');
    expect(text).toContain('Cloud vendor owns nothing');
    expect(text).toContain('This is a gap: Cloud vendor does no work');
  });

  it('renders an empty matrix plainly', () => {
    const text = render(createElement(MatrixOwnersView, { parties: views.parties, responsibilities: [] }));
    expect(text).toContain('This matrix has no responsibilities yet.');
    expect(text).not.toContain('owns nothing');
  });
});

describe('PartyLoadChart', () => {
  it('draws a bar per party with a table of the same numbers for screen readers', () => {
    const html = renderToString(
      createElement(MantineProvider, { theme }, createElement(PartyLoadChart, { model: 'co_managed', ...views })),
    );
    expect(html).toContain('<table');
    const text = render(createElement(PartyLoadChart, { model: 'co_managed', ...views }));
    expect(text).toContain('Workload by party');
    expect(text).toContain('Does the work on 34 (57%) · answers for 2 (3%) · consulted on 20 · informed about 3');
    expect(text).toContain('Show as table');
    expect(text).not.toContain('Does most of the work');
  });

  it('warns about a party that does most of the work', () => {
    const parties = [partyView('msp', { position: 0 }), partyView('business', { position: 1 })];
    const responsibilities = Array.from({ length: 12 }, (_, i) => rowView(`r${i}`, { msp: 'R', business: 'A' }));
    const text = render(createElement(PartyLoadChart, { model: 'co_managed', parties, responsibilities }));
    expect(text).toContain('Does most of the work');
  });

  it('says so when there is nothing to chart', () => {
    const text = render(
      createElement(PartyLoadChart, { model: 'custom', parties: views.parties, responsibilities: [] }),
    );
    expect(text).toContain('This matrix has no responsibilities yet');
  });
});

describe('PrintableMatrix', () => {
  it('prints every row, every party and the header, whatever a screen grid would virtualise away', () => {
    const { parties, responsibilities } = withGaps();
    const html = renderToString(
      createElement(
        MantineProvider,
        { theme },
        createElement(PrintableMatrix, {
          name: 'Harbor Dental IT',
          clientName: 'Harbor Dental',
          model: 'co_managed',
          version: 7,
          parties,
          responsibilities,
          printedAt: new Date('2026-11-28T12:00:00Z'),
        }),
      ),
    );
    expect(html).toContain('data-print="only"');
    expect(html.match(/<thead/g)).toHaveLength(1);
    expect(html.match(/<th scope="row"/g)).toHaveLength(responsibilities.length);
    const text = render(
      createElement(PrintableMatrix, {
        name: 'Harbor Dental IT',
        clientName: 'Harbor Dental',
        model: 'co_managed',
        version: 7,
        parties,
        responsibilities,
        printedAt: new Date('2026-11-28T12:00:00Z'),
      }),
    );
    expect(text).toMatch(/Harbor Dental · Co-managed · Version 7 \(draft\) · Printed \S+/);
    for (const party of parties) expect(text).toContain(party.name);
    for (const row of responsibilities) expect(text).toContain(row.title);
    expect(text).toContain('Unowned: MSP does the work, but nobody answers for the result.');
  });
});

describe('PrintButton', () => {
  it('renders a labelled print button', () => {
    expect(render(createElement(PrintButton))).toContain('Print');
  });
});
