import type { Migration } from './migration';

/**
 * Receiving labels (issue 14): the last lines DealPOS gave for each purchase bill and outlet
 * delivery, so labels can still be printed when the connection drops. `lines` is the JSON the label
 * service wrote (code, name, quantity, price in minor units); one row per kind + outlet + number,
 * replaced on every successful load.
 */
export const labelDocumentsMigration: Migration = {
  version: 8,
  name: 'label documents',
  up(db) {
    db.exec(`
      CREATE TABLE label_document (
        kind TEXT NOT NULL CHECK (kind IN ('bill', 'delivery')),
        outlet_key TEXT NOT NULL,
        number TEXT NOT NULL,
        outlet TEXT NOT NULL,
        lines TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        PRIMARY KEY (kind, outlet_key, number)
      );
      CREATE INDEX label_document_loaded ON label_document (loaded_at);
    `);
  },
};
