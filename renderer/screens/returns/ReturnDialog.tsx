/**
 * Taking a return at the checkout (issue 16): scan the receipt's barcode (or type its number), choose
 * lines and quantities, pick the refund method, confirm. Main looks the sale up, refuses more than
 * can come back, values it and records it; a typed number (no receipt) needs a manager's PIN first.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReturnableSale } from '../../../shared/contract/returns';
import type { ReceiptedSale, SaleView } from '../../../shared/contract/sale';
import type { PaymentMethodRule } from '../../../shared/sale/saleRules';
import { pos } from '../../api/pos';
import { ManagerApproval } from '../../components/approval/ManagerApproval';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';

export interface ReturnDialogContentProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly methods: readonly PaymentMethodRule[];
  /** A scan made while this dialog is open: the receipt's barcode. */
  readonly scanned: { readonly code: string; readonly sequence: number } | null;
  readonly onRecorded: (recorded: ReceiptedSale) => void;
  /** The open sale, when it has items: the return may be credited to it (an exchange). */
  readonly exchangeDraftId: string | null;
  readonly onExchanged: (recorded: ReceiptedSale, sale: SaleView) => void;
}

type Found = { readonly sale: ReturnableSale; readonly how: 'scanned' | 'typed' };

export function ReturnDialogContent({ t, format, methods, scanned, onRecorded, exchangeDraftId, onExchanged }: ReturnDialogContentProps): React.JSX.Element {
  // Made once per return: main answers a retry with the same id with the same return, never a second one.
  const returnId = useMemo(() => crypto.randomUUID(), []);
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [quantities, setQuantities] = useState<Readonly<Record<number, string>>>({});
  const [refundMethod, setRefundMethod] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [approving, setApproving] = useState(false);
  const [exchanging, setExchanging] = useState(false);

  const find = async (value: string, how: 'scanned' | 'typed'): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      const sale = await pos.returns.find({ number: value });
      setFound({ sale, how });
      setQuantities({});
      setRefundMethod(sale.refundMethod);
    } catch (failure) {
      setError(t('returns.find.failed', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (scanned) void find(scanned.code, 'scanned');
    // Only a new scan looks up again.
  }, [scanned]);

  const chosen = found
    ? found.sale.lines.flatMap((line) => {
        const quantity = Number(quantities[line.line] ?? '0');
        return Number.isInteger(quantity) && quantity > 0 ? [{ line: line.line, quantity }] : [];
      })
    : [];

  const complete = async (approvalId?: string): Promise<void> => {
    if (!found) return;
    setError(null);
    setBusy(true);
    try {
      const { recorded, exchange } = await pos.returns.complete({
        returnId,
        number: found.sale.invoiceNumber,
        lines: chosen,
        refundMethod,
        found: found.how,
        ...(approvalId ? { approvalId } : {}),
        ...(exchanging && exchangeDraftId !== null ? { exchangeDraftId } : {}),
      });
      if (exchange) onExchanged(recorded, exchange);
      else onRecorded(recorded);
    } catch (failure) {
      setError(t('returns.complete.failed', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  if (found && approving) {
    return (
      <ManagerApproval
        t={t}
        request={{ action: 'return_without_receipt', returnId, invoiceNumber: found.sale.invoiceNumber }}
        description={t('returns.approval', { number: found.sale.invoiceNumber })}
        onApproved={(approval) => {
          setApproving(false);
          void complete(approval.approvalId);
        }}
        onCancel={() => setApproving(false)}
      />
    );
  }

  return (
    <div className="return-dialog">
      <form
        className="return-find"
        onSubmit={(event) => {
          event.preventDefault();
          if (number.trim() !== '') void find(number.trim(), 'typed');
        }}
      >
        <label className="field">
          <span>{t('returns.find.label')}</span>
          <input data-autofocus data-testid="return-number" value={number} placeholder={t('returns.find.placeholder')} onChange={(event) => setNumber(event.target.value)} />
        </label>
        <button type="submit" className="button" data-testid="return-find" disabled={busy}>
          {t('returns.find.button')}
        </button>
      </form>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="return-error">
          {error}
        </p>
      ) : null}
      {found ? (
        <>
          <p data-testid="return-original">
            {t('returns.original', { number: found.sale.invoiceNumber, source: t(found.sale.source === 'local' ? 'returns.source.local' : 'returns.source.dealpos') })}
            {found.sale.originalQueued ? ` ${t('returns.originalQueued')}` : ''}
            {found.how === 'typed' ? ` ${t('returns.noReceipt')}` : ''}
          </p>
          <table className="held-list" data-testid="return-lines">
            <thead>
              <tr>
                <th>{t('returns.line.item')}</th>
                <th className="numeric">{t('returns.line.sold')}</th>
                <th className="numeric">{t('returns.line.returned')}</th>
                <th className="numeric">{t('returns.line.worth')}</th>
                <th>{t('returns.line.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {found.sale.lines.map((line) => (
                <tr key={line.line} data-testid="return-line" data-code={line.variantCode}>
                  <td>{line.name}</td>
                  <td className="numeric">{line.sold}</td>
                  <td className="numeric">{line.returnedBefore}</td>
                  <td className="numeric">{format(line.net)}</td>
                  <td>
                    <input
                      className="return-quantity"
                      data-testid="return-quantity"
                      inputMode="numeric"
                      aria-label={t('returns.line.quantityOf', { name: line.name })}
                      value={quantities[line.line] ?? ''}
                      placeholder="0"
                      onChange={(event) => setQuantities((q) => ({ ...q, [line.line]: event.target.value }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="field">
            <span>{t('returns.refundMethod')}</span>
            <select data-testid="return-refund-method" value={refundMethod} onChange={(event) => setRefundMethod(event.target.value)}>
              {methods.map((method) => (
                <option key={method.name} value={method.name}>
                  {method.name}
                </option>
              ))}
            </select>
          </label>
          {exchangeDraftId !== null ? (
            <label className="checkbox">
              <input type="checkbox" data-testid="return-exchange" checked={exchanging} onChange={(event) => setExchanging(event.target.checked)} />
              {t('returns.exchange')}
            </label>
          ) : null}
          <div className="button-row dialog-footer">
            <button
              type="button"
              className="button button-primary"
              data-testid="return-confirm"
              disabled={busy || chosen.length === 0}
              onClick={() => (found.how === 'typed' ? setApproving(true) : void complete())}
            >
              {t('returns.confirm')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
