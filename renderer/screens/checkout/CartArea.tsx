import { useCallback } from 'react';
import { CartTable } from '../../components/checkout/CartTable';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { Kbd } from '../../components/shell/Kbd';
import type { Translate } from '../../i18n/t';
import { saleSelectors } from '../../state/saleSlice';
import { useStore } from '../../state/store';
import { CHECKOUT_KEYS } from './checkoutKeys';
import { changeSelectedQuantity, removeLine, removeSelectedLine } from './saleActions';

const store = useStore.getState;

function increase(index: number): void {
  store().selectLine(index);
  void changeSelectedQuantity(1);
}

function decrease(index: number): void {
  store().selectLine(index);
  void changeSelectedQuantity(-1);
}

export interface CartAreaProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly focusScan: () => void;
  readonly onQuantity: () => void;
  readonly onLineDiscount: () => void;
  readonly onPrice: () => void;
  readonly onSaleDiscount: () => void;
  readonly onVoid: () => void;
}

/** The cart and the buttons for the selected line; the only part that re-renders on every scan. */
export function CartArea({ t, format, focusScan, onQuantity, onLineDiscount, onPrice, onSaleDiscount, onVoid }: CartAreaProps): React.JSX.Element {
  const lines = useStore(saleSelectors.lines);
  const selectedIndex = useStore(saleSelectors.selectedIndex);
  const lineTotals = useStore((s) => saleSelectors.totals(s).lines);
  const selected = lines[selectedIndex] !== undefined;
  // Stable handlers, so the memoised rows a scan did not touch skip their re-render.
  const onSelect = useCallback(
    (index: number) => {
      store().selectLine(index);
      focusScan();
    },
    [focusScan],
  );
  const onRemove = useCallback(
    (index: number) => {
      const line = saleSelectors.lines(store())[index];
      if (line) void removeLine(line.lineId);
      focusScan();
    },
    [focusScan],
  );
  return (
    <>
      {/* The list scrolls on its own in a long basket; focusable so it can be scrolled from the keyboard too. */}
      <div className="cart-scroll" role="region" aria-label={t('checkout.cart.title')} tabIndex={0} data-testid="cart-scroll">
        <CartTable
          lines={lines}
          lineTotals={lineTotals}
          selectedIndex={selectedIndex}
          format={format}
          t={t}
          onSelect={onSelect}
          onIncrease={increase}
          onDecrease={decrease}
          onRemove={onRemove}
        />
      </div>
      <div className="line-actions button-row">
        <button type="button" className="button" data-testid="line-quantity" disabled={!selected} onClick={onQuantity}>
          {t('checkout.qty.label')} <Kbd keys={CHECKOUT_KEYS.quantity} />
        </button>
        <button type="button" className="button" data-testid="line-discount" disabled={!selected} onClick={onLineDiscount}>
          {t('checkout.cart.discount')} <Kbd keys={CHECKOUT_KEYS.lineDiscount} />
        </button>
        <button type="button" className="button" data-testid="line-price" disabled={!selected} onClick={onPrice}>
          {t('checkout.cart.changePrice')} <Kbd keys={CHECKOUT_KEYS.price} />
        </button>
        <button type="button" className="button" data-testid="line-remove" disabled={!selected} onClick={() => void removeSelectedLine()}>
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
