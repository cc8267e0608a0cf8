/**
 * The X and Z report maths of a cashier's shift (issue 15). Pure and exact: every amount is an
 * integer of minor units (shared/money.ts), nothing here reads a clock, a file or the network.
 *
 * A shift's cash drawer holds: the opening float, plus cash taken for sales (less the change given
 * back), less cash refunded for returns, plus cash put in, less cash taken out. That is the
 * expected cash; the counted drawer less it is the variance (negative = cash missing).
 */
import { assertMoney, sum, type Money } from '../money';

/** What one completed sale adds to a shift, from its stored totals and payments. */
export interface ShiftSaleFigures {
  /** Line prices × quantities before any discount. */
  readonly gross: Money;
  /** Line, sale and points discounts and cash rounding together. */
  readonly discounts: Money;
  /** Of `discounts`, the cash rounding given to the customer (issue 13). */
  readonly rounding: Money;
  /** After discounts: what tax is computed on (DealPOS `Sales` of the invoice). */
  readonly sales: Money;
  readonly tax: Money;
  /** What the customer paid for it. */
  readonly total: Money;
  readonly payments: ReadonlyArray<{ readonly method: string; readonly amount: Money; readonly cash: boolean }>;
  /** Cash handed back (taken out of the cash payments). */
  readonly change: Money;
}

/** What one return takes back (returns arrive with held sales and returns, issue 16). */
export interface ShiftReturnFigures {
  /** What the customer got back, tax included. */
  readonly total: Money;
  readonly tax: Money;
  readonly refunds: ReadonlyArray<{ readonly method: string; readonly amount: Money; readonly cash: boolean }>;
}

export type CashMovementKind = 'cash_in' | 'cash_out' | 'no_sale';

export interface CashMovementFigures {
  readonly kind: CashMovementKind;
  /** 0 for a no-sale drawer opening. */
  readonly amount: Money;
}

export interface ShiftFigures {
  readonly openingFloat: Money;
  readonly sales: readonly ShiftSaleFigures[];
  readonly returns: readonly ShiftReturnFigures[];
  readonly movements: readonly CashMovementFigures[];
}

/** Net takings of one payment method: payments less change (cash) less refunds. */
export interface MethodTotal {
  readonly method: string;
  readonly cash: boolean;
  readonly taken: Money;
  readonly refunded: Money;
  readonly net: Money;
}

/** The X report: the shift so far. The Z report is the X report at the close plus the count. */
export interface ShiftTotals {
  readonly saleCount: number;
  readonly returnCount: number;
  readonly gross: Money;
  readonly discounts: Money;
  /** Of `discounts`, the cash rounding given away to the store's smallest coin. */
  readonly rounding: Money;
  /** After discounts, before tax added on top (DealPOS `Sales`). */
  readonly sales: Money;
  readonly tax: Money;
  /** What customers paid for the sales. */
  readonly salesTotal: Money;
  /** What customers got back for returns, tax included. */
  readonly returns: Money;
  readonly returnsTax: Money;
  readonly payments: readonly MethodTotal[];
  readonly openingFloat: Money;
  /** Cash taken for sales less the change given. */
  readonly cashSales: Money;
  readonly cashRefunds: Money;
  readonly cashIn: Money;
  readonly cashOut: Money;
  readonly noSaleCount: number;
  readonly expectedCash: Money;
}

/** IDR notes and coins a drawer is counted in, largest first (in rupiah). */
export const IDR_DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;
export type Denomination = (typeof IDR_DENOMINATIONS)[number];

export type DrawerCount =
  | { readonly kind: 'denominations'; readonly counts: ReadonlyArray<{ readonly value: Denomination; readonly count: number }> }
  | { readonly kind: 'total'; readonly amount: Money };

export interface CountResult {
  /** The counted denominations (largest first, zero counts left out); empty for a total. */
  readonly lines: ReadonlyArray<{ readonly value: Denomination; readonly count: number; readonly amount: Money }>;
  readonly counted: Money;
  readonly expected: Money;
  /** counted − expected: negative when cash is missing. */
  readonly variance: Money;
}

export function shiftTotals(figures: ShiftFigures): ShiftTotals {
  const methods = new Map<string, { cash: boolean; taken: Money; refunded: Money }>();
  const methodOf = (method: string, cash: boolean): { cash: boolean; taken: Money; refunded: Money } => {
    let entry = methods.get(method);
    if (!entry) {
      entry = { cash, taken: 0, refunded: 0 };
      methods.set(method, entry);
    }
    return entry;
  };
  let gross = 0;
  let discounts = 0;
  let rounding = 0;
  let sales = 0;
  let tax = 0;
  let salesTotal = 0;
  for (const sale of figures.sales) {
    gross += sale.gross;
    discounts += sale.discounts;
    rounding += sale.rounding;
    sales += sale.sales;
    tax += sale.tax;
    salesTotal += sale.total;
    // Change comes out of the cash payments, first cash payment first.
    let change = sale.change;
    for (const payment of sale.payments) {
      const back = payment.cash ? Math.min(change, payment.amount) : 0;
      change -= back;
      methodOf(payment.method, payment.cash).taken += payment.amount - back;
    }
  }
  let returns = 0;
  let returnsTax = 0;
  for (const ret of figures.returns) {
    returns += ret.total;
    returnsTax += ret.tax;
    for (const refund of ret.refunds) methodOf(refund.method, refund.cash).refunded += refund.amount;
  }
  const payments: MethodTotal[] = [...methods.entries()].map(([method, m]) => ({ method, cash: m.cash, taken: m.taken, refunded: m.refunded, net: m.taken - m.refunded }));
  const cashSales = sum(payments.filter((p) => p.cash).map((p) => p.taken));
  const cashRefunds = sum(payments.filter((p) => p.cash).map((p) => p.refunded));
  const moved = (kind: CashMovementKind): Money => sum(figures.movements.filter((m) => m.kind === kind).map((m) => m.amount));
  const cashIn = moved('cash_in');
  const cashOut = moved('cash_out');
  return {
    saleCount: figures.sales.length,
    returnCount: figures.returns.length,
    gross: assertMoney(gross, 'gross'),
    discounts: assertMoney(discounts, 'discounts'),
    rounding: assertMoney(rounding, 'rounding'),
    sales: assertMoney(sales, 'sales'),
    tax: assertMoney(tax, 'tax'),
    salesTotal: assertMoney(salesTotal, 'salesTotal'),
    returns: assertMoney(returns, 'returns'),
    returnsTax: assertMoney(returnsTax, 'returnsTax'),
    payments,
    openingFloat: figures.openingFloat,
    cashSales,
    cashRefunds,
    cashIn,
    cashOut,
    noSaleCount: figures.movements.filter((m) => m.kind === 'no_sale').length,
    expectedCash: sum([figures.openingFloat, cashSales, -cashRefunds, cashIn, -cashOut]),
  };
}

/** Denominations are rupiah; `decimals` scales them to the store's minor units. */
export function countDrawer(count: DrawerCount, expected: Money, decimals: number): CountResult {
  const unit = 10 ** decimals;
  const lines =
    count.kind === 'total'
      ? []
      : IDR_DENOMINATIONS.flatMap((value) => {
          const n = sum(count.counts.filter((c) => c.value === value).map((c) => c.count));
          return n > 0 ? [{ value, count: n, amount: value * unit * n }] : [];
        });
  const counted = count.kind === 'total' ? count.amount : sum(lines.map((l) => l.amount));
  return { lines, counted, expected, variance: counted - expected };
}
