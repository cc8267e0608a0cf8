import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../shared/contract/catalog';
import { RecentItems } from '../../../../renderer/screens/checkout/recentItems';

const item = (code: string): CatalogItem => ({ code, name: code, product: code, price: 1_000, discontinued: false, updatedAt: '2026-11-22T10:00:00+07:00' });

describe('RecentItems', () => {
  it('answers what it was told until it expires', () => {
    const recent = new RecentItems(10, 1_000);
    recent.remember('A', item('A'), 0);
    expect(recent.get('A', 1_000)?.code).toBe('A');
    expect(recent.get('A', 2_001)).toBeNull();
    expect(recent.size).toBe(0);
  });

  it('drops the least recently used beyond its capacity', () => {
    const recent = new RecentItems(2, 60_000);
    recent.remember('A', item('A'), 0);
    recent.remember('B', item('B'), 0);
    expect(recent.get('A', 1)?.code).toBe('A');
    recent.remember('C', item('C'), 2);
    expect(recent.get('B', 3)).toBeNull();
    expect(recent.get('A', 3)?.code).toBe('A');
    expect(recent.get('C', 3)?.code).toBe('C');
  });

  it('forgets everything on clear', () => {
    const recent = new RecentItems();
    recent.remember('A', item('A'), 0);
    recent.clear();
    expect(recent.get('A', 0)).toBeNull();
  });
});
