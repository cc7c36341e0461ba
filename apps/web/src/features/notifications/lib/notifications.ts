import { safeNextPath } from '../../../lib/auth/paths';

interface Item {
  id: string;
  readAt: string | null;
}

/** The list with `ids` (or, for undefined, every item) read at `at`, and the unread count lowered to match. */
export function markedRead<L extends { unread: number; items: readonly Item[] }>(
  list: L,
  ids: readonly string[] | undefined,
  at: string,
): L {
  const wanted = ids ? new Set(ids) : null;
  let newlyRead = 0;
  const items = list.items.map((item) => {
    if (item.readAt !== null || (wanted && !wanted.has(item.id))) return item;
    newlyRead += 1;
    return { ...item, readAt: at };
  });
  // Without ids the server marks every notification read, including ones beyond the latest 50.
  const unread = wanted ? Math.max(0, list.unread - newlyRead) : 0;
  return { ...list, items, unread };
}

/** The count on the bell: nothing for none, "99+" beyond 99. */
export function unreadBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

/** The bell's accessible name, which says the count too. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/** Where a notification leads: a path of this app, never another site. */
export function notificationTarget(link: string | null): string | null {
  return safeNextPath(link);
}
