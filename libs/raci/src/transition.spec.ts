import fc from 'fast-check';
import { applyDiff, diffMatrices } from './diff';
import { normalizeMatrix } from './hash';
import { checkMatrix, letterOf, type MatrixContent, type Responsibility } from './matrix';
import { isTemplateRowKey, templateContent } from './templates';
import { matrixContentArb } from './testing/arbitraries';
import { party, responsibility } from './testing/factories';
import { transitionTo } from './transition';

const vendor = party('cloud_vendor', { name: 'Cloud vendor' });

/** The co-managed template as a client might have shaped it: a custom party and two custom rows. */
function shapedCoManaged(): MatrixContent {
  const content = templateContent('co_managed');
  const m365 = content.responsibilities.find((r) => r.key === 'm365_administration');
  if (m365) m365.letters.cloud_vendor = 'C';
  content.parties = [content.parties[0], { ...content.parties[1], name: 'IT team' }, content.parties[2], vendor];
  const after = (key: string) => content.responsibilities.findIndex((r) => r.key === key) + 1;
  content.responsibilities.splice(
    after('lob_app_support'),
    0,
    responsibility(
      'dental_imaging',
      { internal_it: 'R', business: 'A', msp: 'C' },
      { category: 'business_applications', title: 'Dental imaging software' },
    ),
  );
  content.responsibilities.splice(
    after('mobile_devices'),
    0,
    responsibility(
      'badge_readers',
      { internal_it: 'A', msp: 'R' },
      { category: 'devices', title: 'Door badge readers' },
    ),
  );
  return content;
}

function row(content: MatrixContent, key: string): Responsibility | undefined {
  return content.responsibilities.find((r) => r.key === key);
}

describe('transitionTo fully managed', () => {
  const before = shapedCoManaged();
  const after = transitionTo(before, 'fully_managed');

  it('switches the model and lets internal IT leave, keeping the custom party', () => {
    expect(after.model).toBe('fully_managed');
    expect(after.parties.map((p) => p.key)).toEqual(['msp', 'business', 'cloud_vendor']);
  });

  it('gives template rows the fully managed letters, keeping the custom party’s letter', () => {
    expect(row(after, 'helpdesk_tier1')?.letters).toEqual({ msp: 'R', business: 'A' });
    expect(row(after, 'm365_administration')?.letters).toEqual({ msp: 'R', business: 'A', cloud_vendor: 'C' });
  });

  it('keeps custom rows where they were, with their own wording', () => {
    const custom = after.responsibilities.filter((r) => !isTemplateRowKey(r.key));
    expect(custom.map((r) => [r.key, r.title])).toEqual([
      ['badge_readers', 'Door badge readers'],
      ['dental_imaging', 'Dental imaging software'],
    ]);
    const keys = after.responsibilities.map((r) => r.key);
    expect(keys.indexOf('dental_imaging')).toBe(keys.indexOf('lob_app_support') + 1);
  });

  it('hands internal IT’s work on custom rows to the MSP where the MSP held less', () => {
    expect(row(after, 'dental_imaging')?.letters).toEqual({ msp: 'R', business: 'A' });
  });

  it('drops internal IT’s letter where the MSP already does the work, leaving the gap for people to settle', () => {
    expect(row(after, 'badge_readers')?.letters).toEqual({ msp: 'R' });
    expect(checkMatrix(after).map((v) => [v.rowKey, v.code])).toEqual([['badge_readers', 'no_accountable']]);
  });

  it('removes the co-managed escalation row and adds the fully managed contact row to its category', () => {
    expect(row(after, 'ticket_escalation')).toBeUndefined();
    const keys = after.responsibilities.map((r) => r.key);
    expect(keys.indexOf('it_point_of_contact')).toBe(keys.indexOf('helpdesk_tier3') + 1);
  });

  it('can be shown as a diff and applied from it', () => {
    expect(applyDiff(before, diffMatrices(before, after))).toStrictEqual(after);
  });
});

