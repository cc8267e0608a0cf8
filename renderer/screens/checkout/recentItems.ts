import type { CatalogItem } from '../../../shared/contract/catalog';

/**
 * The items this counter resolved recently, so scanning a popular item again (the next customer's
 * water or noodles) needs no round trip to main. Only plain `found` answers are kept; the checkout
 * clears it whenever the catalog or the outlet changes, and entries expire after `ttlMs` anyway.
 */
export class RecentItems {
  private readonly items = new Map<string, { readonly item: CatalogItem; readonly at: number }>();

  constructor(
    private readonly capacity = 500,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  get(code: string, now: number): CatalogItem | null {
    const entry = this.items.get(code);
    if (!entry) return null;
    if (now - entry.at > this.ttlMs) {
      this.items.delete(code);
      return null;
    }
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.items.delete(code);
    this.items.set(code, entry);
    return entry.item;
  }

  remember(code: string, item: CatalogItem, now: number): void {
    this.items.delete(code);
    this.items.set(code, { item, at: now });
    if (this.items.size > this.capacity) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }

  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }
}
