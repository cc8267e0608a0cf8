/**
 * Price- and weight-embedded scale labels through the real sale contract, against a live
 * simulator (HTTP, real SQLite, real keychain): the catalog match on the full code wins, the item
 * is found under its code without the prefix (and without leading zeros), each label is its own
 * line, and the synced invoice carries the weight as DealPOS is assumed to take it and comes to the
 * counter's total. (`bash scripts/withKeyring.sh npx vitest run test/integration/sale/scaleLabels.test.ts`)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/contract/sale';
import { ean13 } from '../../../main/simulator/ean13';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { refusal, type ContractCall } from '../../support/checkout';
import { connectedCounter, type ConnectedCounter } from '../../support/connectedCounter';
import { until } from '../store/harness';

const { beefPerKg, lapisLegit, eggsLookLikeLabel } = DEMO_FIXTURES.variants;
/** Default rules: 21 + 5-digit item + kg with 3 decimals; 20 + 4-digit item + whole rupiah. */
const beefLabel = (grams: number): string => ean13(`2100042${String(grams).padStart(5, '0')}`);
const lapisLabel = (rupiah: number): string => ean13(`200007${String(rupiah).padStart(6, '0')}`);

let counter: ConnectedCounter;
let sim: Simulator;
let call: ContractCall;

beforeAll(async () => {
  counter = await connectedCounter('scale-labels', { outlet: 'Outlet1', register: 'Counter 1', paymentMethods: ['Cash'], taxType: DEMO_FIXTURES.taxes.ppnExclusive }, [beefPerKg.code, lapisLegit.code, eggsLookLikeLabel.code]);
  ({ sim, call } = counter);
});
afterAll(() => counter.close());

async function scan(code: string): Promise<SaleView> {
  const { sale } = await call('sale.current', {});
  const outcome = await call('sale.scan', { draftId: sale.draftId, code });
  if (outcome.status !== 'added') throw new Error(`scanning ${code} answered ${outcome.status}`);
  return outcome.sale;
}

describe('scale labels at the counter', () => {
  it('prices weights exactly, reads printed prices, keeps packs apart and never hijacks a real product', async () => {
    let view = await scan(beefLabel(1235));
    view = await scan(beefLabel(1237));
    view = await scan(lapisLabel(12_500));
    view = await scan(eggsLookLikeLabel.code);
    expect(view.lines.map((l) => [l.name, l.quantity, l.weightGrams ?? null, l.unitPrice])).toEqual([
      [beefPerKg.name, 1, 1235, 149_900],
      [beefPerKg.name, 1, 1237, 149_900],
      [lapisLegit.name, 1, null, 12_500],
      [eggsLookLikeLabel.name, 1, null, 28_000],
    ]);
    // 149,900 × 1.235 = 185,126.5 → 185,127 (half up, once); × 1.237 = 185,426.3 → 185,426.
    expect(view.totals.lines.map((l) => l.gross)).toEqual([185_127, 185_426, 12_500, 28_000]);

    const weighed = view.lines[0];
    if (!weighed) throw new Error('no weighed line');
    const refused = await refusal(call('sale.setQuantity', { draftId: view.draftId, lineId: weighed.lineId, quantity: 2 }));
    expect(refused.code).toBe('validation');

    view = await call('sale.addPayment', { draftId: view.draftId, method: 'Cash', amount: view.totals.due });
    const { recorded } = await call('sale.complete', { draftId: view.draftId });
    await until(() => sim.state.findInvoice('Outlet1', recorded.invoiceNumber) !== null, 'the invoice to reach DealPOS');
    const invoice = sim.state.findInvoice('Outlet1', recorded.invoiceNumber);
    expect(invoice?.Variants?.map((v) => [v.Code, v.Quantity, v.Price])).toEqual([
      [beefPerKg.code, 1.235, 149_900],
      [beefPerKg.code, 1.237, 149_900],
      [lapisLegit.code, 1, 12_500],
      [eggsLookLikeLabel.code, 1, 28_000],
    ]);
    expect({ total: invoice?.SalesNTax, tax: invoice?.Tax }).toEqual({ total: recorded.totals.total, tax: recorded.totals.tax });
  });

  it('says what is wrong with a label it cannot sell, and adds nothing', async () => {
    const { sale } = await call('sale.current', {});
    const zero = await call('sale.scan', { draftId: sale.draftId, code: beefLabel(0) });
    expect(zero).toMatchObject({ status: 'invalid_code', reason: 'scale_label' });
    const unknownItem = await call('sale.scan', { draftId: sale.draftId, code: ean13('219999901234') });
    expect(unknownItem).toMatchObject({ status: 'unknown_code', code: ean13('219999901234') });
    expect((await call('sale.current', {})).sale.lines).toEqual([]);
  });

  it('reads labels by the rules saved in Settings', async () => {
    // A shop whose scale prints a 3-digit prefix and the weight in 10 g steps.
    await call('settings.update', { scaleBarcodeRules: [{ prefix: '250', itemDigits: 5, valueDigits: 4, value: 'weight', decimals: 2 }] });
    const view = await scan(ean13('250000420150'));
    expect(view.lines.map((l) => [l.variantCode, l.weightGrams])).toEqual([[beefPerKg.code, 1500]]);
    // With the defaults gone, a 21… label is an ordinary (unknown) EAN-13 again.
    const outcome = await call('sale.scan', { draftId: view.draftId, code: beefLabel(1235) });
    expect(outcome.status).toBe('unknown_code');
    await call('sale.void', { draftId: view.draftId });
  });
});
