import { useEffect, useState } from 'react';
import { formatCount, formatDateTime, formatDuration } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useStore } from '../../state/store';

/** Catalog sync: progress bar, estimate, last full sync, and a way to start one now. */
export function CatalogSection(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const progress = useStore((s) => s.sync.catalog);
  const catalogError = useStore((s) => s.sync.catalogError);
  const syncCatalogNow = useStore((s) => s.syncCatalogNow);
  const loadCatalogState = useStore((s) => s.loadCatalogState);
  const [busy, setBusy] = useState(false);

  // Live progress arrives as events; this fills in the state from before the screen opened.
  useEffect(() => {
    void loadCatalogState();
  }, [loadCatalogState]);

  const start = async (): Promise<void> => {
    setBusy(true);
    try {
      await syncCatalogNow();
    } finally {
      setBusy(false);
    }
  };

  const state = progress?.state ?? 'idle';
  const total = progress?.total ?? null;
  const done = progress?.done ?? 0;
  const n = (value: number): string => formatCount(locale, value);
  const count = total === null ? t('settings.catalog.progressUnknown', { done: n(done) }) : t('settings.catalog.progress', { done: n(done), total: n(total) });
  return (
    <section className="card" aria-labelledby="catalog-heading" data-testid="settings-catalog">
      <h2 id="catalog-heading">{t('settings.catalog.title')}</h2>
      <p className="catalog-state" data-testid="catalog-state" data-state={state} role="status">
        <strong>{t(`settings.catalog.state.${state}`)}</strong> — {count}
        {progress?.etaMs !== null && progress?.etaMs !== undefined && state === 'syncing' ? (
          <> · {t('settings.catalog.eta', { eta: formatDuration(locale, progress.etaMs) })}</>
        ) : null}
        {progress?.quotaWaitMs && state === 'syncing' ? (
          <span className="status-sub" data-testid="catalog-quota-wait">
            {' '}
            · {t('settings.catalog.quotaWait', { wait: formatDuration(locale, progress.quotaWaitMs) })}
          </span>
        ) : null}
      </p>
      <progress
        aria-label={t('settings.catalog.progressLabel')}
        data-testid="catalog-progress"
        max={total && total > 0 ? total : 1}
        value={total && total > 0 ? Math.min(done, total) : state === 'complete' ? 1 : 0}
      />
      <p className="muted" data-testid="catalog-last-sync">
        {progress?.lastSyncAt ? t('settings.catalog.lastSync', { time: formatDateTime(locale, progress.lastSyncAt) }) : t('settings.catalog.never')}
      </p>
      {progress?.lastError || catalogError ? (
        <p className="notice notice-error" role="alert">
          {progress?.lastError ?? catalogError}
        </p>
      ) : null}
      <button type="button" className="button" disabled={busy || state === 'syncing'} onClick={() => void start()} data-testid="catalog-sync-now">
        {t('settings.catalog.syncNow')}
      </button>
    </section>
  );
}
