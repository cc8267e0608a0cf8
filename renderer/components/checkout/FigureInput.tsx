export interface FigureInputProps {
  readonly testId: string;
  /** 'numeric' for whole counts, 'decimal' for money and percentages. */
  readonly inputMode: 'numeric' | 'decimal';
  readonly value: string;
  readonly invalid: boolean;
  readonly describedBy?: string;
  readonly onChange: (text: string) => void;
}

/**
 * The figure a checkout dialog opens on (quantity, discount, payment amount): focused when the dialog
 * opens and its text selected on focus, so the cashier types the new figure over the old one.
 */
export function FigureInput({ testId, inputMode, value, invalid, describedBy, onChange }: FigureInputProps): React.JSX.Element {
  return (
    <input
      className="input input-large"
      inputMode={inputMode}
      autoComplete="off"
      data-autofocus
      data-testid={testId}
      value={value}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onFocus={(event) => event.target.select()}
    />
  );
}
