import { type Assignment, checkRow, isRaciLetter, type RaciLetter, type RowRuleCode } from './raci';

/** How the work is divided between the MSP and the client; see DESIGN.md section 1. */
export const SUPPORT_MODELS = ['fully_managed', 'co_managed', 'custom'] as const;
export type SupportModel = (typeof SUPPORT_MODELS)[number];

export const SUPPORT_MODEL_LABELS: Record<SupportModel, string> = {
  fully_managed: 'Fully managed',
  co_managed: 'Co-managed',
  custom: 'Custom',
};

export function isSupportModel(value: unknown): value is SupportModel {
  return typeof value === 'string' && (SUPPORT_MODELS as readonly string[]).includes(value);
}

export const PARTY_KINDS = ['msp', 'internal_it', 'business', 'custom'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  msp: 'MSP',
  internal_it: 'Internal IT',
  business: 'Business',
  custom: 'Other',
};

/** A column of the matrix. `key` is a stable slug: names may be edited, keys never change. */
export interface Party {
  key: string;
  name: string;
  kind: PartyKind;
  requiredToSign: boolean;
}

export interface CategoryDefinition {
  key: string;
  label: string;
  description: string;
}

/** Categories in the order the matrix shows them; descriptions are written for a business owner. */
export const CATEGORIES = [
  {
    key: 'help_desk',
    label: 'Help desk',
    description: 'Answering staff calls and tickets and fixing everyday problems.',
  },
  {
    key: 'onboarding',
    label: 'Joiners and leavers',
    description: 'Setting up new staff and closing access when people leave.',
  },
  {
    key: 'identity_access',
    label: 'Identity and access',
    description: 'Accounts, passwords, multi-factor sign-in and who may open what.',
  },
  {
    key: 'endpoint_security',
    label: 'Endpoint security (EDR)',
    description: 'Protective software on every computer and server that detects and stops attacks.',
  },
  {
    key: 'security_monitoring',
    label: 'Security monitoring (SIEM)',
    description: 'Watching security logs and alerts for signs of an attack.',
  },
  {
    key: 'patching',
    label: 'Patching',
    description: 'Installing security and software updates before attackers can use the holes.',
  },
  {
    key: 'threat_response',
    label: 'Threat response',
    description: 'What happens once an attack or security incident is found.',
  },
  {
    key: 'backups',
    label: 'Backups and recovery',
    description: 'Copies of data and systems, and proof that they can be restored.',
  },
  {
    key: 'networking',
    label: 'Network and Wi-Fi',
    description: 'Internet connection, firewall, switches, wireless and remote access.',
  },
  {
    key: 'cloud',
    label: 'Cloud services',
    description: 'Microsoft 365, Azure and the other online services the company runs on.',
  },
  {
    key: 'devices',
    label: 'Devices and peripherals',
    description: 'Computers, phones, printers and the list of what the company owns.',
  },
  {
    key: 'business_applications',
    label: 'Business applications',
    description: 'The specialised software the business runs on, such as practice management or accounting.',
  },
  {
    key: 'vendor_management',
    label: 'Vendor management',
    description: 'Dealing with the internet provider, software makers and other suppliers.',
  },
  {
    key: 'procurement',
    label: 'Procurement and licensing',
    description: 'Buying hardware and software and keeping licences in order.',
  },
  {
    key: 'strategy_budget',
    label: 'Strategy and budget',
    description: 'IT plans, priorities and what the company spends on IT.',
  },
  {
    key: 'compliance',
    label: 'Compliance',
    description: 'Meeting rules such as HIPAA or CMMC and keeping the evidence auditors ask for.',
  },
  {
    key: 'security_awareness',
    label: 'Security awareness',
    description: 'Teaching staff to spot phishing and to handle data safely.',
  },
  {
    key: 'after_hours',
    label: 'After-hours coverage',
    description: 'Who watches and answers at night, at weekends and on holidays.',
  },
  {
    key: 'tool_access',
    label: 'Tool access',
    description: 'Who may use the management tools: the RMM, the documentation platform and the security dashboards.',
  },
  {
    key: 'documentation',
    label: 'Documentation',
    description: 'Keeping diagrams, passwords and procedures written down and current.',
  },
] as const satisfies readonly CategoryDefinition[];

