import { describe, expect, it } from 'vitest';
import { bellLabel, markedRead, notificationTarget, unreadBadge } from './notifications';

const list = {
  unread: 3,
  items: [
    { id: 'a', readAt: null },
    { id: 'b', readAt: null },
    { id: 'c', readAt: '2026-11-01T10:00:00Z' },
  ],
};

describe('markedRead', () => {
  it('marks the given unread items and lowers the count by as many', () => {
    const after = markedRead(list, ['a', 'c'], '2026-11-28T12:00:00Z');
    expect(after.items.map((i) => i.readAt)).toEqual(['2026-11-28T12:00:00Z', null, '2026-11-01T10:00:00Z']);
    expect(after.unread).toBe(2);
  });

  it('marks everything read, beyond the items listed, without ids', () => {
    const after = markedRead(list, undefined, 'now');
    expect(after.items.every((i) => i.readAt !== null)).toBe(true);
    expect(after.unread).toBe(0);
  });

  it('never counts below zero', () => {
    expect(markedRead({ unread: 0, items: [{ id: 'a', readAt: null }] }, ['a'], 'now').unread).toBe(0);
  });
});

describe('the bell', () => {
  it('shows the count, capped, and says it in its name', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(120)).toBe('99+');
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(2)).toBe('Notifications, 2 unread');
  });

  it('follows links into the app only', () => {
    expect(notificationTarget('/w/ws/matrices/m/versions/3')).toBe('/w/ws/matrices/m/versions/3');
    expect(notificationTarget('https://evil.example/')).toBeNull();
    expect(notificationTarget('//evil.example')).toBeNull();
    expect(notificationTarget(null)).toBeNull();
  });
});
