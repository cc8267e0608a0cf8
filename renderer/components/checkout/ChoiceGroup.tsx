export interface ChoiceGroupProps<T extends string> {
  readonly legend: string;
  /** The radio group's name; each option's test id is `${name}-${option}`. */
  readonly name: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly label: (option: T) => string;
  readonly onChange: (option: T) => void;
}

/** A row of radio choices drawn as buttons, the chosen one marked (discount kind, customer lookup field). */
export function ChoiceGroup<T extends string>({ legend, name, options, value, label, onChange }: ChoiceGroupProps<T>): React.JSX.Element {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className={value === option ? 'choice choice-on' : 'choice'}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            data-testid={`${name}-${option}`}
            onChange={() => onChange(option)}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
