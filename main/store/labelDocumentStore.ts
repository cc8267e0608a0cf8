/**
 * All SQL of the receiving-label cache: the lines DealPOS last gave for a bill or delivery, kept so
 * labels can be printed offline. Rows are replaced whole on every load.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CachedLabelDocument, LabelSource, LabelSourceKind } from '../../shared/contract/labels';
import { toStoreError } from './storeError';

/** One line as DealPOS gave it, prices already in minor units. */
export const storedLabelLineSchema = z.object({
  code: z.string(),
  name: z.string(),
  quantity: z.number(),
  price: z.number().int(),
});
export type StoredLabelLine = z.infer<typeof storedLabelLineSchema>;

export interface StoredLabelDocument {
  readonly source: LabelSource;
  readonly lines: readonly StoredLabelLine[];
  readonly loadedAt: string;
}

interface Row {
  kind: LabelSourceKind;
  number: string;
  outlet: string;
  lines: string;
  loaded_at: string;
}

/** Outlet names are matched as DealPOS matches them: ignoring case. */
const outletKey = (outlet: string): string => outlet.toLowerCase();

/** How many documents `recent` lists; older ones stay stored and load by number. */
const RECENT_LIMIT = 20;

export class LabelDocumentStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      put: db.prepare<[LabelSourceKind, string, string, string, string, string]>(
        `INSERT INTO label_document (kind, outlet_key, number, outlet, lines, loaded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, outlet_key, number) DO UPDATE SET outlet = excluded.outlet, lines = excluded.lines, loaded_at = excluded.loaded_at`,
      ),
      get: db.prepare<[LabelSourceKind, string, string], Row>('SELECT * FROM label_document WHERE kind = ? AND outlet_key = ? AND number = ?'),
      recent: db.prepare<[number], Row>('SELECT * FROM label_document ORDER BY loaded_at DESC LIMIT ?'),
    };
  }

  put(document: StoredLabelDocument): void {
    const { source } = document;
    try {
      this.stmt.put.run(source.kind, outletKey(source.outlet), source.number, source.outlet, JSON.stringify(document.lines), document.loadedAt);
    } catch (error) {
      throw toStoreError(error, 'keeping the bill for offline labels');
    }
  }

  get(source: LabelSource): StoredLabelDocument | null {
    const row = this.stmt.get.get(source.kind, outletKey(source.outlet), source.number);
    return row ? toDocument(row) : null;
  }

  recent(): CachedLabelDocument[] {
    return this.stmt.recent.all(RECENT_LIMIT).map((row) => {
      const document = toDocument(row);
      return { source: document.source, lines: document.lines.length, units: document.lines.reduce((n, line) => n + line.quantity, 0), loadedAt: document.loadedAt };
    });
  }
}

function toDocument(row: Row): StoredLabelDocument {
  return {
    source: { kind: row.kind, outlet: row.outlet, number: row.number },
    lines: z.array(storedLabelLineSchema).parse(JSON.parse(row.lines)),
    loadedAt: row.loaded_at,
  };
}
