import { type PartyKind, ROLE_LABELS, rolesThatSignFor } from '@accord/raci';

/** A party required to sign a version, and its answer so far (SignerView of the API). */
export interface Signer {
  partyKey: string;
  partyName: string;
  kind: string;
  decision: string | null;
}

export interface SignerProgress {
  signed: number;
  total: number;
  rejected: number;
  /** The names of the parties that have not answered yet, in column order. */
  waitingFor: string[];
  /** "2 of 3 signed", "Rejected by Business", "No signatures required". */
  label: string;
  /** 0–100, for a progress bar. */
  percent: number;
}

/** How far a version is with its signatures. */
export function signerProgress(signers: readonly Signer[]): SignerProgress {
  const total = signers.length;
  const signed = signers.filter((s) => s.decision === 'signed').length;
  const rejectedBy = signers.filter((s) => s.decision === 'rejected').map((s) => s.partyName);
  const waitingFor = signers.filter((s) => s.decision === null).map((s) => s.partyName);
  const label =
    total === 0
      ? 'No signatures required'
      : rejectedBy.length > 0
        ? `Rejected by ${listNames(rejectedBy)}`
        : `${signed} of ${total} signed`;
  return {
    signed,
    total,
    rejected: rejectedBy.length,
    waitingFor,
    label,
    percent: total === 0 ? 0 : Math.round((signed / total) * 100),
  };
}

/** "MSP", "MSP and Business", "MSP, Internal IT and Business". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const isPartyKind = (kind: string): kind is PartyKind => ['msp', 'internal_it', 'business', 'custom'].includes(kind);

/** "Internal IT admin", "MSP admin or MSP engineer": who may sign for a party of this kind. */
export function signingRolesLabel(kind: string): string {
  if (!isPartyKind(kind)) return '';
  const roles = rolesThatSignFor(kind).map((role) => ROLE_LABELS[role]);
  if (roles.length <= 1) return roles[0] ?? '';
  return `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}
