/** The focused cell of the grid: a row of responsibilities and a party column. */
export interface GridPosition {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/**
 * Where focus goes after `key` (ARIA grid pattern): arrows move one cell, Home/End go to the
 * row's first/last cell, Ctrl+Home/Ctrl+End to the grid's first/last cell, PageUp/PageDown move
 * ten rows. Returns null for keys that do not move focus. Focus stays inside the grid.
 */
export function moveFocus(position: GridPosition, key: string, size: GridSize, ctrl = false): GridPosition | null {
  if (size.rows === 0 || size.cols === 0) return null;
  const clamp = (row: number, col: number): GridPosition => ({
    row: Math.min(Math.max(row, 0), size.rows - 1),
    col: Math.min(Math.max(col, 0), size.cols - 1),
  });
  const { row, col } = position;
  switch (key) {
    case 'ArrowUp':
      return clamp(row - 1, col);
    case 'ArrowDown':
      return clamp(row + 1, col);
    case 'ArrowLeft':
      return clamp(row, col - 1);
    case 'ArrowRight':
      return clamp(row, col + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(row, 0);
    case 'End':
      return ctrl ? clamp(size.rows - 1, size.cols - 1) : clamp(row, size.cols - 1);
    case 'PageUp':
      return clamp(row - 10, col);
    case 'PageDown':
      return clamp(row + 10, col);
    default:
      return null;
  }
}
