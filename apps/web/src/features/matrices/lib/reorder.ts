export type MoveDirection = 'up' | 'down';

interface OrderedRow {
  id: string;
  category: string;
  position: number;
}

/** The rows in the matrix's order: by position, ties broken by id so every browser agrees. */
export function inPositionOrder<T extends OrderedRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every row id of the matrix in its new order after row `id` swaps places with its neighbour in
 * the same category (the row above for 'up', below for 'down'); rows of other categories keep
 * their places. Null when the row is unknown or already first/last of its category.
 */
export function moveWithinCategory(rows: readonly OrderedRow[], id: string, direction: MoveDirection): string[] | null {
  const order = inPositionOrder(rows);
  const from = order.findIndex((row) => row.id === id);
  const moving = order[from];
  if (!moving) return null;
  const step = direction === 'up' ? -1 : 1;
  let to = from + step;
  while (to >= 0 && to < order.length && order[to]?.category !== moving.category) to += step;
  const neighbour = order[to];
  if (!neighbour) return null;
  order[to] = moving;
  order[from] = neighbour;
  return order.map((row) => row.id);
}

/** Per row id, whether it can move up and down within its category. */
export function moveLimits(rows: readonly OrderedRow[]): Map<string, { up: boolean; down: boolean }> {
  const order = inPositionOrder(rows);
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const row of order) {
    if (!first.has(row.category)) first.set(row.category, row.id);
    last.set(row.category, row.id);
  }
  return new Map(
    order.map((row) => [row.id, { up: first.get(row.category) !== row.id, down: last.get(row.category) !== row.id }]),
  );
}

/**
 * The rows with the positions an order gives them (1, 2, 3... as the API numbers them). Rows the
 * order does not name keep their relative order after the named ones.
 */
export function withOrder<T extends OrderedRow>(rows: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, index) => [id, index + 1]));
  const unnamed = inPositionOrder(rows.filter((row) => !rank.has(row.id)));
  unnamed.forEach((row, index) => rank.set(row.id, order.length + index + 1));
  return rows.map((row) => {
    const position = rank.get(row.id) ?? row.position;
    return position === row.position ? row : { ...row, position };
  });
}