export type CategoryKey = (typeof CATEGORIES)[number]['key'];

export function isCategoryKey(value: unknown): value is CategoryKey {
  return typeof value === 'string' && CATEGORIES.some((c) => c.key === value);
}

export function categoryLabel(key: string): string {
  return CATEGORIES.find((c) => c.key === key)?.label ?? key;
}

/** The management tools a row can grant access to; see the tool access gap in gaps.ts. */
export const TOOL_ACCESS_KINDS = ['rmm', 'documentation', 'security_dashboards'] as const;
export type ToolAccess = (typeof TOOL_ACCESS_KINDS)[number];

export const TOOL_ACCESS_LABELS: Record<ToolAccess, string> = {
  rmm: 'the RMM (remote management tool)',
  documentation: 'the documentation platform',
  security_dashboards: 'the security dashboards',
};

export function isToolAccess(value: unknown): value is ToolAccess {
  return typeof value === 'string' && (TOOL_ACCESS_KINDS as readonly string[]).includes(value);
}

/** The letters of one row by party key. A party without an entry holds no letter. */
export type Letters = Partial<Record<string, RaciLetter>>;

/** A row of the matrix. `key` is a stable slug, unique within its matrix. */
export interface Responsibility {
  key: string;
  category: CategoryKey;
  title: string;
  description: string;
  critical: boolean;
  letters: Letters;
  /** Set on rows that decide who may use a management tool. */
  toolAccess?: ToolAccess;
  /** The work must also be done outside business hours. */
  afterHours?: boolean;
}

/** What a version freezes and what signatures bind to. Array order is the display order. */
export interface MatrixContent {
  model: SupportModel;
  parties: Party[];
  responsibilities: Responsibility[];
}

/** Own properties only: a party called "constructor" must not find Object's constructor. */
export function letterOf(row: Pick<Responsibility, 'letters'>, partyKey: string): RaciLetter | null {
  if (!Object.hasOwn(row.letters, partyKey)) return null;
  const letter = row.letters[partyKey];
  return isRaciLetter(letter) ? letter : null;
}

export function assignmentsOf(row: Pick<Responsibility, 'letters'>): Assignment[] {
  return Object.entries(row.letters).flatMap(([partyId, letter]) =>
    isRaciLetter(letter) ? [{ partyId, letter }] : [],
  );
}

export function partiesHolding(row: Pick<Responsibility, 'letters'>, letter: RaciLetter): string[] {
  return assignmentsOf(row)
    .filter((a) => a.letter === letter)
    .map((a) => a.partyId);
}

/** Builds letters through Object.fromEntries so that no key can reach the prototype. */
export function lettersFrom(assignments: Iterable<readonly [string, RaciLetter | null | undefined]>): Letters {
  return Object.fromEntries([...assignments].filter((entry): entry is [string, RaciLetter] => isRaciLetter(entry[1])));
}

/** A copy of the row with one party's letter set, or removed when `letter` is null. */
export function withLetter<T extends Responsibility>(row: T, partyKey: string, letter: RaciLetter | null): T {
  const others = Object.entries(row.letters).filter(([key]) => key !== partyKey);
  return { ...row, letters: lettersFrom([...others, [partyKey, letter]]) };
}

/** Lower-case words joined by underscores: safe in URLs, CSV headers and as object keys. */
export const KEY_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

export function isValidKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && KEY_PATTERN.test(value);
}

/** A new stable key from a name ("Cloud vendor" -> "cloud_vendor"), suffixed until it is free. */
export function makeKey(text: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48)
      .replace(/_+$/, '') || 'item';
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

export type MatrixRuleCode =
  | RowRuleCode
  | 'invalid_key'
  | 'invalid_letter'
  | 'duplicate_row_key'
  | 'duplicate_party_key'
  | 'unknown_party'
  | 'unknown_category'
  | 'missing_title'
  | 'missing_party_name';

