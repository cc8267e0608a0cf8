import { memo, useEffect, useRef } from 'react';
import type { SaleLine } from '../../../shared/sale/sale';
import type { LineTotals } from '../../../shared/sale/totals';
import type { Translate } from '../../i18n/t';
import { formatPercent, type FormatMoney } from './moneyFormat';
import { formatKilograms } from './weightFormat';

/** A cart line; main's lines carry a `lineId`, which keeps rows apart when one item is on two lines (two weighed packs). */
export type CartLine = SaleLine & { readonly lineId?: string };

export interface CartTableProps {
  readonly lines: readonly CartLine[];
  readonly lineTotals: readonly LineTotals[];
  readonly selectedIndex: number;
  readonly format: FormatMoney;
  readonly t: Translate;
  readonly onSelect: (index: number) => void;
  readonly onIncrease: (index: number) => void;
  readonly onDecrease: (index: number) => void;
  readonly onRemove: (index: number) => void;
}

interface RowProps {
  readonly line: SaleLine;
  readonly totals: LineTotals;
  readonly index: number;
  readonly selected: boolean;
  readonly format: FormatMoney;
  readonly t: Translate;
  readonly onSelect: (index: number) => void;
  readonly onIncrease: (index: number) => void;
  readonly onDecrease: (index: number) => void;
  readonly onRemove: (index: number) => void;
}

/**
 * Totals are recomputed as new objects on every change; equal amounts mean the row has nothing new
 * to show, so compare them by value (everything else by reference, as memo does).
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.line === b.line &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.format === b.format &&
    a.t === b.t &&
    a.onSelect === b.onSelect &&
    a.onIncrease === b.onIncrease &&
    a.onDecrease === b.onDecrease &&
    a.onRemove === b.onRemove &&
    a.totals.gross === b.totals.gross &&
    a.totals.discount === b.totals.discount &&
    a.totals.net === b.totals.net
  );
}

interface RowButtonProps {
  readonly className: string;
  readonly label: string;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly onPress: () => void;
  readonly children: React.ReactNode;
}

/**
 * A button inside a cart row: out of the Tab order (the keyboard works from the scan field) and
 * its click stops at the button, so pressing it does not also select the row.
 */
function RowButton({ className, label, testId, disabled, onPress, children }: RowButtonProps): React.JSX.Element {
  return (
    <button
      type="button"
      className={className}
      tabIndex={-1}
      aria-label={label}
      disabled={disabled}
      data-testid={testId}
      onClick={(event) => {
        event.stopPropagation();
        onPress();
      }}
    >
      {children}
    </button>
  );
}

/** One line; memoised so a scan re-renders only the row it touched, even in a long cart. */
const CartRow = memo(function CartRow({ line, totals, index, selected, format, t, onSelect, onIncrease, onDecrease, onRemove }: RowProps) {
  const discount =
    line.discount === null ? '' : line.discount.kind === 'percent' ? `−${formatPercent(line.discount.basisPoints)}` : `−${format(totals.discount)}`;
  return (
    <tr
      className={selected ? 'cart-row cart-row-selected' : 'cart-row'}
      aria-selected={selected}
      data-testid="cart-row"
      data-code={line.variantCode}
      onClick={() => onSelect(index)}
    >
      <td className="cart-cell-item">
        <span className="cart-item-name" data-testid="cart-row-name">
          {line.name}
        </span>
        <span className="cart-item-code">{line.variantCode}</span>
      </td>
      <td className="cart-cell-qty">
        {line.weightGrams !== undefined ? (
          // A weighed pack: its quantity is the weight on its label, which + and − cannot change.
          <span className="qty-value" data-testid="cart-row-qty">
            {formatKilograms(line.weightGrams, t)}
          </span>
        ) : (
          <div className="qty-control">
            <RowButton
              className="button qty-button"
              label={t('checkout.cart.decrease', { name: line.name })}
              disabled={line.quantity <= 1}
              testId="cart-row-decrease"
              onPress={() => onDecrease(index)}
            >
              −
            </RowButton>
            <span className="qty-value" data-testid="cart-row-qty">
              {line.quantity}
            </span>
            <RowButton
              className="button qty-button"
              label={t('checkout.cart.increase', { name: line.name })}
              testId="cart-row-increase"
              onPress={() => onIncrease(index)}
            >
              +
            </RowButton>
          </div>
        )}
      </td>
      <td className="num" data-testid="cart-row-price">
        {line.weightGrams !== undefined ? t('checkout.cart.perKg', { price: format(line.unitPrice) }) : format(line.unitPrice)}
      </td>
      <td className="num cart-cell-discount" data-testid="cart-row-discount">
        {discount}
      </td>
      <td className="num cart-cell-total" data-testid="cart-row-total">
        {format(totals.net)}
      </td>
      <td className="cart-cell-actions">
        <RowButton
          className="button button-quiet"
          label={t('checkout.cart.remove', { name: line.name })}
          testId="cart-row-remove"
          onPress={() => onRemove(index)}
        >
          ✕
        </RowButton>
      </td>
    </tr>
  );
}, sameRow);

/**
 * The cart. Rows are clickable for touch; the keyboard works on the selected row from the scan
 * field (↑ ↓ + − Delete), so the row buttons stay out of the Tab order.
 */
export function CartTable({ lines, lineTotals, selectedIndex, format, t, onSelect, onIncrease, onDecrease, onRemove }: CartTableProps): React.JSX.Element {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    // In the next frame, with that frame's own layout, rather than forcing one right after the scan's render.
    const frame = requestAnimationFrame(() => {
      const row = bodyRef.current?.children[selectedIndex];
      if (row instanceof HTMLElement) row.scrollIntoView({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, lines.length]);
  const selectedRef = useRef(selectedIndex);
  selectedRef.current = selectedIndex;
  useEffect(() => {
    // When the list's box changes size (window resized, a notice above it came or went), the selected
    // line may have slid out of view: bring it back. jsdom has no ResizeObserver.
    const box = bodyRef.current?.closest('table')?.parentElement;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const row = bodyRef.current?.children[selectedRef.current];
      if (row instanceof HTMLElement) row.scrollIntoView({ block: 'nearest' });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [lines.length === 0]);

  if (lines.length === 0) {
    return (
      <p className="cart-empty" data-testid="cart-empty">
        {t('checkout.cart.empty')}
      </p>
    );
  }
  return (
    <table className="cart-table" data-testid="cart-table" aria-label={t('checkout.cart.title')}>
      <thead>
        <tr>
          <th scope="col">{t('checkout.cart.item')}</th>
          <th scope="col" className="cart-cell-qty">
            {t('checkout.cart.qty')}
          </th>
          <th scope="col" className="num">
            {t('checkout.cart.price')}
          </th>
          <th scope="col" className="num">
            {t('checkout.cart.discount')}
          </th>
          <th scope="col" className="num">
            {t('checkout.cart.total')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('checkout.cart.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {lines.map((line, index) => {
          const totals = lineTotals[index];
          if (!totals) return null;
          return (
            <CartRow
              key={line.lineId ?? line.variantCode}
              line={line}
              totals={totals}
              index={index}
              selected={index === selectedIndex}
              format={format}
              t={t}
              onSelect={onSelect}
              onIncrease={onIncrease}
              onDecrease={onDecrease}
              onRemove={onRemove}
            />
          );
        })}
      </tbody>
    </table>
  );
}
