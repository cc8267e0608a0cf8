/**
 * Receiving labels (issue 14): `labels.sheet` for 1,000 labels, from the call to the PDF in base64,
 * as main answers it — the kept bill read from SQLite, counts checked, each code encoded by
 * bwip-js, every label laid out and drawn by pdfkit. A 40-line bill (three in four codes EAN-13, the
 * rest Code 128) of 25 units a line, on both sizes; the goal row is the slower one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLabelService, type LabelSession } from '../../main/labels/labelService';
import { createLogger } from '../../main/logging/logger';
import { ean13 } from '../../main/simulator/ean13';
import { AppStateStore } from '../../main/store/appStateStore';
import { openCatalogDatabase } from '../../main/store/catalogDatabase';
import { CatalogStore } from '../../main/store/catalogStore';
import { openDatabase } from '../../main/store/database';
import { LabelDocumentStore } from '../../main/store/labelDocumentStore';
import { SettingsStore } from '../../main/store/settingsStore';
import type { LabelSizeId, LabelSource } from '../../shared/contract/labels';
import { percentile, type BenchRow } from './benchRow';

const LINES = 40;
const UNITS_PER_LINE = 25;
const RUNS = 7;
const GOAL_MS = 2_000;

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-labels-'));
  const opened = openDatabase({ file: path.join(dir, 'labels.db') });
  const catalogDb = openCatalogDatabase({ appFile: opened.file });
  try {
    const source: LabelSource = { kind: 'bill', outlet: 'Main Store', number: '2026.12.00042' };
    const lines = Array.from({ length: LINES }, (_, i) => ({
      code: i % 4 === 3 ? `SKU-${1000 + i}` : ean13(`8991${String(i).padStart(8, '0')}`),
      name: `Barang contoh nomor ${i + 1} dengan nama yang cukup panjang`,
      quantity: UNITS_PER_LINE,
      price: 12_500 + i * 100,
    }));
    new LabelDocumentStore(opened.db).put({ source, lines, loadedAt: '2026-12-06T09:00:00+07:00' });
    const state = new AppStateStore(opened.db);
    const session: LabelSession = { id: 1, db: opened.db, state, settings: new SettingsStore(state), catalog: new CatalogStore(catalogDb.db, () => null), client: null };
    const { handlers } = createLabelService({ session: () => session, logger: createLogger(() => undefined), sheetsDir: path.join(dir, 'labels'), openFile: null });
    const request = (size: LabelSizeId): Parameters<(typeof handlers)['labels.sheet']>[0] => ({ source, size, lines: lines.map((l) => ({ code: l.code, labels: l.quantity })) });

    const medians: Record<LabelSizeId, number> = { a4: 0, roll50x30: 0 };
    const bytes: Record<LabelSizeId, number> = { a4: 0, roll50x30: 0 };
    for (const size of ['a4', 'roll50x30'] as const) {
      await handlers['labels.sheet'](request(size)); // warm-up: module loading and JIT
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const sheet = await handlers['labels.sheet'](request(size));
        times.push(performance.now() - started);
        if (sheet.labels !== LINES * UNITS_PER_LINE) throw new Error(`expected ${LINES * UNITS_PER_LINE} labels, got ${sheet.labels}`);
        bytes[size] = Math.round((sheet.pdfBase64.length * 3) / 4);
      }
      medians[size] = percentile([...times].sort((a, b) => a - b), 50);
    }
    const worst = Math.max(medians.a4, medians.roll50x30);
    return [
      { name: 'label sheet PDF for 1,000 labels ms', area: 'backoffice', value: worst, unit: 'ms', goal: `≤ ${GOAL_MS} ms (median of ${RUNS}, slower size)`, ok: worst <= GOAL_MS },
      { name: 'label sheet PDF for 1,000 labels, A4 (48 pages) ms', area: 'backoffice', value: medians.a4, unit: 'ms', goal: '-', ok: null },
      { name: 'label sheet PDF for 1,000 labels, 50×30 roll (1,000 pages) ms', area: 'backoffice', value: medians.roll50x30, unit: 'ms', goal: '-', ok: null },
      { name: 'label sheet PDF size, 1,000 labels on A4', area: 'backoffice', value: bytes.a4 / 1024, unit: 'KiB', goal: '-', ok: null },
    ];
  } finally {
    catalogDb.close();
    opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
