import { describe, expect, it } from 'vitest';
import { gridCommand } from './grid-keys';

describe('gridCommand on the title cell', () => {
  it('opens the responsibility with Enter or F2, also without the edit permission', () => {
    expect(gridCommand({ key: 'Enter' }, 'title', true)).toEqual({ type: 'open-row' });
    expect(gridCommand({ key: 'F2' }, 'title', true)).toEqual({ type: 'open-row' });
    expect(gridCommand({ key: 'Enter' }, 'title', false)).toEqual({ type: 'open-row' });
  });

  it('moves the row with Alt+ArrowUp and Alt+ArrowDown', () => {
    expect(gridCommand({ key: 'ArrowUp', altKey: true }, 'title', true)).toEqual({ type: 'move-row', direction: 'up' });
    expect(gridCommand({ key: 'ArrowDown', altKey: true }, 'title', true)).toEqual({
      type: 'move-row',
      direction: 'down',
    });
  });

  it('asks to delete with Delete and opens the row menu with Shift+F10 or the menu key', () => {
    expect(gridCommand({ key: 'Delete' }, 'title', true)).toEqual({ type: 'delete-row' });
    expect(gridCommand({ key: 'F10', shiftKey: true }, 'title', true)).toEqual({ type: 'row-menu' });
    expect(gridCommand({ key: 'ContextMenu' }, 'title', true)).toEqual({ type: 'row-menu' });
  });

  it('offers nothing but reading without the edit permission, and ignores letters', () => {
    expect(gridCommand({ key: 'ArrowUp', altKey: true }, 'title', false)).toBeNull();
    expect(gridCommand({ key: 'Delete' }, 'title', false)).toBeNull();
    expect(gridCommand({ key: 'r' }, 'title', true)).toBeNull();
    expect(gridCommand({ key: 'Backspace' }, 'title', true)).toBeNull();
  });

  it('leaves plain arrows to navigation and shortcuts with Ctrl or Cmd to the browser', () => {
    expect(gridCommand({ key: 'ArrowUp' }, 'title', true)).toBeNull();
    expect(gridCommand({ key: 'Enter', ctrlKey: true }, 'title', true)).toBeNull();
    expect(gridCommand({ key: 'ArrowUp', altKey: true, metaKey: true }, 'title', true)).toBeNull();
  });
});

describe('gridCommand on a letter cell', () => {
  it('sets a letter by typing it and clears it with Delete or Backspace', () => {
    expect(gridCommand({ key: 'a' }, 'letter', true)).toEqual({ type: 'set-letter', letter: 'A' });
    expect(gridCommand({ key: 'I' }, 'letter', true)).toEqual({ type: 'set-letter', letter: 'I' });
    expect(gridCommand({ key: 'Delete' }, 'letter', true)).toEqual({ type: 'clear-letter' });
    expect(gridCommand({ key: 'Backspace' }, 'letter', true)).toEqual({ type: 'clear-letter' });
  });

  it('opens the letter menu with Enter, Space, F2 or Shift+F10', () => {
    for (const press of [{ key: 'Enter' }, { key: ' ' }, { key: 'F2' }, { key: 'F10', shiftKey: true }]) {
      expect(gridCommand(press, 'letter', true)).toEqual({ type: 'letter-menu' });
    }
  });

  it('changes nothing without the edit permission, or with Ctrl, Alt or Cmd held', () => {
    expect(gridCommand({ key: 'a' }, 'letter', false)).toBeNull();
    expect(gridCommand({ key: 'Enter' }, 'letter', false)).toBeNull();
    expect(gridCommand({ key: 'c', ctrlKey: true }, 'letter', true)).toBeNull();
    expect(gridCommand({ key: 'r', altKey: true }, 'letter', true)).toBeNull();
    expect(gridCommand({ key: 'ArrowUp', altKey: true }, 'letter', true)).toBeNull();
  });
});
