/**
 * A return at the counter (issue 16), in the real renderer on real services and the simulator: the
 * receipt's barcode, as drawn on the page, is decoded (ZXing) and scanned like a USB scanner types
 * it; the cashier returns part of the sale, gets a return receipt, and DealPOS receives one return
 * invoice referencing the original, valued as the counter refunded it.
 */
import { expect, test } from './bootstrap';
import { cartRow, expectSynced, ITEMS, openStore, rp, scan } from './checkout/checkoutHarness';
import { decodeCode128 } from './helpers/decodeBarcode';
import { typeLikeScanner } from './helpers/typeLikeScanner';

test('a return found by scanning the barcode on the sale’s receipt', async ({ page, app }) => {
  await openStore(app, page);
  await scan(page, ITEMS.tehBotol.code);
  // Three Indomie on one line (the quantity set in main, as the quantity dialog does).
  const { sale } = await app.services.handlers['sale.current']({});
  await app.services.handlers['sale.addItem']({ draftId: sale.draftId, code: ITEMS.indomie.code, quantity: 3, allowDiscontinued: false });
  await page.reload();
  await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('3');
  await page.keyboard.press('F9');
  await page.getByTestId('pay-exact').click();
  await page.getByTestId('pay-complete').click();
  const receipt = page.getByTestId('receipt');
  const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
  expect(number).not.toBe('');

  // The barcode as the page draws it reads back as the invoice number.
  const png = await receipt.getByTestId('receipt-barcode').screenshot();
  expect(await decodeCode128(png)).toEqual([number]);
  await page.getByTestId('receipt-next').click();

  await page.getByTestId('open-return').click();
  await expect(page.getByTestId('return-dialog')).toBeVisible();
  await typeLikeScanner(page, number);
  await expect(page.getByTestId('return-original')).toContainText(number);
  const indomie = page.locator(`[data-testid="return-line"][data-code="${ITEMS.indomie.code}"]`);
  await indomie.getByTestId('return-quantity').fill('4');
  await page.getByTestId('return-confirm').click();
  // More than was sold: refused, naming the item, and nothing is recorded.
  await expect(page.getByTestId('return-error')).toContainText(`${ITEMS.indomie.name}: 4 cannot be returned; 3 were sold`);
  await indomie.getByTestId('return-quantity').fill('2');
  await page.getByTestId('return-confirm').click();

  const returned = page.getByTestId('receipt');
  await expect(returned.getByTestId('receipt-return-of')).toContainText(number);
  // Two Indomie at 3,500, plus 11 % tax added on top: 7,000 + 770.
  await expect(returned.getByTestId('receipt-total')).toHaveText(rp(7_770));
  const returnNumber = (await returned.getByTestId('receipt-number').textContent()) ?? '';
  expect(await decodeCode128(await returned.getByTestId('receipt-barcode').screenshot())).toEqual([returnNumber]);

  await expectSynced(app, number);
  await expectSynced(app, returnNumber);
  const { outlet } = await app.services.handlers['settings.get']({});
  const invoice = app.simulator.state.findInvoice(outlet ?? '', returnNumber);
  expect(invoice).toMatchObject({ ReferenceInvoiceNumber: number, SalesNTax: -7_770, Variants: [{ Code: ITEMS.indomie.code, Quantity: -2 }] });
});

test('an exchange: the returned item pays for the new one, and only the difference is taken', async ({ page, app }) => {
  await openStore(app, page);
  const { handlers } = app.services;
  const { sale } = await handlers['sale.current']({});
  const added = await handlers['sale.addItem']({ draftId: sale.draftId, code: ITEMS.indomie.code, quantity: 2, allowDiscontinued: false });
  const paid = await handlers['sale.addPayment']({ draftId: sale.draftId, method: 'Cash', amount: added.sale.totals.due });
  const { recorded: original } = await handlers['sale.complete']({ draftId: paid.draftId });

  // The customer brings one Indomie back and takes a Teh Botol instead.
  await page.reload();
  await scan(page, ITEMS.tehBotol.code);
  await page.getByTestId('open-return').click();
  await typeLikeScanner(page, original.invoiceNumber);
  await expect(page.getByTestId('return-original')).toContainText(original.invoiceNumber);
  await page.locator(`[data-testid="return-line"][data-code="${ITEMS.indomie.code}"]`).getByTestId('return-quantity').fill('1');
  await page.getByTestId('return-exchange').check();
  await page.getByTestId('return-confirm').click();
  await expect(page.getByTestId('return-dialog')).toHaveCount(0);

  // Teh Botol 5,000 + 11 % = 5,550; one Indomie back is 3,500 + 11 % = 3,885: 1,665 is left to pay.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-due')).toHaveText(rp(1_665));
  await page.getByTestId('pay-exact').click();
  await page.getByTestId('pay-complete').click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(rp(5_550));
  const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';

  await expectSynced(app, number);
  const entries = await handlers['queue.list']({ limit: 10 });
  const returned = entries.find((e) => e.invoiceNumber !== number && e.invoiceNumber !== original.invoiceNumber);
  if (!returned) throw new Error('the exchange’s return is not in the queue');
  await expectSynced(app, returned.invoiceNumber);
  const { outlet } = await handlers['settings.get']({});
  const booked = [number, returned.invoiceNumber].map((n) => app.simulator.state.findInvoice(outlet ?? '', n)?.SalesNTax ?? 0);
  expect(booked).toEqual([5_550, -3_885]);
});
