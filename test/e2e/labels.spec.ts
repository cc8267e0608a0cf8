/**
 * Receiving labels through the browser host with the simulator: reached from the header, the seed's
 * purchase bill printed one label per unit and every label read back from the saved PDF
 * (pdftoppm + zxing-wasm), each bad input with its own message, and offline from the kept copy.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_FIXTURES } from '../../main/simulator/demoData';
import { countByText, decodeLabelSheet } from '../support/labelSheetDecoder';
import { expect, test } from './bootstrap';
import { checkScreen } from './shell/screenCheck';
import { connectLive } from './shell/flows';

async function loadDocument(page: Page, kind: 'bill' | 'delivery', outlet: string, number: string): Promise<void> {
  await page.getByTestId('labels-kind').selectOption(kind);
  await page.getByTestId('labels-outlet').fill(outlet);
  await page.getByTestId('labels-number').fill(number);
  await page.getByTestId('labels-load').click();
}

test.describe('receiving labels', () => {
  test("the seed's bill (Pluit, 2023.09.00001) prints one scannable label per unit: 10 + 15 + 20", async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await page.getByTestId('nav-labels').click();
    await expect(page.getByRole('heading', { name: 'Receiving labels' })).toBeVisible();
    await loadDocument(page, 'bill', 'Pluit', '2023.09.00001');

    const rows = page.getByTestId('label-line');
    await expect(rows).toHaveCount(3);
    const counts = page.getByTestId('label-count');
    for (const [index, units] of ['10', '15', '20'].entries()) await expect(counts.nth(index)).toHaveValue(units);
    await expect(rows.nth(0)).toContainText('Cardigan (L)');
    await expect(rows.nth(1)).toContainText('Rp 540.000');
    await expect(page.getByTestId('label-symbology').first()).toHaveText('Code 128');
    await expect(page.getByTestId('labels-total')).toContainText('45 labels');
    await expect(page.getByTestId('labels-doc-origin')).toContainText('Discontinued items checked with DealPOS');
    expect(app.simulator.state.countRequests('Variant/GetIDByListCodeDiscontinued')).toBe(1);

    await page.getByTestId('labels-size').selectOption('roll50x30');
    await page.getByTestId('labels-make').click();
    await expect(page.getByTestId('labels-ready')).toContainText('45 labels on 45 pages');
    await checkScreen(page, testInfo, 'labels-seed-bill');
    const download = page.waitForEvent('download');
    await page.getByTestId('labels-save').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('labels-bill-Pluit-2023.09.00001-roll50x30.pdf');
    const pdf = fs.readFileSync(await saved.path());
    const decoded = await decodeLabelSheet(pdf);
    expect(countByText(decoded)).toEqual({ '1315L': 10, '200536': 15, '1315XL': 20 });
    expect(decoded).toHaveLength(45);

    // The browser host cannot hand files to the OS (Electron opens them in the PDF viewer): it says to save instead.
    await page.getByTestId('labels-open').click();
    await expect(page.getByTestId('labels-open-result')).toHaveText('This window cannot open files. Save the PDF and open it from your downloads to print.');
  });

  test('discontinued items are flagged, and each bad input gets its own message, in English and Indonesian', async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await page.getByTestId('nav-labels').click();

    await loadDocument(page, 'bill', DEMO_FIXTURES.labelBill.outlet, DEMO_FIXTURES.labelBill.number);
    const flagged = page.getByTestId('label-line').filter({ has: page.getByTestId('label-discontinued') });
    await expect(flagged).toHaveCount(2);
    await expect(flagged.nth(0)).toHaveAttribute('data-code', DEMO_FIXTURES.variants.discontinued.code);
    await expect(page.getByTestId('label-symbology').first()).toHaveText('EAN-13');

    const counts = page.getByTestId('label-count');
    for (let i = 0; i < 4; i++) await counts.nth(i).fill('0');
    await page.getByTestId('labels-make').click();
    await expect(page.getByTestId('labels-sheet-error')).toHaveText('Every line is at 0 labels. Choose at least one label.');
    await counts.nth(0).fill('100000');
    await page.getByTestId('labels-make').click();
    await expect(page.getByTestId('labels-sheet-error')).toHaveText('100,000 labels is more than one sheet may hold (at most 2,000). Lower the counts or print in parts.');
    await counts.nth(0).fill('1.5');
    await page.getByTestId('labels-make').click();
    await expect(page.getByTestId('labels-sheet-error')).toContainText(`Labels for ${DEMO_FIXTURES.variants.indomie.code} must be a whole number`);
    await checkScreen(page, testInfo, 'labels-bad-count');

    await loadDocument(page, 'delivery', 'Pluit', '2099.01.00001');
    await expect(page.getByTestId('labels-load-error')).toHaveText('DealPOS has no outlet delivery 2099.01.00001 in outlet Pluit.');
    await loadDocument(page, 'bill', 'Bandung', '2023.09.00001');
    await expect(page.getByTestId('labels-load-error')).toHaveText('Your DealPOS user cannot access outlet "Bandung". Pick one of the outlets listed.');
    app.simulator.faults.forbidRole('Products VIEW');
    await loadDocument(page, 'bill', 'Pluit', '2023.09.00001');
    await expect(page.getByTestId('labels-load-error')).toHaveText('Your DealPOS user lacks the "Products VIEW" role needed for this.');

    await page.getByTestId('lang-id').click();
    await page.getByTestId('labels-load').click();
    await expect(page.getByTestId('labels-load-error')).toHaveText('Pengguna DealPOS Anda tidak punya peran "Products VIEW" yang diperlukan untuk ini.');
    app.simulator.faults.allowRole('Products VIEW');
    await loadDocument(page, 'bill', 'Pluit', '2099.01.00001');
    await expect(page.getByTestId('labels-load-error')).toHaveText('DealPOS tidak punya faktur pembelian 2099.01.00001 di outlet Pluit.');
    await checkScreen(page, testInfo, 'labels-errors-id');
  });

  test('offline, a bill loaded before is labelled from the kept copy; another says it needs a connection', async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await page.getByTestId('nav-labels').click();
    await loadDocument(page, 'bill', 'Pluit', '2023.09.00001');
    await expect(page.getByTestId('label-line')).toHaveCount(3);
    await expect(page.getByTestId('labels-cached')).toContainText('Purchase bill 2023.09.00001 · Pluit · 45 units');

    app.simulator.faults.offline = true;
    await loadDocument(page, 'delivery', 'Pluit', '2023.09.00001');
    await expect(page.getByTestId('labels-load-error')).toContainText('Loading 2023.09.00001 needs a connection to DealPOS');
    await expect(page.getByTestId('labels-offline')).toBeVisible();

    await page.getByTestId('labels-cached').getByRole('button', { name: /Purchase bill 2023\.09\.00001/ }).click();
    await expect(page.getByTestId('labels-document')).toHaveAttribute('data-from', 'cache');
    await expect(page.getByTestId('labels-doc-origin')).toContainText('DealPOS cannot be reached');
    await page.getByTestId('labels-make').click();
    await expect(page.getByTestId('labels-ready')).toContainText('45 labels on 3 pages');
    await checkScreen(page, testInfo, 'labels-offline');
    const download = page.waitForEvent('download');
    await page.getByTestId('labels-save').click();
    const decoded = await decodeLabelSheet(fs.readFileSync(await (await download).path()));
    expect(countByText(decoded)).toEqual({ '1315L': 10, '200536': 15, '1315XL': 20 });
  });
});
