import { type EscalationPolicy, type MatrixContent } from '@accord/raci';
import { createContext, useContext } from 'react';
import { NO_PROBLEMS, type ProblemIndex } from '../lib/field-errors';

/** Changes the draft; always a function of the latest draft, so quick edits never undo each other. */
export type PolicyUpdate = (update: (policy: EscalationPolicy) => EscalationPolicy) => void;

/** What every part of the policy editor needs: the matrix, the problems by field, and whether it may edit. */
export interface PolicyEditor {
  content: MatrixContent;
  problems: ProblemIndex;
  readOnly: boolean;
  update: PolicyUpdate;
}

export const PolicyEditorContext = createContext<PolicyEditor>({
  content: { model: 'custom', parties: [], responsibilities: [] },
  problems: NO_PROBLEMS,
  readOnly: true,
  update: () => undefined,
});

export function usePolicyEditor(): PolicyEditor {
  return useContext(PolicyEditorContext);
}

/** The name of a party of the matrix, or its key when the matrix no longer has it. */
export function partyNameOf(content: MatrixContent, partyKey: string): string {
  return content.parties.find((p) => p.key === partyKey)?.name ?? partyKey;
}
