import { useShortcut } from '../../shortcuts/useShortcut';
import { saleSelectors } from '../../state/saleSlice';
import { useStore } from '../../state/store';
import { CHECKOUT_GROUP as GROUP, CHECKOUT_KEYS } from './checkoutKeys';

export interface SaleShortcutsProps {
  /** No dialog is open. */
  readonly idle: boolean;
  /** The void confirmation is open, so the void key confirms it. */
  readonly confirmingVoid: boolean;
  readonly onLineDialog: (kind: 'lineDiscount' | 'quantity' | 'price') => void;
  readonly onSaleDiscount: () => void;
  readonly onVoid: () => void;
  readonly onConfirmVoid: () => void;
}

/**
 * The keys that need a line or a selected line. They subscribe to those two facts here, so the
 * first scan of a sale (and completing one) re-renders this, not the whole checkout screen.
 */
export function SaleShortcuts({ idle, confirmingVoid, onLineDialog, onSaleDiscount, onVoid, onConfirmVoid }: SaleShortcutsProps): null {
  const hasLines = useStore((s) => !saleSelectors.isEmpty(s));
  const hasSelection = useStore((s) => saleSelectors.selectedLine(s) !== null);
  useShortcut(
    { id: 'checkout.lineDiscount', keys: CHECKOUT_KEYS.lineDiscount, label: 'checkout.shortcut.lineDiscount', group: GROUP, enabled: idle && hasSelection },
    () => onLineDialog('lineDiscount'),
  );
  useShortcut(
    { id: 'checkout.price', keys: CHECKOUT_KEYS.price, label: 'checkout.shortcut.price', group: GROUP, enabled: idle && hasSelection },
    () => onLineDialog('price'),
  );
  useShortcut(
    { id: 'checkout.saleDiscount', keys: CHECKOUT_KEYS.saleDiscount, label: 'checkout.shortcut.saleDiscount', group: GROUP, enabled: idle && hasLines },
    onSaleDiscount,
  );
  useShortcut(
    { id: 'checkout.quantity', keys: CHECKOUT_KEYS.quantity, label: 'checkout.shortcut.quantity', group: GROUP, enabled: idle && hasSelection },
    () => onLineDialog('quantity'),
  );
  useShortcut(
    { id: 'checkout.void', keys: CHECKOUT_KEYS.voidSale, label: 'checkout.shortcut.void', group: GROUP, enabled: hasLines && (idle || confirmingVoid) },
    () => (confirmingVoid ? onConfirmVoid() : onVoid()),
  );
  return null;
}
