import { useState } from 'react';
import { MAX_QUANTITY } from '../../../shared/sale/sale';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import { FigureInput } from './FigureInput';

export interface QuantityPanelProps {
  readonly quantity: number;
  readonly t: Translate;
  /** Returns whether the quantity was accepted. */
  readonly onApply: (quantity: number) => boolean;
}

export function QuantityPanel({ quantity, t, onApply }: QuantityPanelProps): React.JSX.Element {
  const [text, setText] = useState(String(quantity));
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="quantity-panel"
      data-testid="quantity-panel"
      onSubmit={(event) => {
        event.preventDefault();
        const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
        setInvalid(!(Number.isInteger(value) && onApply(value)));
      }}
    >
      <label className="field">
        <span className="field-label">{t('checkout.qty.label')}</span>
        <FigureInput testId="quantity-value" inputMode="numeric" value={text} invalid={invalid} onChange={setText} />
      </label>
      {invalid ? (
        <p className="field-error" role="alert" data-testid="quantity-problem">
          {t('checkout.qty.invalid', { max: MAX_QUANTITY })}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="quantity-apply">
        {t('checkout.qty.apply')} <Kbd keys="Enter" />
      </button>
    </form>
  );
}
