import { FULFILLMENTS, INVOICE_PAGE_SIZES, PAYMENT_STATES } from '../../../shared/contract/invoices';
import type { Translate } from '../../i18n/t';
import { Field } from '../forms/Field';

/** The filters as typed: outlets and tags ticked, the rest as text. */
export interface FiltersDraft {
  readonly outlets: readonly string[];
  readonly tags: readonly string[];
  readonly otherTags: string;
  readonly paymentState: string;
  readonly fulfillment: string;
  readonly customer: string;
  readonly note: string;
  readonly bin: boolean;
  readonly from: string;
  readonly to: string;
  readonly pageSize: number;
}

export const EMPTY_FILTERS: FiltersDraft = {
  outlets: [],
  tags: [],
  otherTags: '',
  paymentState: '',
  fulfillment: '',
  customer: '',
  note: '',
  bin: false,
  from: '',
  to: '',
  pageSize: 100,
};

export interface InvoiceFiltersFormProps {
  readonly draft: FiltersDraft;
  readonly outlets: readonly string[];
  readonly tags: readonly string[];
  readonly busy: boolean;
  readonly dateError: string | null;
  readonly t: Translate;
  readonly onChange: (draft: FiltersDraft) => void;
  readonly onSearch: () => void;
}

const toggle = (list: readonly string[], value: string, on: boolean): string[] => (on ? [...list, value] : list.filter((v) => v !== value));

export function InvoiceFiltersForm({ draft, outlets, tags, busy, dateError, t, onChange, onSearch }: InvoiceFiltersFormProps): React.JSX.Element {
  const set = (patch: Partial<FiltersDraft>): void => onChange({ ...draft, ...patch });
  return (
    <form
      className="card invoice-filters"
      aria-labelledby="invoice-filters-title"
      data-testid="invoice-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <h2 id="invoice-filters-title">{t('invoices.filters.title')}</h2>
      <fieldset className="fieldset">
        <legend className="field-label">{t('invoices.filters.outlets')}</legend>
        <div className="checkbox-grid">
          {outlets.map((outlet) => (
            <label key={outlet} className="checkbox">
              <input
                type="checkbox"
                className="checkbox-input"
                data-testid={`filter-outlet-${outlet}`}
                checked={draft.outlets.includes(outlet)}
                onChange={(event) => set({ outlets: toggle(draft.outlets, outlet, event.target.checked) })}
              />
              {outlet}
            </label>
          ))}
        </div>
        <span className="field-hint">{t('invoices.filters.outletsHint')}</span>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">{t('invoices.filters.tags')}</legend>
        <div className="checkbox-grid">
          {tags.map((tag) => (
            <label key={tag} className="checkbox">
              <input
                type="checkbox"
                className="checkbox-input"
                data-testid={`filter-tag-${tag}`}
                checked={draft.tags.includes(tag)}
                onChange={(event) => set({ tags: toggle(draft.tags, tag, event.target.checked) })}
              />
              {tag}
            </label>
          ))}
        </div>
        <span className="field-hint">{t('invoices.filters.tagsHint')}</span>
      </fieldset>
      <div className="form-grid">
        <Field label={t('invoices.filters.otherTags')} hint={t('invoices.filters.otherTagsHint')}>
          {({ id, describedBy }) => (
            <input id={id} className="input" aria-describedby={describedBy} data-testid="filter-other-tags" value={draft.otherTags} onChange={(e) => set({ otherTags: e.target.value })} />
          )}
        </Field>
        <Field label={t('invoices.filters.payment')}>
          {({ id }) => (
            <select id={id} className="select" data-testid="filter-payment" value={draft.paymentState} onChange={(e) => set({ paymentState: e.target.value })}>
              <option value="">{t('invoices.filters.any')}</option>
              {PAYMENT_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`invoices.payment.${state}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('invoices.filters.fulfillment')}>
          {({ id }) => (
            <select id={id} className="select" data-testid="filter-fulfillment" value={draft.fulfillment} onChange={(e) => set({ fulfillment: e.target.value })}>
              <option value="">{t('invoices.filters.any')}</option>
              {FULFILLMENTS.map((state) => (
                <option key={state} value={state}>
                  {t(`invoices.fulfillment.${state}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('invoices.filters.customer')}>
          {({ id }) => <input id={id} className="input" data-testid="filter-customer" data-wedge="off" value={draft.customer} onChange={(e) => set({ customer: e.target.value })} />}
        </Field>
        <Field label={t('invoices.filters.note')}>
          {({ id }) => <input id={id} className="input" data-testid="filter-note" data-wedge="off" value={draft.note} onChange={(e) => set({ note: e.target.value })} />}
        </Field>
        <Field label={t('invoices.filters.from')}>
          {({ id }) => <input id={id} type="date" className="input" data-testid="filter-from" value={draft.from} onChange={(e) => set({ from: e.target.value })} />}
        </Field>
        <Field label={t('invoices.filters.to')} error={dateError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="filter-to" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
          )}
        </Field>
        <Field label={t('invoices.filters.pageSize')}>
          {({ id }) => (
            <select id={id} className="select" data-testid="filter-page-size" value={draft.pageSize} onChange={(e) => set({ pageSize: Number(e.target.value) })}>
              {INVOICE_PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" className="checkbox-input" data-testid="filter-bin" checked={draft.bin} onChange={(e) => set({ bin: e.target.checked })} />
        {t('invoices.filters.bin')}
      </label>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="invoice-search">
          {t('invoices.filters.search')}
        </button>
      </div>
    </form>
  );
}
