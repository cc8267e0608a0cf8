/**
 * Receiving labels through the real composition root: a live account on the simulator (real HTTP),
 * real SQLite, the real keychain (`bash scripts/withKeyring.sh npx vitest run test/integration/labels`).
 * Every sheet is read back from the PDF the way a scanner would read the printed labels
 * (test/support/labelSheetDecoder.ts: pdftoppm + zxing-wasm).
 */
import fs from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { MAX_LABELS_PER_SHEET, type LabelDocument, type LabelSheet } from '../../../shared/contract/labels';
import { PosError } from '../../../shared/errors';
import { contractCaller, refusal, type ContractCall } from '../../support/checkout';
import { countByText, decodeLabelSheet } from '../../support/labelSheetDecoder';
import { requireKeychain, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir } from '../store/harness';

const SEED_BILL = { kind: 'bill', outlet: 'Pluit', number: '2023.09.00001' } as const;
const LABEL_BILL = { kind: 'bill', ...DEMO_FIXTURES.labelBill } as const;

let dir = '';
let sim: Simulator;
let services: Services | null = null;
let call: ContractCall;

async function start(): Promise<void> {
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  call = contractCaller(services.dispatch);
}

beforeAll(requireKeychain);
beforeEach(async () => {
  dir = tempDir('labels');
  sim = await startSim({ variants: 50 });
  await start();
  await call('account.connect', { subdomain: `127.0.0.1:${sim.port}`, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
});
afterEach(async () => {
  await services?.close();
  services = null;
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pdfOf = (sheet: LabelSheet): Buffer => Buffer.from(sheet.pdfBase64, 'base64');
const oneLabelPerUnit = (document: LabelDocument): Array<{ code: string; labels: number }> => document.lines.map((l) => ({ code: l.code, labels: l.quantity }));

describe("the seed's purchase bill (Pluit, 2023.09.00001)", () => {
  it('loads the lines as the seed lists them, checks discontinued with one request, and kept the bill in SQLite', async () => {
    const document = await call('labels.load', SEED_BILL);
    expect(document).toMatchObject({ source: SEED_BILL, from: 'dealpos', discontinuedFrom: 'dealpos' });
    expect(document.lines).toEqual([
      { code: '1315L', name: 'Cardigan (L)', quantity: 10, price: 280_000, discontinued: false, symbology: 'code128', unencodable: null },
      { code: '200536', name: 'Boots (36)', quantity: 15, price: 540_000, discontinued: false, symbology: 'code128', unencodable: null },
      { code: '1315XL', name: 'Cardigan (XL)', quantity: 20, price: 280_000, discontinued: false, symbology: 'code128', unencodable: null },
    ]);
    expect(sim.state.countRequests('Barcode/ByBillNumber')).toBe(1);
    expect(sim.state.countRequests('Variant/GetIDByListCodeDiscontinued')).toBe(1);
    expect(await call('labels.cached', {})).toEqual([{ source: SEED_BILL, lines: 3, units: 45, loadedAt: document.loadedAt }]);
  });

  it('prints one scannable label per unit on the 50 × 30 mm roll: 10 + 15 + 20, one per page', async () => {
    const document = await call('labels.load', SEED_BILL);
    const sheet = await call('labels.sheet', { source: SEED_BILL, size: 'roll50x30', lines: oneLabelPerUnit(document) });
    expect(sheet).toMatchObject({ labels: 45, pages: 45, fileName: 'labels-bill-Pluit-2023.09.00001-roll50x30.pdf' });
    const decoded = await decodeLabelSheet(pdfOf(sheet));
    expect(countByText(decoded)).toEqual({ '1315L': 10, '200536': 15, '1315XL': 20 });
    expect(decoded.map((d) => d.page)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(new Set(decoded.map((d) => d.format))).toEqual(new Set(['Code128']));
  });

  it('prints the same labels on A4 sheets of 21, with counts changed per line', async () => {
    await call('labels.load', SEED_BILL);
    const lines = [
      { code: '1315L', labels: 10 },
      { code: '200536', labels: 15 },
      { code: '1315XL', labels: 20 },
    ];
    const sheet = await call('labels.sheet', { source: SEED_BILL, size: 'a4', lines });
    expect(sheet).toMatchObject({ labels: 45, pages: 3 });
    const decoded = await decodeLabelSheet(pdfOf(sheet));
    expect(countByText(decoded)).toEqual({ '1315L': 10, '200536': 15, '1315XL': 20 });
    expect([1, 2, 3].map((page) => decoded.filter((d) => d.page === page).length)).toEqual([21, 21, 3]);

    const fewer = await call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: 2 }, { code: '200536', labels: 0 }, { code: '1315XL', labels: 1 }] });
    expect(countByText(await decodeLabelSheet(pdfOf(fewer)))).toEqual({ '1315L': 2, '1315XL': 1 });
  });
});

describe('barcodes and discontinued variants', () => {
  it('puts EAN-13 on valid GTINs and Code 128 on other codes, and flags discontinued variants from one request', async () => {
    const document = await call('labels.load', LABEL_BILL);
    const { indomie, discontinued, discontinuedDoc, bakery } = DEMO_FIXTURES.variants;
    expect(document.lines.map((l) => [l.code, l.symbology, l.discontinued])).toEqual([
      [indomie.code, 'ean13', false],
      [discontinued.code, 'ean13', true],
      [discontinuedDoc.code, 'code128', true],
      [bakery.code, 'code128', false],
    ]);
    expect(sim.state.countRequests('Variant/GetIDByListCodeDiscontinued')).toBe(1);
    const sheet = await call('labels.sheet', { source: LABEL_BILL, size: 'a4', lines: oneLabelPerUnit(document) });
    const decoded = await decodeLabelSheet(pdfOf(sheet));
    expect(countByText(decoded)).toEqual({ [indomie.code]: 12, [discontinued.code]: 6, [discontinuedDoc.code]: 4, [bakery.code]: 3 });
    expect(decoded.filter((d) => d.text === indomie.code).every((d) => d.format === 'EAN13')).toBe(true);
  });

  it('takes the discontinued flags from the catalog when the check cannot reach DealPOS', async () => {
    sim.faults.failNext(1, { status: 503, path: 'Variant/GetIDByListCodeDiscontinued' });
    const document = await call('labels.load', LABEL_BILL);
    expect(document.discontinuedFrom).toBe('catalog');
    // No catalog sync ran in this test, so nothing is known: unknown, not "not discontinued".
    expect(document.lines.map((l) => l.discontinued)).toEqual([null, null, null, null]);
  });
});

describe('offline', () => {
  it('labels a bill loaded before from the copy in SQLite, after a restart, and says when a bill needs a connection', async () => {
    const online = await call('labels.load', SEED_BILL);
    await services?.close();
    await start();
    sim.faults.offline = true;

    const offline = await call('labels.load', SEED_BILL);
    expect(offline).toMatchObject({ from: 'cache', loadedAt: online.loadedAt, discontinuedFrom: 'catalog' });
    expect(offline.lines.map((l) => [l.code, l.quantity, l.price])).toEqual(online.lines.map((l) => [l.code, l.quantity, l.price]));
    const sheet = await call('labels.sheet', { source: SEED_BILL, size: 'roll50x30', lines: oneLabelPerUnit(offline) });
    expect(countByText(await decodeLabelSheet(pdfOf(sheet)))).toEqual({ '1315L': 10, '200536': 15, '1315XL': 20 });

    const never = await refusal(call('labels.load', { kind: 'delivery', outlet: 'Pluit', number: '2023.09.00001' }));
    expect(never).toMatchObject({ code: 'offline', details: { reason: 'needs_connection', number: '2023.09.00001' } });
  });

  it('a failing DealPOS is not called a lost connection: the server error stands when nothing was kept', async () => {
    sim.faults.failNext(1, { status: 503, path: 'Barcode/ByOutletDeliveryNumber' });
    const refused = await refusal(call('labels.load', { kind: 'delivery', outlet: 'Pluit', number: '2023.09.00001' }));
    expect(refused.code).toBe('server_error');
  });
});

describe('bad input: a specific refusal and nothing half-done', () => {
  it('an unknown bill or delivery number', async () => {
    const bill = await refusal(call('labels.load', { kind: 'bill', outlet: 'Pluit', number: '2099.01.00001' }));
    expect(bill).toMatchObject({ code: 'not_found', details: { reason: 'unknown_document', kind: 'bill', outlet: 'Pluit', number: '2099.01.00001' } });
    const delivery = await refusal(call('labels.load', { kind: 'delivery', outlet: 'Pluit', number: '2099.01.00001' }));
    expect(delivery.details).toMatchObject({ reason: 'unknown_document', kind: 'delivery' });
    expect(await call('labels.cached', {})).toEqual([]);
  });

  it('an outlet the DealPOS user cannot access is refused before DealPOS is asked', async () => {
    for (const outlet of ['Bandung', DEMO_FIXTURES.outlets.suspended]) {
      const refused = await refusal(call('labels.load', { kind: 'bill', outlet, number: '2023.09.00001' }));
      expect(refused).toMatchObject({ code: 'forbidden', details: { reason: 'outlet_not_accessible', outlet } });
    }
    expect(sim.state.countRequests('Barcode/ByBillNumber')).toBe(0);
    // The outlet as DealPOS spells it is used, however it was typed.
    expect((await call('labels.load', { ...SEED_BILL, outlet: 'pluit' })).source.outlet).toBe('Pluit');
  });

  it('an outlet added in DealPOS after the list was kept is looked up again, not refused', async () => {
    await call('labels.load', SEED_BILL);
    sim.state.outlets.push({ ID: 'a1f0c3d2-0009-4e5f-8a9b-000000000009', Name: 'Bekasi', Code: 'BKS', Suspended: false });
    const refused = await refusal(call('labels.load', { kind: 'bill', outlet: 'Bekasi', number: '2023.09.00001' }));
    expect(refused).toMatchObject({ code: 'not_found', details: { reason: 'unknown_document', outlet: 'Bekasi' } });
  });

  it('a DealPOS user without the role gets the role named', async () => {
    sim.faults.forbidRole('Products VIEW');
    const refused = await refusal(call('labels.load', SEED_BILL));
    expect(refused).toMatchObject({ code: 'forbidden', details: { role: 'Products VIEW' } });
  });

  it('0 labels and 100,000 labels are refused with their own reasons', async () => {
    await call('labels.load', SEED_BILL);
    const none = await refusal(call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: 0 }, { code: '200536', labels: 0 }] }));
    expect(none).toMatchObject({ code: 'validation', details: { reason: 'no_labels' } });
    const many = await refusal(call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: 100_000 }] }));
    expect(many).toMatchObject({ code: 'validation', details: { reason: 'too_many_labels', requested: 100_000, max: MAX_LABELS_PER_SHEET } });
    const negative = await refusal(call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: -1 }] }));
    expect(negative.code).toBe('validation');
    expect(negative.issues[0]?.path).toBe('lines.0.labels');
  });

  it('a line that is not on the bill, or a bill never loaded, is refused', async () => {
    const notLoaded = await refusal(call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: 1 }] }));
    expect(notLoaded).toMatchObject({ code: 'not_found', details: { reason: 'not_loaded' } });
    await call('labels.load', SEED_BILL);
    const stranger = await refusal(call('labels.sheet', { source: SEED_BILL, size: 'a4', lines: [{ code: '1315L', labels: 1 }, { code: 'XYZ', labels: 1 }] }));
    expect(stranger).toMatchObject({ code: 'validation', details: { reason: 'unknown_line', code: 'XYZ' } });
    expect(stranger.issues).toEqual([{ path: 'lines.1.code', message: 'XYZ is not on purchase bill 2023.09.00001' }]);
  });

  it('is a PosError for every refusal (the renderer words them by details.reason)', async () => {
    expect(await refusal(call('labels.load', { kind: 'bill', outlet: 'Pluit', number: 'nope' }))).toBeInstanceOf(PosError);
  });
});
