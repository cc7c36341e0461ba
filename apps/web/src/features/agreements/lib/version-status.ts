import type { VersionStatus } from '@accord/raci';

export interface StatusLook {
  label: string;
  /** A Mantine colour: the same status has the same colour on every page. */
  color: string;
  /** One sentence for a tooltip or a screen reader. */
  description: string;
}

/** How each status of a version looks, everywhere: pending yellow, approved green, rejected red, superseded gray. */
export const VERSION_STATUS_LOOK: Readonly<Record<VersionStatus, StatusLook>> = {
  pending: {
    label: 'Pending',
    color: 'yellow',
    description: 'Waiting for the signatures of the parties required to sign.',
  },
  approved: {
    label: 'Approved',
    color: 'green',
    description: 'Every required party signed this version.',
  },
  rejected: {
    label: 'Rejected',
    color: 'red',
    description: 'A required party rejected this version; a new request for sign-off starts the next one.',
  },
  superseded: {
    label: 'Superseded',
    color: 'gray',
    description: 'A later request for sign-off replaced this version before it was approved.',
  },
};

/** The look of a status as the API names it; an unknown status (a newer API) reads as itself, in gray. */
export function versionStatusLook(status: string): StatusLook {
  return Object.hasOwn(VERSION_STATUS_LOOK, status)
    ? VERSION_STATUS_LOOK[status as VersionStatus]
    : { label: status.charAt(0).toUpperCase() + status.slice(1), color: 'gray', description: '' };
}

/** The "In effect" badge: the agreement that holds now, the latest approved version. */
export const IN_EFFECT_LOOK: StatusLook = {
  label: 'In effect',
  color: 'teal',
  description: 'The latest approved version: the agreement that holds now.',
};
