import type { LabelLine } from '../../../shared/contract/labels';
import type { Translate } from '../../i18n/t';

export interface LabelLinesTableProps {
  readonly lines: readonly LabelLine[];
  /** What the manager typed for each line, by index. */
  readonly counts: readonly string[];
  /** Index of a line whose count is not a whole number, to mark it. */
  readonly invalid: ReadonlySet<number>;
  readonly formatPrice: (price: number) => string;
  readonly t: Translate;
  readonly onCount: (index: number, typed: string) => void;
}

/** The items of a bill or delivery with their barcode and an editable label count per line. */
export function LabelLinesTable({ lines, counts, invalid, formatPrice, t, onCount }: LabelLinesTableProps): React.JSX.Element {
  return (
    <table className="labels-table" data-testid="label-lines">
      <thead>
        <tr>
          <th scope="col">{t('labels.col.code')}</th>
          <th scope="col">{t('labels.col.item')}</th>
          <th scope="col" className="num">
            {t('labels.col.price')}
          </th>
          <th scope="col" className="num">
            {t('labels.col.received')}
          </th>
          <th scope="col">{t('labels.col.barcode')}</th>
          <th scope="col" className="num">
            {t('labels.col.labels')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={`${line.code}-${index}`} data-testid="label-line" data-code={line.code}>
            <td>{line.code}</td>
            <td>
              {line.name}
              {line.discontinued ? (
                <span className="labels-discontinued" data-testid="label-discontinued">
                  {' '}
                  {t('labels.discontinued')}
                </span>
              ) : null}
            </td>
            <td className="num">{formatPrice(line.price)}</td>
            <td className="num">{line.quantity}</td>
            <td data-testid="label-symbology">{line.symbology ? t(`labels.symbology.${line.symbology}`) : t('labels.symbology.none')}</td>
            <td className="num">
              <input
                className="input labels-count"
                inputMode="numeric"
                aria-label={t('labels.col.labelsFor', { code: line.code })}
                aria-invalid={invalid.has(index) || undefined}
                data-testid="label-count"
                value={counts[index] ?? ''}
                onChange={(event) => onCount(index, event.target.value)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
