import type { ResponsibilityView } from '../../../lib/api/types';
import type { ResponsibilityChanges } from '../api/update-responsibility';

export type Category = NonNullable<ResponsibilityChanges['category']>;

/** What the responsibility form edits. */
export interface Draft {
  title: string;
  description: string;
  category: string;
  critical: boolean;
  afterHours: boolean;
}

export function draftOf(row: Pick<ResponsibilityView, keyof Draft>): Draft {
  return {
    title: row.title,
    description: row.description,
    category: row.category,
    critical: row.critical,
    afterHours: row.afterHours,
  };
}

/**
 * The PATCH body for an edit: only what differs from the row the edit started from (text
 * trimmed), so saving an untouched form sends nothing and two people editing different fields
 * do not undo each other once the conflict is resolved.
 */
export function changesBetween(base: Pick<ResponsibilityView, keyof Draft>, draft: Draft): ResponsibilityChanges {
  const changes: ResponsibilityChanges = {};
  const title = draft.title.trim();
  const description = draft.description.trim();
  if (title !== base.title) changes.title = title;
  if (description !== base.description) changes.description = description;
  if (draft.category !== base.category) changes.category = draft.category as Category;
  if (draft.critical !== base.critical) changes.critical = draft.critical;
  if (draft.afterHours !== base.afterHours) changes.afterHours = draft.afterHours;
  return changes;
}
