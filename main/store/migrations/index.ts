/**
 * The migration registry, oldest first. To add one: create `NNN_<what>.ts` exporting a `Migration`
 * whose `version` is the next free number, and append it here. Never edit or reorder a migration
 * that has shipped; `openDatabase` refuses a registry whose versions are not 1, 2, 3, … in order.
 */
import { coreMigration } from './001_core';
import { outboxMigration } from './002_outbox';
import { customersMigration } from './003_customers';
import { saleDraftsMigration } from './004_sale_drafts';
import { voidedByMigration } from './005_voided_by';
import { outboxTallyMigration } from './006_outbox_tally';
import { printJobsMigration } from './007_print_jobs';
import { labelDocumentsMigration } from './008_label_documents';
import { salesOrderReferencesMigration } from './009_sales_order_references';
import { shiftsMigration } from './010_shifts';
import { heldSalesAndReturnsMigration } from './011_held_sales_and_returns';
import { catalogOwnFileMigration } from './012_catalog_own_file';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  coreMigration,
  outboxMigration,
  customersMigration,
  saleDraftsMigration,
  voidedByMigration,
  outboxTallyMigration,
  printJobsMigration,
  labelDocumentsMigration,
  salesOrderReferencesMigration,
  shiftsMigration,
  heldSalesAndReturnsMigration,
  catalogOwnFileMigration,
];
