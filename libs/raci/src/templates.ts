import { type MatrixContent, type Party } from './matrix';
import { TEMPLATE_ROWS, type TemplateKey } from './template-rows';

export type { TemplateKey } from './template-rows';

export interface MatrixTemplate {
  key: TemplateKey;
  name: string;
  description: string;
  /** A fresh deep copy on every call: callers may edit it freely. */
  content: () => MatrixContent;
}

const PARTIES: Record<'msp' | 'internal_it' | 'business', Party> = {
  msp: { key: 'msp', name: 'MSP', kind: 'msp', requiredToSign: true },
  internal_it: { key: 'internal_it', name: 'Internal IT', kind: 'internal_it', requiredToSign: true },
  business: { key: 'business', name: 'Business', kind: 'business', requiredToSign: true },
};

const TEMPLATE_PARTIES: Record<TemplateKey, readonly Party[]> = {
  fully_managed: [PARTIES.msp, PARTIES.business],
  co_managed: [PARTIES.msp, PARTIES.internal_it, PARTIES.business],
};

function buildContent(key: TemplateKey): MatrixContent {
  return {
    model: key,
    parties: TEMPLATE_PARTIES[key].map((party) => ({ ...party })),
    responsibilities: TEMPLATE_ROWS.flatMap(({ letters, ...row }) => {
      const own = letters[key];
      return own === undefined ? [] : [{ ...row, letters: { ...own } }];
    }),
  };
}

export const TEMPLATES: readonly MatrixTemplate[] = [
  {
    key: 'fully_managed',
    name: 'Fully managed',
    description:
      'The MSP runs all of IT. The business has no IT staff of its own: it answers for the outcome and decides on strategy, budget and compliance.',
    content: () => buildContent('fully_managed'),
  },
  {
    key: 'co_managed',
    name: 'Co-managed',
    description:
      'Internal IT and the MSP share the work: internal IT handles first-line support and joiners and leavers, the MSP handles escalations, security tooling and after-hours cover, and the business decides on strategy, budget and compliance.',
    content: () => buildContent('co_managed'),
  },
];

export function isTemplateKey(value: unknown): value is TemplateKey {
  return TEMPLATES.some((t) => t.key === value);
}

export function templateContent(key: TemplateKey): MatrixContent {
  return buildContent(key);
}

const TEMPLATE_ROW_KEYS: ReadonlySet<string> = new Set(TEMPLATE_ROWS.map((r) => r.key));

/** True for rows of the built-in catalogue (in any template); other rows are the client's own. */
export function isTemplateRowKey(key: string): boolean {
  return TEMPLATE_ROW_KEYS.has(key);
}
