import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { thermalReceipt } from '../../../../main/printing/thermalReceipt';
import { moneyFormatter } from '../../../../renderer/components/checkout/moneyFormat';
import { ReceiptView } from '../../../../renderer/components/checkout/ReceiptView';
import { translate, type MessageKey, type MessageParams } from '../../../../renderer/i18n/t';
import { RECEIPT_LABELS } from '../../../../shared/receipt/receiptLabels';
import { decodeEscPos } from '../../../support/escposDecoder';
import { fullReceipt } from '../../printing/receiptFixture';

afterEach(cleanup);

const t = (key: MessageKey, params?: MessageParams): string => translate('en', key, params);
/** Figures as both outputs print them, without the currency's spacing (the screen uses a no-break space). */
const figures = (text: string): string[] => (text.match(/-?Rp\s?[\d.]+/g) ?? []).map((f) => f.replace(/\s/g, '').replace('−', '-'));

describe('ReceiptView and the thermal receipt lay out the same model', () => {
  it('shows every figure the printer prints (and no other)', () => {
    const receipt = fullReceipt();
    render(<ReceiptView receipt={receipt} format={moneyFormatter(0)} formatDate={(iso) => iso} t={t} testId="receipt" />);
    const view = screen.getByTestId('receipt');
    const screenText = (view.textContent ?? '').replace(/−/g, '-');
    const printed = decodeEscPos(thermalReceipt(receipt, { paperWidth: 80, labels: RECEIPT_LABELS.en, drawer: null }))
      .lines.map((l) => l.text)
      .join('\n');
    // Within a line the two put the net and the discount in a different order, so compare as sets of figures.
    expect(figures(screenText).sort()).toEqual(figures(printed).sort());
    expect(figures(printed)).toHaveLength(16);
    expect(within(view).getByTestId('receipt-number').textContent).toBe('POS-R7K2M-261122-0007');
    expect(within(view).getByTestId('receipt-outlet').textContent).toBe('Main Store');
    expect(within(view).getByTestId('receipt-register').textContent).toBe('Kasir 1');
    expect(within(view).getAllByTestId('receipt-payment').map((p) => p.firstChild?.textContent)).toEqual(['Debit Card', 'Cash']);
    expect(within(view).getByTestId('receipt-approval').textContent).toBe('Indomie Goreng Rendang 5 x 85g: 10% off, approved by Bu Sari');
  });
});
