import { CartTable } from '../../components/checkout/CartTable';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { Kbd } from '../../components/shell/Kbd';
import type { Translate } from '../../i18n/t';
import { selectTotals } from '../../state/saleSelectors';
import { useStore } from '../../state/store';
import { CHECKOUT_KEYS } from './checkoutKeys';

export interface CartAreaProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly focusScan: () => void;
  readonly onQuantity: () => void;
  readonly onLineDiscount: () => void;
  readonly onSaleDiscount: () => void;
  readonly onVoid: () => void;
}

/** The cart and the buttons for the selected line; the only part that re-renders on every scan. */
export function CartArea({ t, format, focusScan, onQuantity, onLineDiscount, onSaleDiscount, onVoid }: CartAreaProps): React.JSX.Element {
  const lines = useStore((s) => s.cart.lines);
  const selectedIndex = useStore((s) => s.cart.selectedIndex);
  const lineTotals = useStore((s) => selectTotals(s).lines);
  const store = useStore.getState;
  const selected = lines[selectedIndex] !== undefined;
  return (
    <>
      <div className="cart-scroll">
        <CartTable
          lines={lines}
          lineTotals={lineTotals}
          selectedIndex={selectedIndex}
          format={format}
          t={t}
          onSelect={(index) => {
            store().selectLine(index);
            focusScan();
          }}
          onIncrease={(index) => {
            store().selectLine(index);
            store().changeSelectedQuantity(1);
          }}
          onDecrease={(index) => {
            store().selectLine(index);
            store().changeSelectedQuantity(-1);
          }}
          onRemove={(index) => {
            store().removeLine(index);
            focusScan();
          }}
        />
      </div>
      <div className="line-actions button-row">
        <button type="button" className="button" data-testid="line-quantity" disabled={!selected} onClick={onQuantity}>
          {t('checkout.qty.label')} <Kbd keys={CHECKOUT_KEYS.quantity} />
        </button>
        <button type="button" className="button" data-testid="line-discount" disabled={!selected} onClick={onLineDiscount}>
          {t('checkout.cart.discount')} <Kbd keys={CHECKOUT_KEYS.lineDiscount} />
        </button>
        <button type="button" className="button" data-testid="line-remove" disabled={!selected} onClick={() => store().removeLine(store().cart.selectedIndex)}>
          {t('checkout.cart.removeLine')} <Kbd keys={CHECKOUT_KEYS.remove} />
        </button>
        <button type="button" className="button" data-testid="sale-discount" disabled={lines.length === 0} onClick={onSaleDiscount}>
          {t('checkout.totals.saleDiscount')} <Kbd keys={CHECKOUT_KEYS.saleDiscount} />
        </button>
        <button type="button" className="button button-quiet-danger" data-testid="void-sale" disabled={lines.length === 0} onClick={onVoid}>
          {t('checkout.void.open')} <Kbd keys={CHECKOUT_KEYS.voidSale} />
        </button>
      </div>
    </>
  );
}
