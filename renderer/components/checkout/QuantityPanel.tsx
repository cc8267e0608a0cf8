import { useState } from 'react';
import { MAX_QUANTITY } from '../../../shared/sale/sale';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';

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
        <input
          className="input input-large"
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          data-testid="quantity-value"
          value={text}
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
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
