import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InvoiceDetailView, InvoiceEdit, InvoiceFilters, InvoicePage, InvoiceRowView } from '../../../shared/contract/invoices';
import { IDR, moneyFormat } from '../../../shared/money';
import { pos } from '../../api/pos';
import { Dialog } from '../../components/checkout/Dialog';
import { InvoiceDetailPanel } from '../../components/invoices/InvoiceDetailPanel';
import { EMPTY_FILTERS, InvoiceFiltersForm, type FiltersDraft } from '../../components/invoices/InvoiceFiltersForm';
import { InvoiceTable } from '../../components/invoices/InvoiceTable';
import { formatDateTime, formatDuration } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useShortcut } from '../../shortcuts/useShortcut';
import { useStore } from '../../state/store';
import { backOfficeErrorText, quotaWaitMs } from './backOfficeError';

/** The seed's channel examples; the register's own tag is added to them. */
const KNOWN_TAGS = ['Offline', 'Whatsapp', 'Shopee', 'Tokopedia'];

interface Query {
  readonly filters: InvoiceFilters;
  readonly pageSize: number;
}

interface OpenInvoice {
  readonly row: InvoiceRowView;
  readonly detail: InvoiceDetailView | null;
  readonly error: string | null;
}

export function filtersFrom(draft: FiltersDraft): InvoiceFilters {
  const other = draft.otherTags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const customer = draft.customer.trim();
  const note = draft.note.trim();
  return {
    outlets: [...draft.outlets],
    tags: [...new Set([...draft.tags, ...other])],
    ...(draft.paymentState === 'Paid' || draft.paymentState === 'Partial' || draft.paymentState === 'Unpaid' ? { paymentState: draft.paymentState } : {}),
    ...(draft.fulfillment === 'Sent' || draft.fulfillment === 'Unsent' ? { fulfillment: draft.fulfillment } : {}),
    ...(customer ? { customer } : {}),
    ...(note ? { note } : {}),
    bin: draft.bin,
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
  };
}

