import { useEffect, useRef, useState } from 'react';
import type { CatalogItem } from '../../../shared/contract/catalog';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import type { FormatMoney } from './moneyFormat';

export type SearchOutcome = { readonly kind: 'ok'; readonly items: readonly CatalogItem[] } | { readonly kind: 'error'; readonly message: string };

export interface SearchPanelProps {
  readonly initialQuery: string;
  readonly format: FormatMoney;
  readonly t: Translate;
  readonly onSearch: (query: string) => Promise<SearchOutcome>;
  readonly onPick: (item: CatalogItem) => void;
}

/** Search the catalog by name (or part of a code): type, ↑ ↓ to choose, Enter to add. */
export function SearchPanel({ initialQuery, format, t, onSearch, onPick }: SearchPanelProps): React.JSX.Element {
  const [query, setQuery] = useState(initialQuery);
  const [items, setItems] = useState<readonly CatalogItem[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [searched, setSearched] = useState('');
  const requestRef = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const request = ++requestRef.current;
    if (q === '') {
      setItems([]);
      setSearched('');
      return;
    }
    void onSearch(q).then((outcome) => {
      // Only the newest query's answer is shown; typing fast must not flash older results.
      if (request !== requestRef.current) return;
      setSearched(q);
      if (outcome.kind === 'ok') {
        setItems(outcome.items);
        setError(null);
      } else {
        setItems([]);
        setError(outcome.message);
      }
      setActive(0);
    });
  }, [query, onSearch]);

  const pick = (index: number): void => {
    const item = items[index];
    if (item) onPick(item);
  };

  return (
    <div className="search-panel" data-testid="search-panel">
      <label className="field">
        <span className="field-label">{t('checkout.search.label')}</span>
        <input
          className="input input-large"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="search-results"
          aria-activedescendant={items[active] ? `search-option-${active}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          data-autofocus
          data-testid="search-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((a) => Math.min(items.length - 1, a + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              pick(active);
            }
          }}
        />
      </label>
      <p className="field-hint">{t('checkout.search.hint')}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {t('checkout.search.failed', { message: error })}
        </p>
      ) : null}
      {searched !== '' && items.length === 0 && !error ? (
        <p className="search-empty" data-testid="search-empty">
          {t('checkout.search.empty', { query: searched })}
        </p>
      ) : null}
      <ul id="search-results" className="search-results" role="listbox" aria-label={t('checkout.search.results')}>
        {items.map((item, index) => (
          <li
            key={item.code}
            id={`search-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'search-option search-option-active' : 'search-option'}
            data-testid="search-result"
            data-code={item.code}
            onClick={() => pick(index)}
          >
            <span className="search-option-name">
              {item.name}
              {item.discontinued ? <span className="tag tag-warning"> {t('checkout.search.discontinued')}</span> : null}
            </span>
            <span className="search-option-code">{item.code}</span>
            <span className="search-option-price">{format(item.price)}</span>
            {index === active ? <Kbd keys="Enter" /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
