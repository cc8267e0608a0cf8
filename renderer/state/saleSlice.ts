/**
 * The sale in progress as main last answered it. The renderer never computes what a sale is worth:
 * every change is a call to main (renderer/screens/checkout/saleActions.ts) whose answer replaces
 * `view` whole. Only the line selection is the screen's own.
 */
import type { StateCreator } from 'zustand';
import type { CheckoutState, DraftLine, ReceiptedSale, SaleView } from '../../shared/contract/sale';
import type { Discount, Payment, SaleCustomer } from '../../shared/sale/sale';
import type { SaleTotals } from '../../shared/sale/totals';
import type { StoreState } from './store';

export interface SaleState {
  /** Null until main answered `sale.current`. */
  readonly view: SaleView | null;
  /** The newest recorded sale: shown after a restart with an empty cart, and for reprinting. */
  readonly lastRecorded: ReceiptedSale | null;
  /** The line keyboard actions apply to; null when none. */
  readonly selectedLineId: string | null;
}

export interface SaleSlice {
  readonly sale: SaleState;
  showCheckout(state: CheckoutState): void;
  /** Main's answer to a change; `select` picks the line it touched (else the selection stays, or moves to its neighbour). */
  showSale(view: SaleView, select?: string | null): void;
  /** A completed sale: main's record of it and the empty draft that follows. */
  showRecorded(recorded: ReceiptedSale, next: SaleView): void;
  selectLine(index: number): void;
  moveSelection(delta: number): void;
}

export const initialSaleState: SaleState = { view: null, lastRecorded: null, selectedLineId: null };

function keepSelection(previous: SaleState, view: SaleView, select: string | null | undefined): string | null {
  if (select !== undefined) return select;
  if (view.lines.some((line) => line.lineId === previous.selectedLineId)) return previous.selectedLineId;
  // The selected line went away: select the one that moved into its place, or the new last one.
  const oldIndex = previous.view?.lines.findIndex((line) => line.lineId === previous.selectedLineId) ?? -1;
  const index = Math.min(Math.max(oldIndex, 0), view.lines.length - 1);
  return view.lines[index]?.lineId ?? null;
}

export const createSaleSlice: StateCreator<StoreState, [], [], SaleSlice> = (set, get) => ({
  sale: initialSaleState,
  showCheckout: ({ sale, lastRecorded }) =>
    set({ sale: { view: sale, lastRecorded, selectedLineId: sale.lines.at(-1)?.lineId ?? null } }),
  showSale: (view, select) => set((s) => ({ sale: { ...s.sale, view, selectedLineId: keepSelection(s.sale, view, select) } })),
  showRecorded: (recorded, next) => set({ sale: { view: next, lastRecorded: recorded, selectedLineId: null } }),
  selectLine: (index) => {
    const line = get().sale.view?.lines[index];
    if (line) set((s) => ({ sale: { ...s.sale, selectedLineId: line.lineId } }));
  },
  moveSelection: (delta) => {
    const lines = get().sale.view?.lines ?? [];
    if (lines.length === 0) return;
    const current = saleSelectors.selectedIndex(get());
    const next = lines[Math.min(lines.length - 1, Math.max(0, current + delta))];
    if (next) set((s) => ({ sale: { ...s.sale, selectedLineId: next.lineId } }));
  },
});

const NO_LINES: readonly DraftLine[] = [];
const NO_PAYMENTS: readonly Payment[] = [];
export const EMPTY_TOTALS: SaleTotals = {
  lines: [],
  itemCount: 0,
  subtotal: 0,
  saleDiscount: 0,
  pointsDiscount: 0,
  roundingDiscount: 0,
  taxable: 0,
  tax: 0,
  total: 0,
  rounding: 0,
  paid: 0,
  due: 0,
  exactDue: 0,
  change: 0,
};

type SaleParts = Pick<StoreState, 'sale'>;

export const saleSelectors = {
  view: (s: SaleParts): SaleView | null => s.sale.view,
  lines: (s: SaleParts): readonly DraftLine[] => s.sale.view?.lines ?? NO_LINES,
  selectedIndex: (s: SaleParts): number => s.sale.view?.lines.findIndex((line) => line.lineId === s.sale.selectedLineId) ?? -1,
  selectedLine: (s: SaleParts): DraftLine | null => s.sale.view?.lines.find((line) => line.lineId === s.sale.selectedLineId) ?? null,
  totals: (s: SaleParts): SaleTotals => s.sale.view?.totals ?? EMPTY_TOTALS,
  saleDiscount: (s: SaleParts): Discount | null => s.sale.view?.saleDiscount ?? null,
  customer: (s: SaleParts): SaleCustomer | null => s.sale.view?.customer ?? null,
  payments: (s: SaleParts): readonly Payment[] => s.sale.view?.payments ?? NO_PAYMENTS,
  isEmpty: (s: SaleParts): boolean => (s.sale.view?.lines.length ?? 0) === 0,
};
