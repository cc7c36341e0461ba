import { Modal, type ModalProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Version } from '../api/get-version';

/**
 * The modal of a decision one party takes on a version (sign, reject): open while `party` is set,
 * its form drawn only then, with the party's name as the version lists it.
 */
export function PartyDecisionModal({
  version,
  party,
  onClose,
  title,
  size,
  children,
}: {
  version: Version;
  /** The key of the party deciding; null: closed. */
  party: string | null;
  onClose: () => void;
  title: (partyName: string) => string;
  size?: ModalProps['size'];
  children: (party: string, partyName: string) => ReactNode;
}) {
  const partyName = version.signers.find((s) => s.partyKey === party)?.partyName ?? party ?? '';
  return (
    <Modal
      opened={party !== null}
      onClose={onClose}
      title={<Text fw={700}>{title(partyName)}</Text>}
      size={size}
      centered
    >
      {party !== null ? children(party, partyName) : null}
    </Modal>
  );
}
