import { useEffect, useRef, useState } from 'react';
import { parseMoneyInput, type Money } from '../../../shared/money';
import type { Payment } from '../../../shared/sale/sale';
import type { SaleTotals } from '../../../shared/sale/totals';
import type { MessageKey, Translate } from '../../i18n/t';
import { useShortcut } from '../../shortcuts/useShortcut';
import { Kbd } from '../shell/Kbd';
import { FigureInput } from './FigureInput';
import type { FormatMoney } from './moneyFormat';

export interface PaymentMethodOption {
  readonly name: string;
  /** Cash can be over-tendered and gives change. */
  readonly cash: boolean;
}

export interface PaymentPanelProps {
  readonly methods: readonly PaymentMethodOption[];
  readonly payments: readonly Payment[];
  readonly totals: SaleTotals;
  /** Cash rounding is taken before a tax added on top (its line is labelled so). */
  readonly roundingBeforeTax: boolean;
  /** The cash due first (rounded to the store's coin when it rounds), then round cash amounts (shared/sale/quickCash.ts). */
  readonly quickAmounts: readonly Money[];
  readonly decimals: number;
  readonly format: FormatMoney;
  readonly t: Translate;
  readonly completing: boolean;
  readonly error: string | null;
  /** Asks main to add the tender; resolves with why it was refused, or null once added. */
  readonly onAdd: (payment: Payment) => Promise<string | null>;
  readonly onRemove: (index: number) => void;
  readonly onComplete: () => void;
}

/** Keys shown on the buttons (and bound while the panel is open). */
export const PAYMENT_KEYS = {
  method: (n: number): string => `Alt+${n}`,
  quick: ['F5', 'F6', 'F7', 'F8'] as const,
  complete: 'Ctrl+Enter',
  completeAlt: 'F9',
} as const;

const GROUP: MessageKey = 'checkout.pay.title';

function amountText(amount: Money, decimals: number): string {
  return decimals === 0 ? String(amount) : (amount / 10 ** decimals).toFixed(decimals);
}

/**
 * Taking payment: pick a method, type or tap an amount, repeat for a split. Enter adds the typed
 * amount; when nothing is due any more, Enter (or F9 / Ctrl+Enter) completes the sale.
 */
