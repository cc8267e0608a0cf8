/**
 * The catalog cache: variants keyed by DealPOS code, looked up by normalised code key, searched by
 * FTS5 prefix on name, code and product. Prices are stored in minor units; the price shown is the
 * configured outlet's price where DealPOS has one, resolved at read time so changing the outlet in
 * settings needs no re-sync.
 */
import type Database from 'better-sqlite3';
import { lookupKeyOf } from '../../shared/catalog/barcode';
import type { CatalogItem } from '../../shared/contract/catalog';
import type { Money } from '../../shared/money';
import { mainWrite } from '../workers/writeGate';
import { toStoreError } from './storeError';

export interface VariantRecord {
  readonly code: string;
  readonly name: string;
  readonly product: string;
  readonly unitPrice: Money;
  readonly discontinued: boolean;
  /** ISO 8601 with offset: when this row was fetched from DealPOS. */
  readonly updatedAt: string;
  readonly dealposId: string | null;
  readonly outletPrices: ReadonlyArray<{ readonly outlet: string; readonly price: Money }>;
}

interface ItemRow {
  code: string;
  name: string;
  product: string;
  price: number;
  discontinued: number;
  updated_at: string;
}

const ITEM_COLUMNS = `v.code, v.name, v.product, COALESCE(op.price, v.unit_price) AS price, v.discontinued, v.updated_at`;
const OUTLET_JOIN = `LEFT JOIN outlet_price op ON op.variant_id = v.id AND op.outlet = @outlet`;
/** Characters kept in a search term; everything else separates terms (and can never break FTS5 syntax). */
const TERM_SPLIT = /[^\p{L}\p{N}\-_./]+/u;
const MAX_TERMS = 8;

function toItem(row: ItemRow): CatalogItem {
  return {
    code: row.code,
    name: row.name,
    product: row.product,
    price: row.price,
    discontinued: row.discontinued === 1,
    updatedAt: row.updated_at,
  };
}

/** Builds an FTS5 query where every term must match as a prefix; null when nothing searchable is left. */
export function toFtsPrefixQuery(query: string): string | null {
  const terms = query
    .split(TERM_SPLIT)
    .map((term) => term.replace(/^[-_./]+|[-_./]+$/g, ''))
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(' ');
}

export class CatalogStore {
  private readonly byKey: Database.Statement<{ key: string; code: string; outlet: string }, ItemRow>;
  private readonly byCode: Database.Statement<{ code: string; outlet: string }, ItemRow>;
  private readonly searchStmt: Database.Statement<{ match: string; outlet: string; limit: number }, ItemRow>;
  private readonly upsertStmt: Database.Statement<[string, string, string | null, string, string, number, number, string, number]>;
  private readonly insertPriceStmt: Database.Statement<[string, number, string]>;
  private readonly countStmt: Database.Statement<[], { n: number }>;
  private readonly shortestStmt: Database.Statement<[], { n: number | null }>;
  private readonly fileVersionStmt: Database.Statement<[], { version: number; changes: number }>;
  /**
   * The last shortest-code answer and the file's version then. The query reads every code (20 ms
   * for 200,000 on main, twice each time the checkout opens), but the answer only changes with the
   * catalog: data_version moves when another connection (the writer thread) commits, total_changes
   * when this one writes.
   */
  private shortest: { readonly length: number | null; readonly version: number; readonly changes: number } | null = null;
  private readonly deleteStaleStmt: Database.Statement<[number]>;
  private readonly upsertManyTx: (records: readonly VariantRecord[], generation: number, stop: () => boolean) => number;

