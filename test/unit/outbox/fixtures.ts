import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import type { SaleSettings } from '../../../main/sale/saleService';
import { EMPTY_SALE, type SaleDraft } from '../../../shared/sale/sale';

/** A real SQLite file in a fresh temp folder, migrated like the app's own. */
export function tempDatabase(name = 'outbox.db'): { opened: OpenedDatabase; file: string; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-outbox-'));
  const file = path.join(dir, name);
  const opened = openDatabase({ file });
  return {
    opened,
    file,
    dir,
    cleanup: () => {
      opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SETTINGS: SaleSettings = {
  outlet: 'Outlet1',
  register: 'Outlet1',
  salesTag: 'Offline',
  currencyDecimals: 0,
  invoiceNumberPrefix: 'POS',
  taxType: null,
};

/** A paid cash sale of items the simulator's demo catalog has. */
export function paidSale(overrides: Partial<SaleDraft> = {}): SaleDraft {
  const { cardiganL, indomie } = DEMO_FIXTURES.variants;
  const lines = overrides.lines ?? [
    { variantCode: cardiganL.code, name: cardiganL.name, quantity: 1, unitPrice: 280_000, discount: null },
    { variantCode: indomie.code, name: indomie.name, quantity: 2, unitPrice: 50_000, discount: null },
  ];
  const total = lines.reduce((n, l) => n + l.quantity * l.unitPrice, 0);
  return { ...EMPTY_SALE, lines, payments: [{ method: 'Cash', amount: total, cash: true }], ...overrides };
}