/** The back office's invoices across outlets: find, page, open, correct, delete. Live only. */
export function InvoicesScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const options = useStore((s) => s.settings.options);
  const salesTag = useStore((s) => s.settings.values?.salesTag ?? null);
  const decimals = useStore((s) => s.settings.values?.currencyDecimals ?? 0);
  const loadOptions = useStore((s) => s.loadOptions);
  const [draft, setDraft] = useState<FiltersDraft>(EMPTY_FILTERS);
  const [dateError, setDateError] = useState<string | null>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const [page, setPage] = useState<InvoicePage | null>(null);
  const [busy, setBusy] = useState(false);
  /** Answers so far (pages or errors): shown on the page so a reader can tell a new answer from the last. */
  const [answers, setAnswers] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [quotaWait, setQuotaWait] = useState<number | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenInvoice | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  const outlets = (options?.outlets ?? []).map((outlet) => outlet.name);
  const tags = salesTag && !KNOWN_TAGS.includes(salesTag) ? [salesTag, ...KNOWN_TAGS] : KNOWN_TAGS;
  const taxTypes = (options?.taxes ?? []).map((tax) => tax.name);
  // One formatter for the whole page: rupiah the Indonesian way in either UI language, as on the receipt.
  const formatTotal = useMemo(() => moneyFormat({ ...IDR, decimals }), [decimals]);

  const load = useCallback(
    async (next: Query, pageNumber: number, fresh: boolean): Promise<void> => {
      setBusy(true);
      setError(null);
      setQuotaWait(null);
      try {
        const result = await pos.invoices.list({ filters: next.filters, page: pageNumber, pageSize: next.pageSize, fresh });
        setQuery(next);
        setPage(result);
      } catch (failure) {
        const wait = quotaWaitMs(failure);
        if (wait !== null) setQuotaWait(wait);
        else setError(backOfficeErrorText(failure, t));
      } finally {
        setBusy(false);
        setAnswers((count) => count + 1);
      }
    },
    [t],
  );

  const search = (): void => {
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError(t('invoices.invalid.fromAfterTo'));
      return;
    }
    setDateError(null);
    setFlash(null);
    void load({ filters: filtersFrom(draft), pageSize: draft.pageSize }, 1, false);
  };

  const openInvoice = async (row: InvoiceRowView): Promise<void> => {
    setConfirmDelete(false);
    setOpen({ row, detail: null, error: null });
    try {
      const detail = await pos.invoices.detail({ outlet: row.outlet, number: row.number });
      setOpen((current) => (current?.row.id === row.id ? { ...current, detail } : current));
    } catch (failure) {
      setOpen((current) => (current?.row.id === row.id ? { ...current, error: backOfficeErrorText(failure, t) } : current));
    }
  };

  const save = async (edit: InvoiceEdit): Promise<string | null> => {
    if (!open) return null;
    try {
      const detail = await pos.invoices.update({ outlet: open.row.outlet, number: open.row.number, edit });
      setOpen({ ...open, detail });
      setFlash(t('invoices.edit.saved', { number: open.row.number }));
      if (query && page) void load(query, page.page, true);
      return null;
    } catch (failure) {
      return backOfficeErrorText(failure, t);
    }
  };

  const remove = async (): Promise<void> => {
    if (!open) return;
    const { outlet, number } = open.row;
    setConfirmDelete(false);
    try {
      await pos.invoices.delete({ outlet, number });
      setOpen(null);
      setFlash(t('invoices.delete.done', { number, outlet }));
      if (query && page) void load(query, page.page, true);
    } catch (failure) {
      setOpen({ ...open, error: backOfficeErrorText(failure, t) });
    }
  };

  const close = (): void => {
    if (confirmDelete) setConfirmDelete(false);
    else setOpen(null);
  };
  useShortcut({ id: 'invoices.close', keys: 'Escape', label: 'invoices.shortcut.close', group: 'invoices.group', enabled: open !== null }, close);

  return (
    <section className="screen-invoices" aria-labelledby="invoices-heading">
      <div className="screen-header">
        <h1 id="invoices-heading">{t('invoices.title')}</h1>
      </div>
      <p className="muted" data-testid="invoices-needs-connection">
        {t('invoices.needsConnection')}
      </p>
      <InvoiceFiltersForm draft={draft} outlets={outlets} tags={tags} busy={busy} dateError={dateError} t={t} onChange={setDraft} onSearch={search} />
      {flash ? (
        <p className="notice notice-success" role="status" data-testid="invoices-flash">
          {flash}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="invoices-error">
          {error}
        </p>
      ) : null}
      {quotaWait !== null ? (
        <p className="notice notice-warning" role="alert" data-testid="invoices-quota-wait">
          {t('invoices.list.quotaWait', {
            limit: page?.quota?.limit ?? 50,
            seconds: page?.quota?.windowSeconds ?? 180,
            wait: formatDuration(locale, quotaWait),
          })}
        </p>
      ) : null}
      {busy ? <p role="status">{t('invoices.list.loading')}</p> : null}
      {page && query ? (
        <section className="card" aria-labelledby="invoice-page-heading" aria-busy={busy} data-testid="invoice-page" data-page={page.page} data-answers={answers}>
          <div className="screen-header">
            <h2 id="invoice-page-heading">{t('invoices.list.page', { page: page.page })}</h2>
            <div className="button-row">
              <button type="button" className="button" disabled={busy || page.page <= 1} data-testid="invoice-previous" onClick={() => void load(query, page.page - 1, false)}>
                {t('invoices.list.previous')}
              </button>
              <button type="button" className="button" disabled={busy || !page.mayHaveMore} data-testid="invoice-next" onClick={() => void load(query, page.page + 1, false)}>
                {t('invoices.list.next')}
              </button>
              <button type="button" className="button" disabled={busy} data-testid="invoice-refresh" onClick={() => void load(query, page.page, true)}>
                {t('invoices.filters.refresh')}
              </button>
            </div>
          </div>
          <p className="muted" data-testid="invoice-page-source">
            {page.cached ? t('invoices.list.cached', { time: formatDateTime(locale, page.fetchedAt) }) : t('invoices.list.fetched', { time: formatDateTime(locale, page.fetchedAt) })}
            {page.quota ? <> {t('invoices.list.quota', { remaining: page.quota.remaining, limit: page.quota.limit, seconds: page.quota.windowSeconds })}</> : null}
          </p>
          {query.filters.bin ? (
            <p className="muted" data-testid="invoice-bin-hint">
              {t('invoices.list.binHint')}
            </p>
          ) : null}
          {page.rows.length === 0 ? (
            <p className="muted">{t('invoices.list.empty')}</p>
          ) : (
            <InvoiceTable rows={page.rows} t={t} formatTotal={formatTotal} onOpen={query.filters.bin ? null : (row) => void openInvoice(row)} />
          )}
        </section>
      ) : null}
      {open ? (
        <Dialog title={t('invoices.detail.title', { number: open.row.number, outlet: open.row.outlet })} testId="invoice-dialog" wide onClose={close}>
          {open.error ? (
            <p className="notice notice-error" role="alert" data-testid="invoice-dialog-error">
              {open.error}
            </p>
          ) : null}
          {open.detail ? (
            <InvoiceDetailPanel
              key={JSON.stringify(open.detail.edit)}
              detail={open.detail}
              decimals={decimals}
              taxTypes={taxTypes}
              outlets={outlets}
              t={t}
              formatTotal={formatTotal}
              onSave={save}
              onDelete={() => setConfirmDelete(true)}
            />
          ) : open.error ? null : (
            <p role="status">{t('invoices.detail.loading')}</p>
          )}
          <div className="button-row">
            <button type="button" className="button" data-testid="invoice-close" onClick={() => setOpen(null)}>
              {t('invoices.detail.close')}
            </button>
          </div>
        </Dialog>
      ) : null}
      {open && confirmDelete ? (
        <Dialog title={t('invoices.delete.confirmTitle', { number: open.row.number })} testId="invoice-delete-dialog" onClose={() => setConfirmDelete(false)}>
          <p data-testid="invoice-delete-text">{t('invoices.delete.confirmText', { number: open.row.number, outlet: open.row.outlet })}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" data-testid="invoice-delete-confirm" onClick={() => void remove()}>
              {t('invoices.delete.confirm', { number: open.row.number, outlet: open.row.outlet })}
            </button>
            <button type="button" className="button" data-autofocus data-testid="invoice-delete-cancel" onClick={() => setConfirmDelete(false)}>
              {t('invoices.delete.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