  constructor(
    readonly db: Database.Database,
    /** The configured outlet's name, read on every query so a settings change applies at once. */
    private readonly outlet: () => string | null,
  ) {
    // Codes differing only by case share a key: the exact code wins, then an active item.
    this.byKey = db.prepare(
      `SELECT ${ITEM_COLUMNS} FROM variant v ${OUTLET_JOIN} WHERE v.code_key = @key ORDER BY v.code = @code DESC, v.discontinued, v.code LIMIT 1`,
    );
    this.byCode = db.prepare(`SELECT ${ITEM_COLUMNS} FROM variant v ${OUTLET_JOIN} WHERE v.code = @code`);
    this.searchStmt = db.prepare(
      `SELECT ${ITEM_COLUMNS} FROM variant_fts f JOIN variant v ON v.id = f.rowid ${OUTLET_JOIN} WHERE variant_fts MATCH @match LIMIT @limit`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO variant(code, code_key, dealpos_id, name, product, unit_price, discontinued, updated_at, sync_generation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET code_key = excluded.code_key, dealpos_id = excluded.dealpos_id, name = excluded.name,
         product = excluded.product, unit_price = excluded.unit_price, discontinued = excluded.discontinued,
         updated_at = excluded.updated_at, sync_generation = MAX(variant.sync_generation, excluded.sync_generation)`,
    );
    // An update clears the variant's outlet prices (trigger in 001_core), so these are re-added each time.
    this.insertPriceStmt = db.prepare('INSERT OR REPLACE INTO outlet_price(variant_id, outlet, price) SELECT id, ?, ? FROM variant WHERE code = ?');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM variant');
    this.shortestStmt = db.prepare('SELECT MIN(length(code)) AS n FROM variant');
    this.fileVersionStmt = db.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes');
    this.deleteStaleStmt = db.prepare('DELETE FROM variant WHERE sync_generation < ?');
    this.upsertManyTx = db.transaction((records: readonly VariantRecord[], generation: number, stop: () => boolean) => {
      let stored = 0;
      for (const record of records) {
        this.upsertOne(record, generation);
        stored++;
        if (stop()) break;
      }
      return stored;
    });
  }

  private params(): { outlet: string } {
    // '' never matches a stored outlet name (names are non-empty), so no outlet means unit prices.
    return { outlet: this.outlet() ?? '' };
  }

  private upsertOne(record: VariantRecord, generation: number): void {
    this.upsertStmt.run(
      record.code,
      lookupKeyOf(record.code),
      record.dealposId,
      record.name,
      record.product,
      record.unitPrice,
      record.discontinued ? 1 : 0,
      record.updatedAt,
      generation,
    );
    for (const price of record.outletPrices) this.insertPriceStmt.run(price.outlet, price.price, record.code);
  }

  /**
   * Stores a page of variants in one transaction (or inside the caller's, e.g. together with the
   * sync cursor). `generation` marks rows seen by the current full pass; 0 for one-off lookups.
   */
  upsertMany(records: readonly VariantRecord[], generation = 0): void {
    // Through the file's write gate when the bulk writer shares it (main caching a looked-up code).
    mainWrite(this.db, () => this.upsertUntil(records, generation, () => false));
  }

  /**
   * Upserts `records` in order, in one transaction, until `stop()` says so (checked after each row,
   * so at least one is stored). Returns how many were stored.
   */
  upsertUntil(records: readonly VariantRecord[], generation: number, stop: () => boolean): number {
    try {
      return this.upsertManyTx(records, generation, stop);
    } catch (error) {
      throw toStoreError(error, 'saving catalog items');
    }
  }

  /** The item whose code normalises to `lookupKey`, preferring the one whose code is exactly `code`. */
  findByKey(lookupKey: string, code: string = lookupKey): CatalogItem | null {
    const row = this.byKey.get({ key: lookupKey, code, outlet: this.outlet() ?? '' });
    return row ? toItem(row) : null;
  }

  /** Characters in the catalog's shortest code (null while it is empty): how short a scan can be. */
  shortestCodeLength(): number | null {
    try {
      const { version, changes } = this.fileVersionStmt.get() ?? { version: -1, changes: -1 };
      if (this.shortest?.version === version && this.shortest.changes === changes) return this.shortest.length;
      const length = this.shortestStmt.get()?.n ?? null;
      this.shortest = { length, version, changes };
      return length;
    } catch (error) {
      throw toStoreError(error, 'reading the shortest catalog code');
    }
  }

  findByCode(code: string): CatalogItem | null {
    const row = this.byCode.get({ code, ...this.params() });
    return row ? toItem(row) : null;
  }

  /** Prefix search over name, code and product; every term must match. */
  search(query: string, limit: number): CatalogItem[] {
    const match = toFtsPrefixQuery(query);
    if (match === null) return [];
    return this.searchStmt.all({ match, limit, ...this.params() }).map(toItem);
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** After a complete full pass: drops variants DealPOS no longer lists. Returns how many went. */
  deleteNotSeenSince(generation: number): number {
    try {
      return this.deleteStaleStmt.run(generation).changes;
    } catch (error) {
      throw toStoreError(error, 'removing deleted catalog items');
    }
  }
}
