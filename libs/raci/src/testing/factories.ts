/**
 * Test data builders for the spec files. Not exported from index.ts: production code never needs them.
 */
import { type Letters, type MatrixContent, type Party, type PartyKind, type Responsibility } from '../matrix';

const BUILT_IN_NAMES: Partial<Record<string, string>> = {
  msp: 'MSP',
  internal_it: 'Internal IT',
  business: 'Business',
};

function titleFromKey(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function party(key: string, overrides: Partial<Party> = {}): Party {
  const kind: PartyKind = key === 'msp' || key === 'internal_it' || key === 'business' ? key : 'custom';
  return { key, name: BUILT_IN_NAMES[key] ?? titleFromKey(key), kind, requiredToSign: kind !== 'custom', ...overrides };
}

/** A row titled after its key ("restore_tests" -> "Restore tests") in the help desk category. */
export function responsibility(key: string, letters: Letters, overrides: Partial<Responsibility> = {}): Responsibility {
  return {
    key,
    category: 'help_desk',
    title: titleFromKey(key),
    description: `What ${titleFromKey(key).toLowerCase()} means.`,
    critical: false,
    letters,
    ...overrides,
  };
}

/** A co-managed matrix with the three built-in parties unless told otherwise. */
export function matrix(overrides: Partial<MatrixContent> = {}): MatrixContent {
  return {
    model: 'co_managed',
    parties: [party('msp'), party('internal_it'), party('business')],
    responsibilities: [],
    ...overrides,
  };
}

/** `count` valid rows named row_0, row_1, ...: `doer` responsible, `owner` accountable. */
export function rows(count: number, doer: string, owner: string): Responsibility[] {
  return Array.from({ length: count }, (_, i) => responsibility(`row_${i}`, { [doer]: 'R', [owner]: 'A' }));
}
