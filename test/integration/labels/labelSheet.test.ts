/**
 * The label sheet itself: every symbology scans back as the code it carries, codes no symbology can
 * carry or no label can fit are refused whole. Real SQLite for the kept bill; the sheet is read back
 * with pdftoppm + zxing-wasm.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLabelService, type LabelSession } from '../../../main/labels/labelService';
import { encodeAll, renderLabelSheet, LabelTooWideError, type LabelFace } from '../../../main/labels/labelSheetPdf';
import { ean13 } from '../../../main/simulator/ean13';
import { AppStateStore } from '../../../main/store/appStateStore';
import { openCatalogDatabase } from '../../../main/store/catalogDatabase';
import { CatalogStore } from '../../../main/store/catalogStore';
import type { OpenedDatabase } from '../../../main/store/database';
import { LabelDocumentStore } from '../../../main/store/labelDocumentStore';
import { SettingsStore } from '../../../main/store/settingsStore';
import type { LabelSource } from '../../../shared/contract/labels';
import { PosError, ServiceError } from '../../../shared/errors';
import { decodeLabelSheet } from '../../support/labelSheetDecoder';
import { tempDatabase } from '../../unit/outbox/fixtures';
import { quietLogger } from '../store/harness';

const face = (code: string, symbology: LabelFace['symbology']): LabelFace => ({ code, name: `Item ${code}`, price: 'Rp 1.000', symbology });

describe('every symbology scans back', () => {
  it.each<['a4' | 'roll50x30']>([['a4'], ['roll50x30']])('on %s', async (size) => {
    const faces = [face(ean13('899100100001'), 'ean13'), face('036000291452', 'upca'), face('96385074', 'ean8'), face('ROTI-001 / A', 'code128')];
    const { pdf } = await renderLabelSheet(faces, size, 'symbologies');
    const decoded = await decodeLabelSheet(pdf);
    expect(decoded.map((d) => [d.format, d.text]).sort()).toEqual(
      [
        ['EAN13', ean13('899100100001')],
        // zxing reports a UPC-A as the EAN-13 it is part of (a leading 0); the bars are UPC-A's.
        ['EAN13', '0036000291452'],
        ['EAN8', '96385074'],
        ['Code128', 'ROTI-001 / A'],
      ].sort(),
    );
  });
});

describe('codes that cannot be printed', () => {
  it('a code too long for the roll is refused there and prints on A4', async () => {
    const long = face('ROTI-GANDUM-370G', 'code128');
    expect(() => encodeAll([long], 'roll50x30')).toThrow(LabelTooWideError);
    const { pdf } = await renderLabelSheet([long], 'a4', 'long code');
    expect((await decodeLabelSheet(pdf)).map((d) => d.text)).toEqual(['ROTI-GANDUM-370G']);
  });

  describe('through labels.sheet, from a bill kept in SQLite', () => {
    let db: ReturnType<typeof tempDatabase>;
    let catalogDb: OpenedDatabase;
    beforeEach(() => {
      db = tempDatabase('labels.db');
      catalogDb = openCatalogDatabase({ appFile: db.file });
    });
    afterEach(() => {
      catalogDb.close();
      db.cleanup();
    });
    const source: LabelSource = { kind: 'delivery', outlet: 'Main Store', number: '2023.09.00003' };

    function service(openFile: ((file: string) => Promise<string>) | null = null): ReturnType<typeof createLabelService> {
      const state = new AppStateStore(db.opened.db);
      const settings = new SettingsStore(state);
      const session: LabelSession = { id: 1, db: db.opened.db, state, settings, catalog: new CatalogStore(catalogDb.db, () => null), client: null };
      new LabelDocumentStore(db.opened.db).put({
        source,
        loadedAt: '2026-12-06T10:00:00+07:00',
        lines: [
          { code: 'ROTI-001', name: 'Sari Roti Tawar Kupas 370g', quantity: 2, price: 17_500 },
          { code: 'BOLU-KUKUS-Ü', name: 'Bolu Kukus', quantity: 1, price: 5_000 },
          { code: 'ROTI-GANDUM-370G', name: 'Roti Gandum 370g', quantity: 1, price: 21_000 },
        ],
      });
      return createLabelService({ session: () => session, logger: quietLogger(), sheetsDir: path.join(db.dir, 'labels'), openFile });
    }

    async function refusedWith(promise: Promise<unknown>): Promise<ServiceError> {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      if (!(error instanceof ServiceError)) throw new Error(`expected a refusal, got ${String(error)}`);
      return error;
    }

    it('a code no symbology can encode refuses the whole sheet, naming the line; at 0 labels the rest prints', async () => {
      const { handlers } = service();
      const lines = [
        { code: 'ROTI-001', labels: 2 },
        { code: 'BOLU-KUKUS-Ü', labels: 1 },
        { code: 'ROTI-GANDUM-370G', labels: 0 },
      ];
      const refused = await refusedWith(handlers['labels.sheet']({ source, size: 'a4', lines }));
      expect(refused).toMatchObject({ code: 'validation', details: { reason: 'unencodable', code: 'BOLU-KUKUS-Ü' }, issues: [{ path: 'lines.1.code' }] });
      expect(refused).not.toBeInstanceOf(PosError);

      const withoutIt = await handlers['labels.sheet']({ source, size: 'a4', lines: lines.map((l) => (l.code === 'BOLU-KUKUS-Ü' ? { ...l, labels: 0 } : l)) });
      expect(withoutIt).toMatchObject({ labels: 2, pages: 1 });
    });

    it('a code too long for the label size is refused for that size only', async () => {
      const { handlers } = service();
      const lines = [{ code: 'ROTI-GANDUM-370G', labels: 1 }];
      const refused = await refusedWith(handlers['labels.sheet']({ source, size: 'roll50x30', lines }));
      expect(refused).toMatchObject({ code: 'validation', details: { reason: 'too_wide', code: 'ROTI-GANDUM-370G', size: 'roll50x30' } });
      expect(await handlers['labels.sheet']({ source, size: 'a4', lines })).toMatchObject({ labels: 1 });
    });

    it('opens the sheet made last in the OS viewer from the data folder, and nothing else', async () => {
      // Stand-in for Electron's shell.openPath (the Electron binary is not available in tests).
      const opened: string[] = [];
      const { handlers } = service(async (file) => {
        opened.push(file);
        return '';
      });
      const sheet = await handlers['labels.sheet']({ source, size: 'a4', lines: [{ code: 'ROTI-001', labels: 2 }] });
      const { path: file } = await handlers['labels.openSheet']({ fileName: sheet.fileName });
      expect(opened).toEqual([file]);
      expect(file).toBe(path.join(db.dir, 'labels', 'labels-delivery-Main-Store-2023.09.00003-a4.pdf'));
      expect(fs.readFileSync(file).equals(Buffer.from(sheet.pdfBase64, 'base64'))).toBe(true);
      expect(await refusedWith(handlers['labels.openSheet']({ fileName: '../../etc/passwd' }))).toMatchObject({ code: 'not_found', details: { reason: 'sheet_gone' } });

      const browser = service(null);
      const made = await browser.handlers['labels.sheet']({ source, size: 'a4', lines: [{ code: 'ROTI-001', labels: 1 }] });
      expect(await refusedWith(browser.handlers['labels.openSheet']({ fileName: made.fileName }))).toMatchObject({ code: 'not_configured', details: { reason: 'cannot_open' } });
    });

    it('loading without a connection to any store asks for one; the kept bill is still listed', async () => {
      const { handlers } = service();
      // No client (setup mode): loading asks for a connection first rather than guessing.
      const refused = await refusedWith(handlers['labels.load'](source));
      expect(refused).toMatchObject({ code: 'not_configured', details: { reason: 'not_connected' } });
      expect(await handlers['labels.cached']({})).toEqual([{ source, lines: 3, units: 4, loadedAt: '2026-12-06T10:00:00+07:00' }]);
    });
  });
});
