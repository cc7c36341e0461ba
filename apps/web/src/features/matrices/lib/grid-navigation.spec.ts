import { describe, expect, it } from 'vitest';
import { moveFocus } from './grid-navigation';

const size = { rows: 20, cols: 3 };

describe('moveFocus', () => {
  it('moves one cell with the arrow keys', () => {
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowUp', size)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowDown', size)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowLeft', size)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowRight', size)).toEqual({ row: 1, col: 2 });
  });

  it('stops at the edges of the grid', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 19, col: 2 }, 'ArrowRight', size)).toEqual({ row: 19, col: 2 });
    expect(moveFocus({ row: 15, col: 0 }, 'PageDown', size)).toEqual({ row: 19, col: 0 });
  });

  it('goes to the ends of the row with Home/End and of the grid with Ctrl', () => {
    expect(moveFocus({ row: 4, col: 1 }, 'Home', size)).toEqual({ row: 4, col: 0 });
    expect(moveFocus({ row: 4, col: 1 }, 'End', size)).toEqual({ row: 4, col: 2 });
    expect(moveFocus({ row: 4, col: 1 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 4, col: 1 }, 'End', size, true)).toEqual({ row: 19, col: 2 });
  });

  it('ignores other keys and empty grids', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'r', size)).toBeNull();
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowDown', { rows: 0, cols: 3 })).toBeNull();
  });
});
