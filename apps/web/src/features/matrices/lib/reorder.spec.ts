import { describe, expect, it } from 'vitest';
import { inPositionOrder, moveLimits, moveWithinCategory, withOrder } from './reorder';

// Positions are global; categories interleave as rows were added over time.
const rows = [
  { id: 'a1', category: 'a', position: 1 },
  { id: 'b1', category: 'b', position: 2 },
  { id: 'a2', category: 'a', position: 3 },
  { id: 'a3', category: 'a', position: 5 },
  { id: 'b2', category: 'b', position: 4 },
];

describe('moveWithinCategory', () => {
  it('swaps the row with the previous row of its category, skipping other categories', () => {
    expect(moveWithinCategory(rows, 'a2', 'up')).toEqual(['a2', 'b1', 'a1', 'b2', 'a3']);
  });

  it('swaps the row with the next row of its category', () => {
    expect(moveWithinCategory(rows, 'a2', 'down')).toEqual(['a1', 'b1', 'a3', 'b2', 'a2']);
    expect(moveWithinCategory(rows, 'b1', 'down')).toEqual(['a1', 'b2', 'a2', 'b1', 'a3']);
  });

  it('names every row once', () => {
    const order = moveWithinCategory(rows, 'a3', 'up') ?? [];
    expect([...order].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('cannot move the first row of a category up or the last one down', () => {
    expect(moveWithinCategory(rows, 'a1', 'up')).toBeNull();
    expect(moveWithinCategory(rows, 'a3', 'down')).toBeNull();
    expect(moveWithinCategory(rows, 'b2', 'down')).toBeNull();
    expect(moveWithinCategory(rows, 'missing', 'up')).toBeNull();
  });
});

describe('moveLimits', () => {
  it('knows which rows are first or last in their category', () => {
    const limits = moveLimits(rows);
    expect(limits.get('a1')).toEqual({ up: false, down: true });
    expect(limits.get('a2')).toEqual({ up: true, down: true });
    expect(limits.get('a3')).toEqual({ up: true, down: false });
    expect(limits.get('b1')).toEqual({ up: false, down: true });
    expect(limits.get('b2')).toEqual({ up: true, down: false });
  });

  it('lets a category of one row move nowhere', () => {
    expect(moveLimits([{ id: 'x', category: 'c', position: 0 }]).get('x')).toEqual({ up: false, down: false });
  });
});

describe('withOrder', () => {
  it('numbers the rows 1, 2, 3... in the order given, as the API does', () => {
    const reordered = withOrder(rows, ['a2', 'b1', 'a1', 'b2', 'a3']);
    expect(inPositionOrder(reordered).map((r) => r.id)).toEqual(['a2', 'b1', 'a1', 'b2', 'a3']);
    expect(reordered.find((r) => r.id === 'a2')?.position).toBe(1);
  });

  it('keeps rows the order leaves out after the named ones, in their old order', () => {
    const reordered = withOrder(rows, ['a3', 'a1']);
    expect(inPositionOrder(reordered).map((r) => r.id)).toEqual(['a3', 'a1', 'b1', 'a2', 'b2']);
  });

  it('returns unchanged rows as the same objects', () => {
    const same = withOrder(rows, ['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(same[0]).toBe(rows[0]);
    expect(same[1]).toBe(rows[1]);
  });
});
