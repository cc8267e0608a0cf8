import { useEffect, useMemo, useRef, useState } from 'react';
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

/** What the variant's name adds to its product's ("165g" of "Kopi Kapal Api Special 165g"); null when nothing. */
export function variantLabel(item: CatalogItem): string | null {
  const product = item.product.trim();
  if (product === '' || product === item.name) return null;
  if (item.name.startsWith(product)) {
    const rest = item.name.slice(product.length).trim();
    return rest === '' ? null : rest;
  }
  return null;
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

  // Results sharing a name (a catalog can hold several "Kopi Kapal Api Special 165g") show their
  // code and price up front, so the cashier picks by what tells them apart.
  const lookAlikes = useMemo(() => {
    const seen = new Map<string, number>();
    for (const item of items) seen.set(item.name, (seen.get(item.name) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  }, [items]);

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
      {lookAlikes.size > 0 ? (
        <p className="field-hint" data-testid="search-lookalike-hint">
          {t('checkout.search.lookAlike')}
        </p>
      ) : null}
      <ul id="search-results" className="search-results" role="listbox" aria-label={t('checkout.search.results')}>
        {items.map((item, index) => {
          const lookAlike = lookAlikes.has(item.name);
          const variant = variantLabel(item);
          return (
            <li
              key={item.code}
              id={`search-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`search-option${index === active ? ' search-option-active' : ''}${lookAlike ? ' search-option-lookalike' : ''}`}
              data-testid="search-result"
              data-code={item.code}
              data-lookalike={lookAlike}
              onClick={() => pick(index)}
            >
              <span className="search-option-name">
                {item.name}
                {item.discontinued ? <span className="tag tag-warning"> {t('checkout.search.discontinued')}</span> : null}
                {variant !== null || lookAlike ? (
                  <span className="search-option-detail" data-testid="search-result-detail">
                    {variant !== null ? t('checkout.search.variant', { variant, product: item.product }) : item.product}
                  </span>
                ) : null}
              </span>
              <span className="search-option-code" data-testid="search-result-code">
                {item.code}
              </span>
              <span className="search-option-price">{format(item.price)}</span>
              {index === active ? <Kbd keys="Enter" /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