export function PaymentPanel(props: PaymentPanelProps): React.JSX.Element {
  const { methods, payments, totals, roundingBeforeTax, decimals, format, t, completing, error, onAdd, onRemove, onComplete } = props;
  const [methodIndex, setMethodIndex] = useState(0);
  const method = methods[methodIndex];
  // Cash rounding (issue 13) applies to cash only: a card is charged the exact amount still due.
  const methodDue = method && !method.cash ? totals.exactDue : totals.due;
  const [text, setText] = useState(() => amountText(methodDue, decimals));
  const [problem, setProblem] = useState<string | null>(null);
  // Round "customer hands over" amounts only make sense in cash; a card is charged exactly what is due.
  const quickAmounts = method?.cash ? props.quickAmounts : methodDue > 0 ? [methodDue] : [];
  // If the amount due changes while the panel is open (a late scan, another method), follow it unless the cashier typed something else.
  const shownDue = useRef(methodDue);
  useEffect(() => {
    const previous = shownDue.current;
    shownDue.current = methodDue;
    if (previous !== methodDue) setText((current) => (current === amountText(previous, decimals) && methodDue > 0 ? amountText(methodDue, decimals) : current));
  }, [methodDue, decimals]);
  const paidInFull = totals.due === 0 && payments.length > 0;

  const [adding, setAdding] = useState(false);
  const add = async (amount: Money | null): Promise<void> => {
    if (!method || adding) return;
    // Said at once in the cashier's language; main checks the same again when the tender arrives.
    if (amount === null || amount <= 0) return setProblem(t('checkout.pay.invalidAmount'));
    if (totals.due <= 0) return setProblem(t('checkout.pay.nothingDue'));
    if (!method.cash && amount > totals.exactDue) return setProblem(t('checkout.pay.nonCashOver', { method: method.name, due: format(totals.exactDue) }));
    const due = methodDue;
    setAdding(true);
    const refused = await onAdd({ method: method.name, amount, cash: method.cash });
    setAdding(false);
    setProblem(refused);
    if (refused === null) {
      const remaining = due - Math.min(amount, due);
      setText(remaining > 0 ? amountText(remaining, decimals) : '');
    }
  };

  const submit = (): void => {
    if (paidInFull && text.trim() === '') {
      if (!completing) onComplete();
      return;
    }
    void add(parseMoneyInput(text, decimals));
  };

  const complete = (): void => {
    if (paidInFull && !completing) onComplete();
  };

  for (let i = 0; i < 9; i++) {
    // A fixed number of hook calls (nine method keys, four quick keys), so their order never changes.
    useShortcut(
      { id: `checkout.pay.method.${i + 1}`, keys: PAYMENT_KEYS.method(i + 1), label: 'checkout.shortcut.method', group: GROUP, enabled: i < methods.length },
      () => setMethodIndex(i),
    );
  }
  PAYMENT_KEYS.quick.forEach((keys, i) => {
    useShortcut(
      { id: `checkout.pay.quick.${i + 1}`, keys, label: i === 0 ? 'checkout.shortcut.exact' : 'checkout.shortcut.quick', group: GROUP, enabled: i < quickAmounts.length },
      () => void add(quickAmounts[i] ?? null),
    );
  });
  useShortcut({ id: 'checkout.pay.complete', keys: PAYMENT_KEYS.complete, label: 'checkout.shortcut.complete', group: GROUP }, complete);
  useShortcut({ id: 'checkout.pay.completeF9', keys: PAYMENT_KEYS.completeAlt, label: 'checkout.shortcut.complete', group: GROUP }, complete);

  if (methods.length === 0) {
    return (
      <p className="notice notice-error" role="alert" data-testid="pay-no-methods">
        {t('checkout.pay.noMethods')}
      </p>
    );
  }

  return (
    <div className="payment-panel" data-testid="payment-panel">
      <div className="pay-summary">
        {totals.roundingDiscount > 0 ? (
          <div className="pay-figure pay-figure-rounding">
            <span>{t(roundingBeforeTax ? 'checkout.totals.roundingBeforeTax' : 'checkout.totals.rounding')}</span>
            <strong data-testid="pay-rounding">−{format(totals.roundingDiscount)}</strong>
          </div>
        ) : null}
        <div className="pay-figure">
          <span>{t('checkout.totals.total')}</span>
          <strong data-testid="pay-total">{format(totals.total)}</strong>
        </div>
        <div className="pay-figure pay-figure-due">
          <span>{t('checkout.totals.due')}</span>
          <strong data-testid="pay-due">{format(totals.due)}</strong>
        </div>
        <div className="pay-figure pay-figure-change">
          <span>{t('checkout.totals.change')}</span>
          <strong data-testid="pay-change">{format(totals.change)}</strong>
        </div>
      </div>

      <fieldset className="pay-methods">
        <legend>{t('checkout.pay.method')}</legend>
        {methods.map((m, i) => (
          <button
            key={m.name}
            type="button"
            className={i === methodIndex ? 'button button-choice button-choice-on' : 'button button-choice'}
            aria-pressed={i === methodIndex}
            data-testid={`pay-method-${m.name}`}
            onClick={() => setMethodIndex(i)}
          >
            {m.name} {i < 9 ? <Kbd keys={PAYMENT_KEYS.method(i + 1)} /> : null}
          </button>
        ))}
      </fieldset>

      <form
        className="pay-entry"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span className="field-label">
            {t('checkout.pay.amount')} ({method?.name})
          </span>
          <FigureInput
            testId="pay-amount"
            inputMode="decimal"
            value={text}
            invalid={Boolean(problem)}
            describedBy={problem ? 'pay-problem' : undefined}
            onChange={setText}
          />
        </label>
        <button type="submit" className="button" data-testid="pay-add" disabled={paidInFull && text.trim() === ''}>
          {t('checkout.pay.add')} <Kbd keys="Enter" />
        </button>
      </form>
      {problem ? (
        <p id="pay-problem" className="field-error" role="alert" data-testid="pay-problem">
          {problem}
        </p>
      ) : null}

      {quickAmounts.length > 0 ? (
        <div className="pay-quick" role="group" aria-label={t('checkout.pay.quick')}>
          {quickAmounts.map((amount, i) => (
            <button
              key={amount}
              type="button"
              className="button"
              data-testid={i === 0 ? 'pay-exact' : `pay-quick-${i}`}
              onClick={() => void add(amount)}
            >
              {i === 0 ? `${t('checkout.pay.exact')} ` : ''}
              {format(amount)} {PAYMENT_KEYS.quick[i] ? <Kbd keys={PAYMENT_KEYS.quick[i]} /> : null}
            </button>
          ))}
        </div>
      ) : null}

      {payments.length > 0 ? (
        <table className="pay-list" data-testid="pay-list" aria-label={t('checkout.pay.payments')}>
          <tbody>
            {payments.map((p, i) => (
              <tr key={p.method} data-testid="pay-line" data-method={p.method}>
                <th scope="row">{p.method}</th>
                <td className="num">{format(p.amount)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('checkout.pay.remove', { method: p.method })}
                    data-testid="pay-line-remove"
                    onClick={() => onRemove(i)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {error ? (
        <p className="notice notice-error" role="alert" data-testid="pay-error">
          {error}
        </p>
      ) : null}

      <div className="button-row pay-actions">
        <p className={paidInFull ? 'pay-state pay-state-paid' : 'pay-state'} data-testid="pay-state" role="status">
          {paidInFull ? t('checkout.pay.paidInFull') : t('checkout.pay.unpaid', { amount: format(totals.due) })}
        </p>
        <button
          type="button"
          className="button button-primary button-large"
          data-testid="pay-complete"
          disabled={!paidInFull || completing}
          onClick={complete}
        >
          {completing ? t('checkout.pay.completing') : t('checkout.pay.complete')} <Kbd keys={PAYMENT_KEYS.completeAlt} />
        </button>
      </div>
    </div>
  );
}
