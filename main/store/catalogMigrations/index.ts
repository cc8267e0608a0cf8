/**
 * The catalog file's own migration registry (see catalogDatabase.ts), with the same rules as the
 * app database's (`../migrations/index.ts`): append only, versions 1, 2, 3, … in order.
 */
import { coreMigration } from '../migrations/001_core';
import type { Migration } from '../migrations/migration';

export const CATALOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog cache, outlet prices and the sync cursor',
    // The app database's first schema held exactly this (its other tables came later); the catalog
    // file starts from the same tables, triggers and FTS index, so its queries did not change.
    up: (db, context) => coreMigration.up(db, context),
  },
];
