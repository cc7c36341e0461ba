import { notifications } from '@mantine/notifications';
import { memo, useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import type { ResponsibilityView } from '../../../lib/api/types';
import { useDeleteResponsibility } from '../api/delete-responsibility';
import { staleRowOf } from '../api/set-assignments';

/**
 * Asks before deleting a responsibility. If someone changed the row meanwhile, nothing is deleted:
 * the dialog says so (the grid shows their version) and confirming again deletes that version.
 * Give it a `key` per row, so a new row starts afresh.
 */
export const DeleteResponsibilityDialog = memo(function DeleteResponsibilityDialog({
  workspaceId,
  matrixId,
  row,
  onDone,
}: {
  workspaceId: string;
  matrixId: string;
  row: ResponsibilityView | null;
  /** Closed; `deleted` tells whether the row is gone. */
  onDone: (deleted: boolean) => void;
}) {
  const remove = useDeleteResponsibility(workspaceId, matrixId);
  const [target, setTarget] = useState(row);
  const stale = staleRowOf(remove.error) !== null;

  const confirm = () => {
    if (!target) return;
    remove.mutate(
      { responsibilityId: target.id, version: target.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `“${target.title}” was deleted.` });
          onDone(true);
        },
        onError: (error) => {
          const current = staleRowOf(error);
          if (current) setTarget(current);
        },
      },
    );
  };

  return (
    <ConfirmModal
      opened={row !== null}
      title="Delete this responsibility?"
      confirmLabel={stale ? 'Delete their version' : 'Delete responsibility'}
      color="red"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => onDone(false)}
      onConfirm={confirm}
    >
      {target ? (
        <>
          “{target.title}” and its letters are removed from the draft.
          {stale
            ? ' It was changed by someone else meanwhile; the grid shows their version. Delete it anyway?'
            : ' Signed versions keep it.'}
        </>
      ) : null}
    </ConfirmModal>
  );
});
