import type { StateCreator } from 'zustand';
import { addItem, removeLine, setLineDiscount, setQuantity, type CartChange, type CartItem } from '../../shared/sale/cart';
import { discountProblem, NO_DISCOUNT_LIMIT, type DiscountProblem } from '../../shared/sale/discountLimits';
import { NO_TAX, type Discount, type SaleLine } from '../../shared/sale/sale';
import type { SaleRules } from '../../shared/sale/saleRules';
import { lineTotals } from '../../shared/sale/totals';
import { initialCustomerState } from './customerSlice';
import { initialPaymentState } from './paymentSlice';
import { selectTotals, type SaleParts } from './saleSelectors';
import type { StoreState } from './store';

export interface CartState {
  readonly lines: readonly SaleLine[];
  readonly saleDiscount: Discount | null;
  /** The line keyboard actions apply to; -1 when the cart is empty. */
  readonly selectedIndex: number;
  readonly rules: SaleRules;
}

export type DiscountResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: DiscountProblem | { readonly kind: 'no_such_line' } };

export interface CartSlice {
  readonly cart: CartState;
  configureSale(rules: SaleRules): void;
  addItem(item: CartItem, quantity?: number): CartChange;
  setQuantity(index: number, quantity: number): CartChange;
  /** +1 / −1 on the selected line; going below 1 is refused (removing is its own action). */
  changeSelectedQuantity(delta: number): CartChange;
  selectLine(index: number): void;
  moveSelection(delta: number): void;
  removeLine(index: number): CartChange;
  setLineDiscount(index: number, discount: Discount | null): DiscountResult;
  setSaleDiscount(discount: Discount | null): DiscountResult;
  /** Clears cart, customer and payments in one update (after completing, or when the cashier voids the sale). */
  startNewSale(): void;
}

export const DEFAULT_SALE_RULES: SaleRules = {
  tax: NO_TAX,
  taxFallback: null,
  pointValue: 0,
  lineDiscountLimit: NO_DISCOUNT_LIMIT,
  saleDiscountLimit: NO_DISCOUNT_LIMIT,
};

export const initialCartState: CartState = { lines: [], saleDiscount: null, selectedIndex: -1, rules: DEFAULT_SALE_RULES };

export const createCartSlice: StateCreator<StoreState, [], [], CartSlice> = (set, get) => {
  const patch = (change: Partial<CartState>): void => set((s) => ({ cart: { ...s.cart, ...change } }));
  /** Applies a successful change and selects the line it touched. */
  const apply = (change: CartChange): CartChange => {
    if (change.ok) patch({ lines: change.lines, selectedIndex: change.index });
    return change;
  };
  return {
    cart: initialCartState,
    configureSale: (rules) => patch({ rules }),
    addItem: (item, quantity = 1) => apply(addItem(get().cart.lines, item, quantity)),
    setQuantity: (index, quantity) => apply(setQuantity(get().cart.lines, index, quantity)),
    changeSelectedQuantity: (delta) => {
      const { lines, selectedIndex } = get().cart;
      const line = lines[selectedIndex];
      if (!line) return { ok: false, reason: 'no_such_line' };
      return apply(setQuantity(lines, selectedIndex, line.quantity + delta));
    },
    selectLine: (index) => {
      if (get().cart.lines[index]) patch({ selectedIndex: index });
    },
    moveSelection: (delta) => {
      const { lines, selectedIndex } = get().cart;
      if (lines.length === 0) return;
      patch({ selectedIndex: Math.min(lines.length - 1, Math.max(0, selectedIndex + delta)) });
    },
    removeLine: (index) => apply(removeLine(get().cart.lines, index)),
    setLineDiscount: (index, discount) => {
      const { lines, rules } = get().cart;
      const line = lines[index];
      if (!line) return { ok: false, problem: { kind: 'no_such_line' } };
      const problem = discount ? discountProblem(discount, lineTotals(line).gross, rules.lineDiscountLimit) : null;
      if (problem) return { ok: false, problem };
      apply(setLineDiscount(lines, index, discount));
      return { ok: true };
    },
    setSaleDiscount: (discount) => {
      const state = get();
      const problem = discount ? discountProblem(discount, selectTotals(state).subtotal, state.cart.rules.saleDiscountLimit) : null;
      if (problem) return { ok: false, problem };
      patch({ saleDiscount: discount });
      return { ok: true };
    },
    // One update, so no screen ever renders a half-cleared sale. The rules (from settings) stay.
    startNewSale: () =>
      set((s) => ({
        cart: { ...initialCartState, rules: s.cart.rules },
        customer: initialCustomerState,
        payment: initialPaymentState,
      })),
  };
};

export const cartSelectors = {
  lines: (s: SaleParts): readonly SaleLine[] => s.cart.lines,
  selectedIndex: (s: SaleParts): number => s.cart.selectedIndex,
  selectedLine: (s: SaleParts): SaleLine | null => s.cart.lines[s.cart.selectedIndex] ?? null,
  saleDiscount: (s: SaleParts): Discount | null => s.cart.saleDiscount,
  rules: (s: SaleParts): SaleRules => s.cart.rules,
  itemCount: (s: SaleParts): number => selectTotals(s).itemCount,
  isEmpty: (s: SaleParts): boolean => s.cart.lines.length === 0,
};
