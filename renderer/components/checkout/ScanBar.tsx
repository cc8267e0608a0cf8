import { useImperativeHandle, useRef, type Ref } from 'react';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';

export interface ScanBarHandle {
  focus(): void;
  /** Returns what the cashier typed and clears the field (e.g. to carry it into the search dialog). */
  takeText(): string;
}

export interface ScanBarProps {
  readonly handle: Ref<ScanBarHandle>;
  readonly t: Translate;
  readonly focusKeys: string;
  readonly searchKeys: string;
  /** A code typed by hand and confirmed with Enter. */
  readonly onCode: (code: string) => void;
  readonly onSearch: (text: string) => void;
  readonly onMoveSelection: (delta: number) => void;
  readonly onChangeQuantity: (delta: number) => void;
  readonly onRemoveSelected: () => void;
}

/**
 * The scan field. It is uncontrolled on purpose: keys typed into it (and a scanner's first key,
 * which reaches it before the burst is recognised) cost no React render on the scan's path. With
 * the field empty, + − and Delete act on the selected line and ↑ ↓ move the selection, so the
 * cursor can stay in the field all day.
 */
export function ScanBar({ handle, t, focusKeys, searchKeys, onCode, onSearch, onMoveSelection, onChangeQuantity, onRemoveSelected }: ScanBarProps): React.JSX.Element {
  const inputRef = useRef<HTMLInputElement>(null);
  const take = (): string => {
    const input = inputRef.current;
    if (!input) return '';
    const text = input.value.trim();
    input.value = '';
    return text;
  };
  useImperativeHandle(handle, () => ({ focus: () => inputRef.current?.focus(), takeText: take }));

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    // Ctrl/Alt/Meta combinations are shortcuts (Ctrl+Delete clears the sale), not line keys.
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const empty = event.currentTarget.value === '';
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      onMoveSelection(event.key === 'ArrowUp' ? -1 : 1);
    } else if (empty && (event.key === '+' || event.key === '-')) {
      event.preventDefault();
      onChangeQuantity(event.key === '+' ? 1 : -1);
    } else if (empty && event.key === 'Delete') {
      event.preventDefault();
      onRemoveSelected();
    }
  };

  return (
    <form
      className="scan-bar"
      onSubmit={(event) => {
        event.preventDefault();
        const code = take();
        if (code !== '') onCode(code);
      }}
    >
      <label className="scan-label" htmlFor="scan-input">
        {t('checkout.scan.label')} <Kbd keys={focusKeys} />
      </label>
      <div className="scan-row">
        <input
          id="scan-input"
          ref={inputRef}
          className="input input-large scan-input"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('checkout.scan.placeholder')}
          data-testid="scan-input"
          data-scan-field
          defaultValue=""
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button" data-testid="scan-add">
          {t('checkout.scan.add')} <Kbd keys="Enter" />
        </button>
        <button type="button" className="button" data-testid="open-search" onClick={() => onSearch(take())}>
          {t('checkout.scan.searchByName')} <Kbd keys={searchKeys} />
        </button>
      </div>
    </form>
  );
}
