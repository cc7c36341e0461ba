/** One thing that stops the draft from being sent for sign-off, as a 422 of POST .../versions names it. */
export interface BlockerGroup {
  kind: 'row' | 'party' | 'escalation' | 'other';
  /** The row, party or escalation path key; null when the API named no key. */
  key: string | null;
  /** "User onboarding", "Escalation policy", "Parties". */
  label: string;
  messages: string[];
}

const KIND_ORDER: Readonly<Record<BlockerGroup['kind'], number>> = { row: 0, party: 1, escalation: 2, other: 3 };

/**
 * The 422's details ("responsibilities.<rowKey>", "parties.<partyKey>", "escalation.paths.<pathKey>")
 * grouped by what they are about, named as people know them: rows by title, parties by name. Rows
 * and parties come in the draft's order, then the escalation paths, each with all its messages.
 */
export function groupBlockers(
  details: readonly { field: string; message: string }[],
  rows: readonly { key: string; title: string }[],
  parties: readonly { key: string; name: string }[],
): BlockerGroup[] {
  const groups = new Map<string, BlockerGroup>();
  for (const { field, message } of details) {
    const group = describeField(field, rows, parties);
    const id = `${group.kind}:${group.key ?? group.label}`;
    const existing = groups.get(id);
    if (existing) {
      if (!existing.messages.includes(message)) existing.messages.push(message);
    } else {
      groups.set(id, { ...group, messages: [message] });
    }
  }
  const position = (group: BlockerGroup) =>
    group.kind === 'row'
      ? rows.findIndex((row) => row.key === group.key)
      : group.kind === 'party'
        ? parties.findIndex((party) => party.key === group.key)
        : 0;
  return [...groups.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || position(a) - position(b));
}

function describeField(
  field: string,
  rows: readonly { key: string; title: string }[],
  parties: readonly { key: string; name: string }[],
): Omit<BlockerGroup, 'messages'> {
  const [head, ...rest] = field.split('.');
  if (head === 'responsibilities' && rest.length > 0) {
    const key = rest.join('.');
    return { kind: 'row', key, label: rows.find((row) => row.key === key)?.title ?? key };
  }
  if (head === 'parties') {
    const key = rest.join('.') || null;
    return { kind: 'party', key, label: key ? (parties.find((party) => party.key === key)?.name ?? key) : 'Parties' };
  }
  if (head === 'escalation') {
    const key = rest[0] === 'paths' && rest.length > 1 ? rest.slice(1).join('.') : null;
    return { kind: 'escalation', key, label: 'Escalation policy' };
  }
  return { kind: 'other', key: null, label: field || 'The draft' };
}
