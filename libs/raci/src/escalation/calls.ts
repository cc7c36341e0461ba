import { type DateTime } from 'luxon';
import { type MatrixContent, type Party } from '../matrix';
import { isCovered } from './schedule';
import {
  type Contact,
  type EscalationPolicy,
  type EscalationStep,
  type PartyCoverage,
  type StepSequence,
} from './types';

/**
 * What the simulator and the gap report share: who a step reaches, and when each step of a
 * sequence fires. A stored policy may point at parties or contacts deleted since it was saved, so
 * nothing here assumes a reference resolves; a dangling one is reported, never thrown.
 */

/** The policy and matrix indexed by key. With duplicate keys (an invalid policy) the first one wins. */
export interface PolicyIndex {
  parties: ReadonlyMap<string, Party>;
  contacts: ReadonlyMap<string, Contact>;
  coverage: ReadonlyMap<string, PartyCoverage>;
  /** The contact tried when a step names only the party: its first in the policy's contact list. */
  firstContact: ReadonlyMap<string, Contact>;
}

function firstByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(keyOf(item))) map.set(keyOf(item), item);
  return map;
}

export function indexPolicy(policy: EscalationPolicy, content: MatrixContent): PolicyIndex {
  return {
    parties: firstByKey(content.parties, (p) => p.key),
    contacts: firstByKey(policy.contacts, (c) => c.key),
    coverage: firstByKey(policy.coverage, (c) => c.partyKey),
    firstContact: firstByKey(policy.contacts, (c) => c.partyKey),
  };
}

/** Who a step reaches. `problem` explains a reference that no longer resolves: such a step reaches nobody. */
export interface ResolvedStep {
  party: Party | null;
  contact: Contact | null;
  problem: string | null;
}

export function resolveStep(step: EscalationStep, index: PolicyIndex): ResolvedStep {
  const party = index.parties.get(step.partyKey) ?? null;
  if (party === null) {
    return {
      party,
      contact: null,
      problem: `'${step.partyKey}' is no longer a party of this matrix, so this step calls nobody.`,
    };
  }
  if (step.contactKey === null) return { party, contact: index.firstContact.get(party.key) ?? null, problem: null };
  const contact = index.contacts.get(step.contactKey) ?? null;
  if (contact === null) {
    return {
      party,
      contact,
      problem: `The contact '${step.contactKey}' no longer exists, so this step calls nobody.`,
    };
  }
  if (contact.partyKey !== party.key) {
    const owner = index.parties.get(contact.partyKey)?.name ?? contact.partyKey;
    return {
      party,
      contact,
      problem: `${contact.name} belongs to ${owner}, not to ${party.name}, so this step cannot reach ${party.name}.`,
    };
  }
  return { party, contact, problem: null };
}

/** "Internal IT (Ida Hart)", or just the party's name when no contact is known. */
export function calleeLabel(step: EscalationStep, resolved: ResolvedStep): string {
  const party = resolved.party?.name ?? step.partyKey;
  return resolved.contact === null || resolved.problem !== null ? party : `${party} (${resolved.contact.name})`;
}

/** One firing of a step: `minute` after the problem was reported, in round `round` (0 = first pass). */
export interface PlannedCall {
  minute: number;
  round: number;
  stepIndex: number;
  step: EscalationStep;
}

/**
 * Every call the sequence makes if nobody answers: all steps in order, then again `repeat` times.
 * Each step fires when the waits of the steps before it have passed, so a wait of 0 fires the next
 * step in the same minute.
 */
export function planCalls(sequence: StepSequence): PlannedCall[] {
  const calls: PlannedCall[] = [];
  let minute = 0;
  const rounds = 1 + Math.max(0, Math.trunc(sequence.repeat));
  for (let round = 0; round < rounds; round += 1) {
    sequence.steps.forEach((step, stepIndex) => {
      calls.push({ minute, round, stepIndex, step });
      minute += Math.max(0, step.waitMinutes);
    });
  }
  return calls;
}

/** The minute at which the whole sequence, every repeat included, has run out. */
export function sequenceLength(sequence: StepSequence): number {
  const pass = sequence.steps.reduce((sum, step) => sum + Math.max(0, step.waitMinutes), 0);
  return pass * (1 + Math.max(0, Math.trunc(sequence.repeat)));
}

/**
 * Whether the party is on duty at the instant. A party without coverage hours in the policy is
 * never on duty: the policy does not say when to reach them, so counting on them would be a guess.
 */
export function partyCovers(index: PolicyIndex, partyKey: string, instant: DateTime): boolean {
  const coverage = index.coverage.get(partyKey);
  return coverage !== undefined && isCovered(coverage, instant);
}

/** Whether a call reaches someone on duty: the reference resolves and the party covers at that instant. */
export function callAnswered(index: PolicyIndex, step: EscalationStep, instant: DateTime): boolean {
  return resolveStep(step, index).problem === null && partyCovers(index, step.partyKey, instant);
}
