import { useState } from 'react';
import { parseMoneyInput, type Money } from '../../../shared/money';
import type { Discount } from '../../../shared/sale/sale';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import { ChoiceGroup } from './ChoiceGroup';
import { FigureInput } from './FigureInput';

export interface DiscountPanelProps {
  readonly current: Discount | null;
  readonly decimals: number;
  readonly t: Translate;
  /** Asks main; resolves with why it was refused (shown under the field), or null once applied. */
  readonly onApply: (discount: Discount | null) => Promise<string | null>;
}

const DISCOUNT_KINDS: readonly Discount['kind'][] = ['percent', 'amount'];

function initialText(current: Discount | null, decimals: number): string {
  if (!current) return '';
  if (current.kind === 'percent') return String(current.basisPoints / 100);
  return decimals === 0 ? String(current.amount) : (current.amount / 10 ** decimals).toFixed(decimals);
}

/** A percent or an amount off a line or the whole sale; main checks it against the limits from its settings. */
export function DiscountPanel({ current, decimals, t, onApply }: DiscountPanelProps): React.JSX.Element {
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'percent');
  const [text, setText] = useState(initialText(current, decimals));
  const [problem, setProblem] = useState<string | null>(null);

  const [busy, setBusy] = useState(false);
  const ask = async (discount: Discount | null): Promise<void> => {
    setBusy(true);
    const refused = await onApply(discount);
    setBusy(false);
    setProblem(refused);
  };

  const apply = (): void => {
    if (busy) return;
    if (text.trim() === '') {
      void ask(null);
      return;
    }
    // Percent is parsed as a two-decimal number, which is exactly basis points (12,5 → 1250).
    const value: Money | null = parseMoneyInput(text, kind === 'percent' ? 2 : decimals);
    if (value === null || (kind === 'percent' && value > 10_000)) {
      setProblem(t('checkout.discount.invalid'));
      return;
    }
    void ask(kind === 'percent' ? { kind, basisPoints: value } : { kind, amount: value });
  };

  return (
    <form
      className="discount-panel"
      data-testid="discount-panel"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <ChoiceGroup
        legend={t('checkout.discount.kind')}
        name="discount-kind"
        options={DISCOUNT_KINDS}
        value={kind}
        label={(option) => t(option === 'percent' ? 'checkout.discount.percent' : 'checkout.discount.amount')}
        onChange={(option) => {
          setKind(option);
          setProblem(null);
        }}
      />
      <label className="field">
        <span className="field-label">{t('checkout.discount.value')}</span>
        <FigureInput
          testId="discount-value"
          inputMode="decimal"
          value={text}
          invalid={Boolean(problem)}
          onChange={(next) => {
            setText(next);
            setProblem(null);
          }}
        />
      </label>
      {problem ? (
        <p className="field-error" role="alert" data-testid="discount-problem">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="discount-apply" disabled={busy}>
          {t('checkout.discount.apply')} <Kbd keys="Enter" />
        </button>
        {current ? (
          <button type="button" className="button" data-testid="discount-clear" disabled={busy} onClick={() => void ask(null)}>
            {t('checkout.discount.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
