/**
 * Invoice listing pages already fetched, so paging back and forth, or coming back to the screen,
 * costs none of the 50 requests per 180 s. A page is reused for `maxAgeMs`; any change made from
 * this app (update, delete) drops every page, since it can move rows between pages and the bin.
 */
import type { InvoicePage } from '../../shared/contract/invoices';

export class InvoicePageCache {
  private readonly pages = new Map<string, { readonly page: InvoicePage; readonly at: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxPages: number,
    private readonly now: () => number,
  ) {}

  get(key: string): InvoicePage | null {
    const hit = this.pages.get(key);
    if (!hit) return null;
    if (this.now() - hit.at > this.maxAgeMs) {
      this.pages.delete(key);
      return null;
    }
    return hit.page;
  }

  set(key: string, page: InvoicePage): void {
    this.pages.delete(key);
    this.pages.set(key, { page, at: this.now() });
    // Oldest first in a Map: drop from the front.
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  clear(): void {
    this.pages.clear();
  }
}
