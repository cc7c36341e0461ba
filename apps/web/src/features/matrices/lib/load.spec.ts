import { loadByParty, OVERLOAD_MIN_ROWS, templateContent } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { matrixViewsOf, partyViews, rowView } from '../../../test/matrix-views';
import { formatShare, loadChartData, loadLine, segmentLabel } from './load';

/** `count` rows the first party does and the second answers for. */
function rows(count: number, doer: string, owner: string) {
  return Array.from({ length: count }, (_, i) => rowView(`${doer}_${i}`, { [doer]: 'R', [owner]: 'A' }));
}

describe('loadChartData', () => {
  it('takes counts and shares from loadByParty, in column order, with one segment per letter', () => {
    const content = templateContent('co_managed');
    const views = matrixViewsOf(content);
    const chart = loadChartData({ model: 'co_managed', ...views, parties: [...views.parties].reverse() });

    expect(chart.rows).toBe(content.responsibilities.length);
    expect(chart.parties.map((p) => p.party.id)).toEqual(['msp', 'internal_it', 'business']);
    expect(chart.parties.map((p) => p.load)).toEqual(loadByParty(content));
    const msp = chart.parties[0];
    expect(msp?.segments.map((s) => s.letter)).toEqual(['R', 'A', 'C', 'I']);
    expect(msp?.segments[0]?.percent).toBeCloseTo(((msp?.load.counts.R ?? 0) / chart.rows) * 100);
  });

  it('flags a party that does most of the work, with the gap report’s explanation', () => {
    const parties = partyViews('msp', 'internal_it', 'business');
    const chart = loadChartData({
      model: 'co_managed',
      parties,
      responsibilities: [...rows(OVERLOAD_MIN_ROWS, 'msp', 'business'), ...rows(2, 'internal_it', 'business')],
    });
    const [msp, it, business] = chart.parties;
    expect(msp?.overloaded).toBe(true);
    expect(msp?.warning).toMatch(/^MSP is responsible for 10 of the 12 responsibilities \(83%\)/);
    expect(it?.overloaded).toBe(false);
    expect(business?.overloaded).toBe(false);
    expect(business?.warning).toBeNull();
  });

  it('does not flag the MSP of a fully managed matrix, where doing nearly everything is the model', () => {
    const views = matrixViewsOf(templateContent('fully_managed'));
    const chart = loadChartData({ model: 'fully_managed', ...views });
    const msp = chart.parties.find((p) => p.party.id === 'msp');
    expect(msp?.load.responsibleShare).toBeGreaterThan(0.9);
    expect(msp?.overloaded).toBe(false);
    expect(loadChartData({ model: 'custom', ...views }).parties.find((p) => p.party.id === 'msp')?.overloaded).toBe(
      true,
    );
  });

  it('does not flag a high share of only a few rows', () => {
    const chart = loadChartData({
      model: 'co_managed',
      parties: partyViews('msp', 'business'),
      responsibilities: rows(3, 'msp', 'business'),
    });
    expect(chart.parties[0]?.load.responsibleShare).toBe(1);
    expect(chart.parties[0]?.overloaded).toBe(false);
  });

  it('marks a party without R or A and explains why that is a gap', () => {
    const chart = loadChartData({
      model: 'co_managed',
      parties: partyViews('msp', 'business', 'cloud_vendor'),
      responsibilities: [rowView('a', { msp: 'R', business: 'A', cloud_vendor: 'C' })],
    });
    const vendor = chart.parties[2];
    expect(vendor?.withoutDuties).toBe(true);
    expect(vendor?.warning).toMatch(/neither responsible nor accountable/);
  });

  it('answers zero-width segments for a matrix without rows', () => {
    const chart = loadChartData({ model: 'co_managed', parties: partyViews('msp'), responsibilities: [] });
    expect(chart.rows).toBe(0);
    expect(chart.parties[0]?.segments.map((s) => s.percent)).toEqual([0, 0, 0, 0]);
  });
});

describe('chart texts', () => {
  it('formats shares as whole percentages', () => {
    expect(formatShare(0.5666)).toBe('57%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
  });

  it('explains a segment in plain words with the RACI name', () => {
    expect(segmentLabel('MSP', { letter: 'R', count: 34 }, 60)).toBe(
      'MSP does the work (Responsible) on 34 of 60 responsibilities (57%).',
    );
    expect(segmentLabel('Business', { letter: 'A', count: 1 }, 1)).toBe(
      'Business answers for the result (Accountable) on 1 of 1 responsibility (100%).',
    );
  });

  it('sums up a party’s load in one line', () => {
    expect(loadLine({ counts: { R: 34, A: 2, C: 20, I: 3 } }, 60)).toBe(
      'Does the work on 34 (57%) · answers for 2 (3%) · consulted on 20 · informed about 3',
    );
    expect(loadLine({ counts: { R: 0, A: 0, C: 0, I: 0 } }, 0)).toBe(
      'Does the work on 0 · answers for 0 · consulted on 0 · informed about 0',
    );
  });
});
