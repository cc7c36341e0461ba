import type { RaciLetter } from '@accord/raci';
import type { MoveDirection } from './reorder';
import { letterOfKey } from './letters';

/** What a key press on a cell of the grid asks for, beyond moving focus. */
export type GridCommand =
  | { type: 'set-letter'; letter: RaciLetter }
  | { type: 'clear-letter' }
  | { type: 'letter-menu' }
  | { type: 'open-row' }
  | { type: 'row-menu' }
  | { type: 'move-row'; direction: MoveDirection }
  | { type: 'delete-row' };

export interface KeyPress {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

/**
 * The command of a key press on the title cell ('title') or on a party's letter cell ('letter').
 * Title cell: Enter or F2 opens the responsibility (to edit, or to read without the permission),
 * Alt+ArrowUp/ArrowDown move the row within its category, Delete asks to delete it, Shift+F10 or
 * the context-menu key open its menu. Letter cell: R/A/C/I set a letter, Delete or Backspace
 * clears it, Enter, Space, F2 or Shift+F10 open the letter menu. Read-only grids only open rows.
 * Arrow keys without Alt, Home/End and PageUp/PageDown are navigation (see moveFocus): null here.
 */
export function gridCommand(press: KeyPress, cell: 'title' | 'letter', editable: boolean): GridCommand | null {
  const { key, altKey = false, ctrlKey = false, metaKey = false, shiftKey = false } = press;
  if (metaKey || ctrlKey) return null;
  const menuKey = key === 'ContextMenu' || (shiftKey && key === 'F10');
  if (cell === 'title') {
    if (!altKey && (key === 'Enter' || key === 'F2')) return { type: 'open-row' };
    if (!editable) return null;
    if (altKey && !shiftKey && key === 'ArrowUp') return { type: 'move-row', direction: 'up' };
    if (altKey && !shiftKey && key === 'ArrowDown') return { type: 'move-row', direction: 'down' };
    if (altKey) return null;
    if (menuKey) return { type: 'row-menu' };
    if (key === 'Delete') return { type: 'delete-row' };
    return null;
  }
  if (!editable || altKey) return null;
  if (menuKey || key === 'Enter' || key === 'F2' || key === ' ') return { type: 'letter-menu' };
  if (key === 'Delete' || key === 'Backspace') return { type: 'clear-letter' };
  const letter = letterOfKey(key);
  return letter ? { type: 'set-letter', letter } : null;
}
