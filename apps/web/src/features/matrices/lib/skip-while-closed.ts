/**
 * React.memo comparison for dialogs that take the whole matrix: while closed (before and after)
 * they are not drawn again for every change of the matrix; open, they follow every change.
 */
export function skipWhileClosed(previous: { opened: boolean }, next: { opened: boolean }): boolean {
  return !previous.opened && !next.opened;
}
