import type { NamedOption } from '../../../shared/contract/settings';

export interface NameChoiceProps {
  readonly id: string;
  readonly value: string;
  readonly options: readonly NamedOption[];
  readonly chooseLabel: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly testId: string;
  /** Names the control when no visible label points at it (e.g. a cell in a table). */
  readonly ariaLabel?: string;
  readonly onChange: (value: string) => void;
  /** Extra text after each option's name, e.g. a tax rate. */
  readonly describe?: (option: NamedOption) => string;
}

/** A DealPOS name: picked from DealPOS's list when there is one, typed when there is not (offline, first run). */
export function NameChoice(props: NameChoiceProps): React.JSX.Element {
  const { id, value, options, chooseLabel, describedBy, invalid, testId, onChange, describe, ariaLabel } = props;
  if (options.length === 0) {
    return (
      <input
        id={id}
        className="input"
        value={value}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const known = options.some((o) => o.name === value);
  return (
    <select
      id={id}
      className="select"
      value={value}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{chooseLabel}</option>
      {/* Keep a saved name DealPOS no longer lists visible, so saving does not silently change it. */}
      {value && !known ? <option value={value}>{value}</option> : null}
      {options.map((option) => (
        <option key={option.id} value={option.name}>
          {option.name}
          {describe ? ` ${describe(option)}` : ''}
        </option>
      ))}
    </select>
  );
}