describe('transitionTo co-managed', () => {
  it('brings internal IT in with the co-managed letters', () => {
    const after = transitionTo(templateContent('fully_managed'), 'co_managed');
    expect(after.parties.map((p) => p.name)).toEqual(['MSP', 'Internal IT', 'Business']);
    expect(letterOf(row(after, 'helpdesk_tier1') as Responsibility, 'internal_it')).toBe('R');
  });

  it('keeps the names and signing duty the client gave the built-in parties', () => {
    const before = templateContent('fully_managed');
    before.parties[0] = { ...before.parties[0], name: 'Harbor IT', requiredToSign: false };
    expect(transitionTo(before, 'co_managed').parties[0]).toEqual({
      key: 'msp',
      name: 'Harbor IT',
      kind: 'msp',
      requiredToSign: false,
    });
  });

  it('re-applies the template letters when the model does not change', () => {
    const before = templateContent('co_managed');
    before.responsibilities[0].letters = { msp: 'R', business: 'A' };
    expect(transitionTo(before, 'co_managed')).toStrictEqual(templateContent('co_managed'));
  });
});

describe('transitionTo between pristine templates', () => {
  it.each([
    ['co_managed', 'fully_managed'],
    ['fully_managed', 'co_managed'],
  ] as const)('turns the %s template into exactly the %s template', (from, to) => {
    expect(transitionTo(templateContent(from), to)).toStrictEqual(templateContent(to));
  });
});

describe('transitionTo custom', () => {
  it('only changes the model', () => {
    const before = shapedCoManaged();
    expect(transitionTo(before, 'custom')).toStrictEqual({ ...normalizeMatrix(before), model: 'custom' });
  });
});

describe('transitionTo properties', () => {
  const templateTargets = fc.constantFrom('fully_managed' as const, 'co_managed' as const);
  const targets = fc.constantFrom('fully_managed' as const, 'co_managed' as const, 'custom' as const);

  it('keeps every custom row with its wording, category and flags, in the same relative order', () => {
    fc.assert(
      fc.property(matrixContentArb, targets, (content, target) => {
        const strip = ({ letters: _letters, ...rest }: Responsibility) => rest;
        const custom = (c: MatrixContent) => c.responsibilities.filter((r) => !isTemplateRowKey(r.key)).map(strip);
        expect(custom(transitionTo(content, target))).toEqual(custom(normalizeMatrix(content)));
      }),
    );
  });

  it('keeps every custom party in its order', () => {
    fc.assert(
      fc.property(matrixContentArb, targets, (content, target) => {
        const builtInKeys = target === 'custom' ? [] : templateContent(target).parties.map((p) => p.key);
        const custom = (parties: MatrixContent['parties']) =>
          parties.filter((p) => p.kind === 'custom' && !builtInKeys.includes(p.key)).map((p) => p.key);
        expect(custom(transitionTo(content, target).parties)).toEqual(custom(content.parties));
      }),
    );
  });

  it('contains every row of the target template, with the template letters for built-in parties', () => {
    fc.assert(
      fc.property(matrixContentArb, templateTargets, (content, target) => {
        const template = templateContent(target);
        const result = transitionTo(content, target);
        for (const expected of template.responsibilities) {
          const got = row(result, expected.key);
          for (const p of template.parties) expect(got && letterOf(got, p.key)).toBe(letterOf(expected, p.key));
        }
      }),
    );
  });

  it('leaves no letter for a party that is not in the result', () => {
    fc.assert(
      fc.property(matrixContentArb, templateTargets, (content, target) => {
        const result = transitionTo(content, target);
        const keys = new Set(result.parties.map((p) => p.key));
        const strangers = result.responsibilities.flatMap((r) => Object.keys(r.letters).filter((k) => !keys.has(k)));
        expect(strangers).toEqual([]);
      }),
    );
  });
});
