import { useState } from 'react';
import { MAX_QUANTITY } from '../../../shared/sale/sale';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import { FigureInput } from './FigureInput';

export interface QuantityPanelProps {
  readonly quantity: number;
  readonly t: Translate;
  /** Asks main; resolves with why it was refused, or null once applied. */
  readonly onApply: (quantity: number) => Promise<string | null>;
}

export function QuantityPanel({ quantity, t, onApply }: QuantityPanelProps): React.JSX.Element {
  const [text, setText] = useState(String(quantity));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="quantity-panel"
      data-testid="quantity-panel"
      onSubmit={(event) => {
        event.preventDefault();
        const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
        if (!Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) {
          setProblem(t('checkout.qty.invalid', { max: MAX_QUANTITY }));
          return;
        }
        void onApply(value).then(setProblem);
      }}
    >
      <label className="field">
        <span className="field-label">{t('checkout.qty.label')}</span>
        <FigureInput testId="quantity-value" inputMode="numeric" value={text} invalid={problem !== null} onChange={setText} />
      </label>
      {problem ? (
        <p className="field-error" role="alert" data-testid="quantity-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="quantity-apply">
        {t('checkout.qty.apply')} <Kbd keys="Enter" />
      </button>
    </form>
  );
}