/** A broken rule. `rowKey` is set for rules about a row, absent for rules about a party. */
export interface MatrixRuleViolation {
  code: MatrixRuleCode;
  message: string;
  rowKey?: string;
  partyKeys: string[];
}

/** The rules one row can check on its own: the RACI rules of checkRow plus a usable key, title and category. */
export function checkResponsibility(row: Responsibility): MatrixRuleViolation[] {
  const label = row.title.trim() === '' ? row.key : row.title;
  const violations: MatrixRuleViolation[] = checkRow(assignmentsOf(row)).map((v) => ({
    code: v.code,
    message: `'${label}': ${v.message}`,
    rowKey: row.key,
    partyKeys: v.partyIds,
  }));
  const rowViolation = (code: MatrixRuleCode, message: string): MatrixRuleViolation => ({
    code,
    message,
    rowKey: row.key,
    partyKeys: [],
  });
  if (!isValidKey(row.key))
    violations.push(
      rowViolation('invalid_key', `'${label}' needs a key of lower-case letters, digits and underscores.`),
    );
  if (row.title.trim() === '')
    violations.push(rowViolation('missing_title', `The responsibility '${row.key}' has no title.`));
  const strange = Object.entries(row.letters).filter(([, letter]) => letter !== undefined && !isRaciLetter(letter));
  if (strange.length > 0) {
    violations.push({
      code: 'invalid_letter',
      message: `'${label}' holds letters other than R, A, C and I.`,
      rowKey: row.key,
      partyKeys: strange.map(([key]) => key),
    });
  }
  if (!isCategoryKey(row.category))
    violations.push(
      rowViolation('unknown_category', `'${label}' is in an unknown category '${String(row.category)}'.`),
    );
  return violations;
}

/** Every rule of the matrix, parties first, then rows in display order. Empty means it can be signed. */
export function checkMatrix(content: MatrixContent): MatrixRuleViolation[] {
  return [...checkParties(content.parties), ...checkRows(content)];
}

export function isSignable(content: MatrixContent): boolean {
  return checkMatrix(content).length === 0;
}

function checkParties(parties: readonly Party[]): MatrixRuleViolation[] {
  const violations: MatrixRuleViolation[] = [];
  for (const party of parties) {
    if (!isValidKey(party.key)) {
      violations.push({
        code: 'invalid_key',
        message: `The party '${party.name}' needs a key of lower-case letters, digits and underscores.`,
        partyKeys: [party.key],
      });
    }
    if (party.name.trim() === '') {
      violations.push({
        code: 'missing_party_name',
        message: `The party '${party.key}' has no name.`,
        partyKeys: [party.key],
      });
    }
  }
  for (const key of duplicates(parties.map((p) => p.key))) {
    violations.push({ code: 'duplicate_party_key', message: `Two parties share the key '${key}'.`, partyKeys: [key] });
  }
  return violations;
}

function checkRows(content: MatrixContent): MatrixRuleViolation[] {
  const partyKeys = new Set(content.parties.map((p) => p.key));
  const violations = content.responsibilities.flatMap((row) => {
    const strangers = assignmentsOf(row)
      .map((a) => a.partyId)
      .filter((key) => !partyKeys.has(key));
    const unknown: MatrixRuleViolation[] =
      strangers.length === 0
        ? []
        : [
            {
              code: 'unknown_party',
              message: `'${row.title}' gives letters to parties that are not in the matrix.`,
              rowKey: row.key,
              partyKeys: strangers,
            },
          ];
    return [...checkResponsibility(row), ...unknown];
  });
  for (const key of duplicates(content.responsibilities.map((r) => r.key))) {
    violations.push({
      code: 'duplicate_row_key',
      message: `Two responsibilities share the key '${key}'.`,
      rowKey: key,
      partyKeys: [],
    });
  }
  return violations;
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const doubled = new Set<string>();
  for (const key of keys) (seen.has(key) ? doubled : seen).add(key);
  return [...doubled];
}
