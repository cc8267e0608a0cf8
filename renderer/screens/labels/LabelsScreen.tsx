import { useEffect, useMemo, useState } from 'react';
import { MAX_LABELS_PER_SHEET, type CachedLabelDocument, type LabelDocument, type LabelSheet, type LabelSizeId, type LabelSource, type LabelSourceKind } from '../../../shared/contract/labels';
import { defaultLabelCount, parseLabelCount } from '../../../shared/labels/labelCounts';
import { formatMoney, IDR } from '../../../shared/money';
import { pos } from '../../api/pos';
import { Field } from '../../components/forms/Field';
import { LabelLinesTable } from '../../components/labels/LabelLinesTable';
import { formatCount, formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { labelErrorText } from './labelErrors';
import './labels.css';

/** The PDF main made, as a link the browser saves (Electron asks where to save it). */
function useSheetLink(sheet: LabelSheet | null): string | null {
  const url = useMemo(() => {
    if (!sheet) return null;
    const bytes = Uint8Array.from(atob(sheet.pdfBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [sheet]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** Receiving labels: load a bill or delivery by outlet and number, adjust counts, make the PDF sheet in main. */
export function LabelsScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const connectivity = useStore((s) => s.app.status.connectivity);
  const decimals = useStore((s) => s.settings.values?.currencyDecimals ?? 0);
  const configuredOutlet = useStore((s) => s.settings.values?.outlet ?? '');
  const outlets = useStore((s) => s.settings.options?.outlets ?? []);
  const loadOptions = useStore((s) => s.loadOptions);

  const [kind, setKind] = useState<LabelSourceKind>('bill');
  const [outlet, setOutlet] = useState(configuredOutlet);
  const [number, setNumber] = useState('');
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [cached, setCached] = useState<readonly CachedLabelDocument[]>([]);
  const [document, setDocument] = useState<LabelDocument | null>(null);
  const [counts, setCounts] = useState<readonly string[]>([]);
  const [size, setSize] = useState<LabelSizeId>('a4');
  const [making, setMaking] = useState(false);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<LabelSheet | null>(null);
  const sheetUrl = useSheetLink(sheet);
  const [openResult, setOpenResult] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  useEffect(() => {
    void loadOptions();
    pos.labels.cached({}).then(setCached, () => setCached([]));
  }, [loadOptions]);

  const formatPrice = (price: number): string => formatMoney(price, { ...IDR, decimals });
  const parsed = counts.map(parseLabelCount);
  const invalid = new Set(parsed.flatMap((count, index) => (count === null ? [index] : [])));
  const total = parsed.reduce<number>((sum, count) => sum + (count ?? 0), 0);

  const load = async (source: LabelSource): Promise<void> => {
    setLoading(true);
    setLoadError(null);
    setSheet(null);
    setSheetError(null);
    try {
      const loaded = await pos.labels.load(source);
      setDocument(loaded);
      setCounts(loaded.lines.map((line) => String(defaultLabelCount(line.quantity))));
      setCached(await pos.labels.cached({}));
    } catch (error) {
      setDocument(null);
      setLoadError(labelErrorText(error, t, (n) => formatCount(locale, n)));
    } finally {
      setLoading(false);
    }
  };

  const openSheet = async (fileName: string): Promise<void> => {
    try {
      const opened = await pos.labels.openSheet({ fileName });
      setOpenResult({ ok: true, text: t('labels.sheet.opened', { path: opened.path }) });
    } catch (error) {
      setOpenResult({ ok: false, text: labelErrorText(error, t, (n) => formatCount(locale, n)) });
    }
  };

  const makeSheet = async (): Promise<void> => {
    if (!document) return;
    setSheet(null);
    setOpenResult(null);
    const firstInvalid = [...invalid][0];
    if (firstInvalid !== undefined) {
      setSheetError(t('labels.error.wholeNumber', { code: document.lines[firstInvalid]?.code ?? '' }));
      return;
    }
    setMaking(true);
    setSheetError(null);
    try {
      const lines = document.lines.map((line, index) => ({ code: line.code, labels: parsed[index] ?? 0 }));
      setSheet(await pos.labels.sheet({ source: document.source, size, lines }));
    } catch (error) {
      setSheetError(labelErrorText(error, t, (n) => formatCount(locale, n)));
    } finally {
      setMaking(false);
    }
  };

  const kindWord = (k: LabelSourceKind): string => t(k === 'bill' ? 'labels.form.kind.bill' : 'labels.form.kind.delivery');

  return (
    <section className="screen-labels" aria-labelledby="labels-heading">
      <div className="screen-header">
        <h1 id="labels-heading">{t('labels.title')}</h1>
      </div>
      <p className="muted">{t('labels.intro')}</p>
      {connectivity === 'offline' ? (
        <p className="notice notice-warning" role="status" data-testid="labels-offline">
          {t('labels.offline.notice')}
        </p>
      ) : null}

      <form
        className="labels-form"
        onSubmit={(event) => {
          event.preventDefault();
          void load({ kind, outlet, number });
        }}
      >
        <Field label={t('labels.form.kind')}>
          {({ id }) => (
            <select id={id} className="input" value={kind} data-testid="labels-kind" onChange={(event) => setKind(event.target.value === 'delivery' ? 'delivery' : 'bill')}>
              <option value="bill">{t('labels.form.kind.bill')}</option>
              <option value="delivery">{t('labels.form.kind.delivery')}</option>
            </select>
          )}
        </Field>
        <Field label={t('labels.form.outlet')}>
          {({ id }) => (
            <>
              <input id={id} className="input" list={`${id}-outlets`} value={outlet} data-testid="labels-outlet" onChange={(event) => setOutlet(event.target.value)} required />
              <datalist id={`${id}-outlets`}>
                {outlets.map((o) => (
                  <option key={o.id} value={o.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('labels.form.number')} hint={t('labels.form.numberHint')}>
          {({ id, describedBy }) => (
            <input id={id} className="input" value={number} aria-describedby={describedBy} data-testid="labels-number" onChange={(event) => setNumber(event.target.value)} required />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={loading} data-testid="labels-load">
          {loading ? t('labels.form.loading') : t('labels.form.load')}
        </button>
      </form>
      {loadError ? (
        <p className="notice notice-error" role="alert" data-testid="labels-load-error">
          {loadError}
        </p>
      ) : null}

      {document ? (
        <section aria-labelledby="labels-doc-heading" data-testid="labels-document" data-from={document.from}>
          <h2 id="labels-doc-heading">{t('labels.doc.title', { kind: kindWord(document.source.kind), number: document.source.number, outlet: document.source.outlet })}</h2>
          <p className={document.from === 'cache' ? 'notice notice-warning' : 'muted'} data-testid="labels-doc-origin">
            {t(document.from === 'cache' ? 'labels.doc.fromCache' : 'labels.doc.fromDealPos', { time: formatDateTime(locale, document.loadedAt) })}{' '}
            {t(document.discontinuedFrom === 'dealpos' ? 'labels.doc.discontinuedDealPos' : 'labels.doc.discontinuedCatalog')}
          </p>
          {document.lines.length === 0 ? (
            <p className="muted">{t('labels.doc.empty')}</p>
          ) : (
            <>
              <LabelLinesTable
                lines={document.lines}
                counts={counts}
                invalid={invalid}
                formatPrice={formatPrice}
                t={t}
                onCount={(index, typed) => {
                  setSheet(null);
                  setCounts((previous) => previous.map((value, i) => (i === index ? typed : value)));
                }}
              />
              <div className="labels-sheet">
                <Field label={t('labels.sheet.size')}>
                  {({ id }) => (
                    <select id={id} className="input" value={size} data-testid="labels-size" onChange={(event) => setSize(event.target.value === 'roll50x30' ? 'roll50x30' : 'a4')}>
                      <option value="a4">{t('labels.sheet.size.a4')}</option>
                      <option value="roll50x30">{t('labels.sheet.size.roll50x30')}</option>
                    </select>
                  )}
                </Field>
                <p data-testid="labels-total">
                  <strong>{t('labels.sheet.total', { count: formatCount(locale, total) })}</strong>
                  <br />
                  <span className="muted">{t('labels.sheet.max', { max: formatCount(locale, MAX_LABELS_PER_SHEET) })}</span>
                </p>
                <button type="button" className="button button-primary" disabled={making} data-testid="labels-make" onClick={() => void makeSheet()}>
                  {making ? t('labels.sheet.making') : t('labels.sheet.make')}
                </button>
              </div>
              {sheetError ? (
                <p className="notice notice-error" role="alert" data-testid="labels-sheet-error">
                  {sheetError}
                </p>
              ) : null}
              {sheet && sheetUrl ? (
                <div className="notice notice-success" role="status" data-testid="labels-ready">
                  <p>{t('labels.sheet.ready', { count: formatCount(locale, sheet.labels), pages: sheet.pages })}</p>
                  <p>
                    <a className="button button-primary" href={sheetUrl} download={sheet.fileName} data-testid="labels-save">
                      {t('labels.sheet.save')}
                    </a>{' '}
                    <button type="button" className="button" data-testid="labels-open" onClick={() => void openSheet(sheet.fileName)}>
                      {t('labels.sheet.open')}
                    </button>
                  </p>
                  {openResult ? (
                    <p className={openResult.ok ? undefined : 'field-error'} role={openResult.ok ? 'status' : 'alert'} data-testid="labels-open-result">
                      {openResult.text}
                    </p>
                  ) : null}
                  <p className="muted">{t('labels.sheet.printHint')}</p>
                </div>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="labels-cached-heading" data-testid="labels-cached">
        <h2 id="labels-cached-heading">{t('labels.cached.title')}</h2>
        {cached.length === 0 ? <p className="muted">{t('labels.cached.empty')}</p> : null}
        <ul className="labels-cached">
          {cached.map((entry) => (
            <li key={`${entry.source.kind}|${entry.source.outlet}|${entry.source.number}`}>
              <button type="button" className="button" disabled={loading} onClick={() => void load(entry.source)}>
                {t('labels.cached.item', {
                  kind: kindWord(entry.source.kind),
                  number: entry.source.number,
                  outlet: entry.source.outlet,
                  units: formatCount(locale, entry.units),
                  time: formatDateTime(locale, entry.loadedAt),
                })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
